import type { Me } from '../authProvider';

/** The user's scope in words: "75 – Paris", "Île-de-France", or the given word for national. */
export function describeScope(me: Pick<Me, 'region' | 'departments'>, national: string): string {
  if (me.departments.length) return me.departments.map((d) => `${d.code} – ${d.name}`).join(', ');
  if (me.region) return me.region.name;
  return national;
}

export interface Coded {
  code: string;
  name: string;
}

/** "75 – Paris" (INSEE code – name), or a dash. */
export const coded = (value: Coded | null | undefined) => (value ? `${value.code} – ${value.name}` : '—');

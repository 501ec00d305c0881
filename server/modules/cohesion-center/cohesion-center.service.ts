import type { EntityManager } from '@mikro-orm/postgresql';
import { integerIn } from '../../common/inputs';
import { recordWrites } from '../../common/record-writes';
import { assertUuid } from '../../common/validation';
import { badInput } from '../../kernel/errors';
import type { CurrentUser } from '../../kernel/current-user';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { auditWriter } from '../audit-event/audit.service';
import { checkedPlace } from '../department/place.service';
import { Session } from '../session/session.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { CohesionCenter } from './cohesion-center.entity';
import type { CohesionCenterInput } from './cohesion-center.inputs';

export const MAX_CENTER_CAPACITY = 2000;

const writes = recordWrites({
  entity: CohesionCenter,
  recordType: 'CohesionCenter',
  label: 'Ce centre',
  roles: PLACEMENT_MANAGERS,
  snapshot: (c) => ({ name: c.name, address: c.address, zip: c.zip, city: c.city, department: c.department.id, capacity: c.capacity, accessibleReducedMobility: c.accessibleReducedMobility }),
  departmentOf: (c) => c.department.id,
  audit: auditWriter('CohesionCenter'),
});

/** The input, checked: texts, postal code, capacity, and a department of the user's territory. */
async function checked(ctx: RequestContext, user: CurrentUser, input: CohesionCenterInput) {
  return {
    ...(await checkedPlace(ctx, user, input, 'Le nom du centre')),
    capacity: integerIn(input.capacity, 1, MAX_CENTER_CAPACITY, 'capacity', 'La capacité'),
    accessibleReducedMobility: input.accessibleReducedMobility ?? false,
  };
}

export function createCohesionCenter(ctx: RequestContext, input: CohesionCenterInput): Promise<CohesionCenter> {
  return writes.create(ctx, async (tx, user) => tx.create(CohesionCenter, await checked(ctx, user, input)));
}

/** The largest session of the centre: its capacity may not drop below it. */
async function largestSession(tx: EntityManager, centerId: string): Promise<number> {
  const sessions = await tx.find(Session, { center: centerId }, { fields: ['placesTotal'] });
  return Math.max(0, ...sessions.map((s) => s.placesTotal));
}

export function updateCohesionCenter(ctx: RequestContext, id: string, input: CohesionCenterInput, version: number | null | undefined): Promise<CohesionCenter> {
  return writes.update(ctx, assertUuid(id), version, async (tx, center, user) => {
    const values = await checked(ctx, user, input);
    const largest = await largestSession(tx, center.id);
    if (values.capacity < largest) {
      throw badInput(`La capacité (${values.capacity}) ne peut pas être inférieure aux places d’une de ses sessions (${largest}).`, 'capacity');
    }
    tx.assign(center, values);
  });
}

/** National staff only; refused while volunteers are placed in one of its sessions (sessions and lines go with it). */
export function deleteCohesionCenter(ctx: RequestContext, id: string): Promise<boolean> {
  return writes.remove(ctx, assertUuid(id), async (tx, center) => {
    const placed = await tx.count(Volunteer, { session: { center: center.id } });
    if (placed > 0) throw badInput(`Impossible de supprimer ce centre : ${placed} volontaire(s) y sont affectés. Désaffectez-les d’abord.`, 'id');
    await tx.nativeDelete(Session, { center: center.id });
  });
}

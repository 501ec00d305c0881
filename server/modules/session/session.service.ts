import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { integerIn } from '../../common/inputs';
import { recordWrites } from '../../common/record-writes';
import { assertUuid } from '../../common/validation';
import { badInput, notFound } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS, Role } from '../../kernel/roles';
import { countReferencing, findInScope } from '../../scope/write-guard';
import { auditWriter } from '../audit-event/audit.service';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import type { CurrentUser } from '../../kernel/current-user';
import { Cohort } from '../cohort/cohort.entity';
import { assertSessionEditingOpen } from '../cohort/cohort.rules';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Session } from './session.entity';
import type { SessionInput } from './session.inputs';

const writes = recordWrites({
  entity: Session,
  recordType: 'Session',
  label: 'Cette session',
  roles: PLACEMENT_MANAGERS,
  snapshot: (s) => ({ cohort: s.cohort.id, center: s.center.id, placesTotal: s.placesTotal, placesLeft: s.placesLeft, headCenter: s.headCenter?.id ?? null }),
  // The session's history is scoped by its centre's department.
  departmentOf: async (s, tx) => (await tx.findOneOrFail(CohesionCenter, { id: s.center.id }, { fields: ['department'] })).department.id,
  audit: auditWriter('Session'),
});

/** The input's records, each loaded through the scope: a centre of another region is not found. */
async function checked(tx: EntityManager, user: CurrentUser, input: SessionInput) {
  const cohort = await tx.findOne(Cohort, { id: assertUuid(input.cohortId, 'cohortId') });
  if (!cohort) throw notFound('Ce séjour');
  assertSessionEditingOpen(user, cohort);
  const center = await findInScope(tx, CohesionCenter, assertUuid(input.centerId, 'centerId'), { label: 'Ce centre' });
  const placesTotal = integerIn(input.placesTotal, 0, center.capacity, 'placesTotal', `Le nombre de places (capacité du centre : ${center.capacity})`);
  let headCenter: User | null = null;
  if (input.headCenterId) {
    headCenter = await findInScope(tx, User, assertUuid(input.headCenterId, 'headCenterId'), { label: 'Ce compte' });
    if (headCenter.role !== Role.HEAD_CENTER) throw badInput(`${headCenter.firstName} ${headCenter.lastName} n’est pas chef de centre : choisissez un compte « chef de centre ».`, 'headCenterId');
  }
  return { cohort, center, placesTotal, headCenter };
}

async function assertNoTwin(tx: EntityManager, cohortId: string, centerId: string, except?: string): Promise<void> {
  const twin = await tx.findOne(Session, { cohort: cohortId, center: centerId, ...(except ? { id: { $ne: except } } : {}) });
  if (twin) throw badInput('Ce centre a déjà une session pour ce séjour : modifiez-la plutôt que d’en créer une autre.', 'centerId');
}

export function createSession(ctx: RequestContext, input: SessionInput): Promise<Session> {
  return writes.create(ctx, async (tx, user) => {
    const { cohort, center, placesTotal, headCenter } = await checked(tx, user, input);
    await assertNoTwin(tx, cohort.id, center.id);
    return tx.create(Session, { cohort, center, placesTotal, placesLeft: placesTotal, headCenter });
  });
}

/**
 * The session row is locked, so no assignment runs meanwhile: the places taken are counted, the
 * new total may not be below them, and `placesLeft` is set from that count (always right). A
 * session with volunteers keeps its cohort.
 */
export function updateSession(ctx: RequestContext, id: string, input: SessionInput, version: number | null | undefined): Promise<Session> {
  return writes.update(
    ctx,
    assertUuid(id),
    version,
    async (tx, session, user) => {
      // The session's current cohort must be open too: a session does not leave an archived cohort.
      assertSessionEditingOpen(user, await tx.findOneOrFail(Cohort, { id: session.cohort.id }));
      const { cohort, center, placesTotal, headCenter } = await checked(tx, user, input);
      const taken = await countReferencing(tx, Volunteer, 'session', session);
      if (placesTotal < taken) throw badInput(`Impossible de réduire la session à ${placesTotal} places : ${taken} volontaires y sont déjà affectés.`, 'placesTotal');
      if (cohort.id !== session.cohort.id && taken > 0) throw badInput('Des volontaires sont affectés à cette session : son séjour ne peut plus changer.', 'cohortId');
      if (cohort.id !== session.cohort.id || center.id !== session.center.id) await assertNoTwin(tx, cohort.id, center.id, session.id);
      tx.assign(session, { cohort, center, placesTotal, placesLeft: placesTotal - taken, headCenter });
    },
    LockMode.PESSIMISTIC_WRITE,
  );
}

/** National staff only; refused while volunteers are placed there (its lines go with it). */
export function deleteSession(ctx: RequestContext, id: string): Promise<boolean> {
  return writes.remove(
    ctx,
    assertUuid(id),
    async (tx, session) => {
      const taken = await countReferencing(tx, Volunteer, 'session', session);
      if (taken > 0) throw badInput(`Impossible de supprimer cette session : ${taken} volontaire(s) y sont affectés. Désaffectez-les d’abord.`, 'id');
    },
    LockMode.PESSIMISTIC_WRITE,
  );
}

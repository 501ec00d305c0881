import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { integerIn, requiredText } from '../../common/inputs';
import { recordWrites } from '../../common/record-writes';
import { assertUuid } from '../../common/validation';
import { badInput } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { countReferencing, findInScope } from '../../scope/write-guard';
import { auditWriter } from '../audit-event/audit.service';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import type { CurrentUser } from '../../kernel/current-user';
import { Cohort } from '../cohort/cohort.entity';
import { assertSessionEditingOpen } from '../cohort/cohort.rules';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { Session } from '../session/session.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { TransportLine } from './transport-line.entity';
import type { TransportLineInput } from './transport-line.inputs';
import { TransportLineStop } from './transport-line-stop.entity';

export const MAX_SEATS = 1000;
export const MAX_STOPS = 30;
const DAY = 86_400_000;

type Stops = Array<{ meetingPointId: string; departureAt: Date | null }>;

const writes = recordWrites({
  entity: TransportLine,
  recordType: 'TransportLine',
  label: 'Cette ligne',
  roles: PLACEMENT_MANAGERS,
  // Stops are audited as "meeting point id @ departure time", in order.
  snapshot: async (l, tx) => ({
    code: l.code,
    session: l.session.id,
    seatsTotal: l.seatsTotal,
    seatsLeft: l.seatsLeft,
    stops: (await tx.find(TransportLineStop, { line: l.id }, { orderBy: { position: 'asc' } })).map((s) => (s.departureAt ? `${s.meetingPoint.id}@${s.departureAt.toISOString()}` : s.meetingPoint.id)),
  }),
  departmentOf: async (l, tx) => {
    const session = await tx.findOneOrFail(Session, { id: l.session.id }, { fields: ['center'] });
    return (await tx.findOneOrFail(CohesionCenter, { id: session.center.id }, { fields: ['department'] })).department.id;
  },
  audit: auditWriter('TransportLine'),
});

/**
 * The input, checked: the session and every meeting point loaded through the scope (one of
 * another region is not found), no meeting point twice, departures on the stay's first day or the
 * day before, in the order of the route.
 */
async function checked(tx: EntityManager, user: CurrentUser, input: TransportLineInput) {
  const session = await findInScope(tx, Session, assertUuid(input.sessionId, 'sessionId'), { label: 'Cette session' });
  const cohort = await tx.findOneOrFail(Cohort, { id: session.cohort.id });
  assertSessionEditingOpen(user, cohort);
  const given = input.stops ?? (input.meetingPointIds ?? []).map((meetingPointId) => ({ meetingPointId, departureAt: null }));
  if (input.stops && input.meetingPointIds) throw badInput('Donnez les arrêts soit par `stops`, soit par `meetingPointIds`, pas les deux.', 'stops');
  if (given.length === 0) throw badInput('Une ligne dessert au moins un point de rassemblement.', 'stops');
  if (given.length > MAX_STOPS) throw badInput(`Au plus ${MAX_STOPS} arrêts par ligne (reçu ${given.length}).`, 'stops');
  const ids = given.map((s) => assertUuid(s.meetingPointId, 'meetingPointId'));
  if (new Set(ids).size !== ids.length) throw badInput('Un même point de rassemblement apparaît deux fois dans les arrêts.', 'stops');
  const points = await Promise.all(ids.map((id) => findInScope(tx, MeetingPoint, id, { label: 'Ce point de rassemblement' })));
  const first = Date.parse(`${cohort.startDate}T00:00:00Z`);
  let previous = -Infinity;
  for (const stop of given) {
    if (!stop.departureAt) continue;
    const at = stop.departureAt.getTime();
    if (Number.isNaN(at) || at < first - 2 * DAY || at > first + 2 * DAY) {
      throw badInput(`L’heure de départ doit être le premier jour du séjour (${cohort.startDate.split('-').reverse().join('/')}) ou la veille.`, 'stops.departureAt');
    }
    if (at < previous) throw badInput('Les heures de départ doivent suivre l’ordre des arrêts.', 'stops.departureAt');
    previous = at;
  }
  return {
    session,
    code: requiredText(input.code, 'code', 'Le code de la ligne', 40),
    seatsTotal: integerIn(input.seatsTotal, 1, MAX_SEATS, 'seatsTotal', 'Le nombre de places du car'),
    stops: given.map((s, i) => ({ meetingPointId: points[i]!.id, departureAt: s.departureAt ?? null })),
  };
}

async function assertCodeFree(tx: EntityManager, sessionId: string, code: string, except?: string): Promise<void> {
  const twin = await tx.findOne(TransportLine, { session: sessionId, code, ...(except ? { id: { $ne: except } } : {}) });
  if (twin) throw badInput(`La session a déjà une ligne « ${code} » : choisissez un autre code.`, 'code');
}

async function replaceStops(tx: EntityManager, line: TransportLine, stops: Stops): Promise<void> {
  await tx.nativeDelete(TransportLineStop, { line: line.id });
  stops.forEach((stop, position) => tx.persist(tx.create(TransportLineStop, { line, meetingPoint: stop.meetingPointId, position, departureAt: stop.departureAt })));
}

export function createTransportLine(ctx: RequestContext, input: TransportLineInput): Promise<TransportLine> {
  return writes.create(ctx, async (tx, user) => {
    const { session, code, seatsTotal, stops } = await checked(tx, user, input);
    await assertCodeFree(tx, session.id, code);
    const line = tx.create(TransportLine, { session, code, seatsTotal, seatsLeft: seatsTotal });
    await replaceStops(tx, line, stops);
    return line;
  });
}

/**
 * The line is locked, so no assignment takes a seat meanwhile: seats may not drop below the
 * volunteers on board, a stop a volunteer leaves from may not be removed, and a line with
 * volunteers keeps its session.
 */
export function updateTransportLine(ctx: RequestContext, id: string, input: TransportLineInput, version: number | null | undefined): Promise<TransportLine> {
  return writes.update(
    ctx,
    assertUuid(id),
    version,
    async (tx, line, user) => {
      // The line's current session must be editable too, not only the one it moves to.
      const currentSession = await tx.findOneOrFail(Session, { id: line.session.id }, { fields: ['cohort'] });
      assertSessionEditingOpen(user, await tx.findOneOrFail(Cohort, { id: currentSession.cohort.id }));
      const current = await tx.find(TransportLineStop, { line: line.id }, { orderBy: { position: 'asc' } });
      const { session, code, seatsTotal, stops } = await checked(tx, user, input);
      const onBoard = await countReferencing(tx, Volunteer, 'transportLine', line);
      if (seatsTotal < onBoard) throw badInput(`Impossible de réduire la ligne à ${seatsTotal} places : ${onBoard} volontaires y sont inscrits.`, 'seatsTotal');
      if (session.id !== line.session.id && onBoard > 0) throw badInput('Des volontaires sont inscrits sur cette ligne : sa session ne peut plus changer.', 'sessionId');
      const kept = new Set(stops.map((s) => s.meetingPointId));
      for (const stop of current) {
        if (kept.has(stop.meetingPoint.id)) continue;
        const leaving = await countReferencing(tx, Volunteer, 'transportLine', line, { meetingPoint: stop.meetingPoint.id });
        if (leaving > 0) throw badInput(`${leaving} volontaire(s) partent d’un arrêt que vous retirez : changez d’abord leur point de rassemblement.`, 'stops');
      }
      if (code !== line.code || session.id !== line.session.id) await assertCodeFree(tx, session.id, code, line.id);
      tx.assign(line, { session, code, seatsTotal, seatsLeft: seatsTotal - onBoard });
      await replaceStops(tx, line, stops);
    },
    LockMode.PESSIMISTIC_WRITE,
  );
}

/** National staff only; refused while volunteers are on board. */
export function deleteTransportLine(ctx: RequestContext, id: string): Promise<boolean> {
  return writes.remove(
    ctx,
    assertUuid(id),
    async (tx, line) => {
      const onBoard = await countReferencing(tx, Volunteer, 'transportLine', line);
      if (onBoard > 0) throw badInput(`Impossible de supprimer cette ligne : ${onBoard} volontaire(s) y sont inscrits.`, 'id');
    },
    LockMode.PESSIMISTIC_WRITE,
  );
}

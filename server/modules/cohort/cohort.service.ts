import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarDate, frenchDay, requiredText } from '../../common/inputs';
import { likeLiteral } from '../../common/filters';
import { recordWrites } from '../../common/record-writes';
import { assertUuid } from '../../common/validation';
import { badInput } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { auditWriter } from '../audit-event/audit.service';
import { TransportLineStop } from '../transport-line/transport-line-stop.entity';
import { Cohort, CohortStatus } from './cohort.entity';
import type { CohortInput } from './cohort.inputs';

const DAY = 86_400_000;
/** The longest stay accepted: a cohesion stay lasts about two weeks. */
export const MAX_STAY_DAYS = 31;

const writes = recordWrites({
  entity: Cohort,
  recordType: 'Cohort',
  label: 'Ce séjour',
  roles: [Role.ADMIN],
  snapshot: (c) => ({
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    registrationStartDate: c.registrationStartDate,
    registrationEndDate: c.registrationEndDate,
    instructionEndDate: c.instructionEndDate,
    status: c.status,
    manualAssignmentOpenForRegion: c.manualAssignmentOpenForRegion,
    sessionEditingOpenForRegion: c.sessionEditingOpenForRegion,
  }),
  // The national calendar: its history is national staff's.
  departmentOf: () => null,
  audit: auditWriter('Cohort'),
});

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

/** The input's fields, each date valid and in the cohort's order: registration, instruction, then the stay. */
function checked(input: CohortInput) {
  const fields = {
    name: requiredText(input.name, 'name', 'Le nom du séjour', 100),
    startDate: calendarDate(input.startDate, 'startDate', 'Le début du séjour'),
    endDate: calendarDate(input.endDate, 'endDate', 'La fin du séjour'),
    registrationStartDate: calendarDate(input.registrationStartDate, 'registrationStartDate', 'L’ouverture des inscriptions'),
    registrationEndDate: calendarDate(input.registrationEndDate, 'registrationEndDate', 'La clôture des inscriptions'),
    instructionEndDate: calendarDate(input.instructionEndDate, 'instructionEndDate', 'La fin de l’instruction'),
  };
  const { startDate, endDate, registrationStartDate, registrationEndDate, instructionEndDate } = fields;
  if (endDate <= startDate) throw badInput(`La fin du séjour (${frenchDay(endDate)}) doit être après son début (${frenchDay(startDate)}).`, 'endDate');
  if (days(startDate, endDate) > MAX_STAY_DAYS) throw badInput(`Un séjour dure au plus ${MAX_STAY_DAYS} jours (ici ${days(startDate, endDate)}).`, 'endDate');
  if (registrationEndDate < registrationStartDate) throw badInput(`La clôture des inscriptions (${frenchDay(registrationEndDate)}) doit suivre leur ouverture (${frenchDay(registrationStartDate)}).`, 'registrationEndDate');
  if (registrationEndDate >= startDate) throw badInput(`Les inscriptions doivent être closes avant le début du séjour (${frenchDay(startDate)}).`, 'registrationEndDate');
  if (instructionEndDate < registrationStartDate) throw badInput(`La fin de l’instruction (${frenchDay(instructionEndDate)}) ne peut pas précéder l’ouverture des inscriptions (${frenchDay(registrationStartDate)}).`, 'instructionEndDate');
  if (instructionEndDate >= startDate) throw badInput(`La fin de l’instruction (${frenchDay(instructionEndDate)}) doit précéder le début du séjour (${frenchDay(startDate)}).`, 'instructionEndDate');
  return fields;
}

async function assertNameFree(tx: EntityManager, name: string, except?: string): Promise<void> {
  const twin = await tx.findOne(Cohort, { name: { $ilike: likeLiteral(name) }, ...(except ? { id: { $ne: except } } : {}) });
  if (twin) throw badInput(`Un séjour s’appelle déjà « ${twin.name} » : choisissez un autre nom.`, 'name');
}

/** Lines leave on the stay's first day or the day before: a new start date may not strand their departures. */
async function assertDeparturesFit(tx: EntityManager, cohort: Cohort, startDate: string): Promise<void> {
  if (startDate === cohort.startDate) return;
  const first = Date.parse(`${startDate}T00:00:00Z`);
  const stranded = await tx.count(TransportLineStop, {
    line: { session: { cohort: cohort.id } },
    $or: [{ departureAt: { $lt: new Date(first - 2 * DAY) } }, { departureAt: { $gt: new Date(first + 2 * DAY) } }],
  });
  if (stranded > 0) throw badInput(`${stranded} départ(s) de car ne tomberaient plus le premier jour du séjour ou la veille : modifiez d’abord les lignes de transport.`, 'startDate');
}

export function createCohort(ctx: RequestContext, input: CohortInput): Promise<Cohort> {
  return writes.create(ctx, async (tx) => {
    const fields = checked(input);
    await assertNameFree(tx, fields.name);
    return tx.create(Cohort, {
      ...fields,
      status: CohortStatus.PUBLISHED,
      manualAssignmentOpenForRegion: input.manualAssignmentOpenForRegion ?? false,
      sessionEditingOpenForRegion: input.sessionEditingOpenForRegion ?? true,
    });
  });
}

export function updateCohort(ctx: RequestContext, id: string, input: CohortInput, version: number | null | undefined): Promise<Cohort> {
  return writes.update(
    ctx,
    assertUuid(id),
    version,
    async (tx, cohort) => {
      const fields = checked(input);
      if (fields.name !== cohort.name) await assertNameFree(tx, fields.name, cohort.id);
      await assertDeparturesFit(tx, cohort, fields.startDate);
      tx.assign(cohort, {
        ...fields,
        manualAssignmentOpenForRegion: input.manualAssignmentOpenForRegion ?? cohort.manualAssignmentOpenForRegion,
        sessionEditingOpenForRegion: input.sessionEditingOpenForRegion ?? cohort.sessionEditingOpenForRegion,
      });
    },
    LockMode.PESSIMISTIC_WRITE,
  );
}

/** Archiving freezes the cohort's records for everyone but national staff (cohort.rules.ts). */
export function archiveCohort(ctx: RequestContext, id: string): Promise<Cohort> {
  return writes.update(
    ctx,
    assertUuid(id),
    null,
    async (_tx, cohort) => {
      if (cohort.status === CohortStatus.ARCHIVED) throw badInput(`Le séjour « ${cohort.name} » est déjà archivé.`, 'id');
      cohort.status = CohortStatus.ARCHIVED;
    },
    LockMode.PESSIMISTIC_WRITE,
    'ARCHIVED',
  );
}

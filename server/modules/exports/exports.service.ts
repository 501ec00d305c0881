import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { sortOrder } from '../../common/crud.resolver';
import { parisMinute } from '../../common/dates';
import type { ListArgs } from '../../common/list.types';
import { type ExportColumn, type ExportFormat, exportTable } from '../../common/table-export';
import { inTransaction } from '../../common/transaction';
import type { CurrentUser } from '../../kernel/current-user';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { ALL_ROLES, Role, STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { AuditEvent } from '../audit-event/audit-event.entity';
import { auditEventListing } from '../audit-event/audit-event.resolver';
import { recordAudit } from '../audit-event/audit.service';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { centerListing } from '../cohesion-center/cohesion-center.resolver';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { Session } from '../session/session.entity';
import { sessionListing } from '../session/session.resolver';
import { User } from '../user/user.entity';
import { volunteerTable } from '../volunteer/volunteer-export.service';
import type { VolunteerFilter } from '../volunteer/volunteer.inputs';

type Sort = Pick<ListArgs, 'sortField' | 'sortOrder'>;
type Table = Parameters<typeof exportTable>[1];

/** A name per id, read once per export: departments as « 75 – Paris », cohorts, centres, accounts. */
async function names<T extends { id: string }>(ctx: RequestContext, entity: new () => T, ids: string[], label: (row: T) => string): Promise<(value: unknown) => string> {
  const rows = (await ctx.loaders.followAll(entity, ids.map((id) => ({ id })))).filter((r): r is T => r !== null);
  const byId = new Map(rows.map((r) => [r.id, label(r)]));
  return (value) => byId.get(String(value)) ?? String(value);
}
const minute = (value: unknown) => parisMinute(value as Date | string);
const yesNo = (value: unknown) => (value === true || value === 't' ? 'Oui' : 'Non');

/** What each exportable list is: who may export it, its GraphQL filter type, its columns. */
export interface Exportable {
  /** French file name stem: `volontaires` gives `volontaires-2026-12-02.xlsx`. */
  fileName: string;
  filterType: string;
  roles: readonly Role[];
  table(ctx: RequestContext, filter: Record<string, unknown>, sort: Sort): Promise<Table>;
}

export const EXPORTABLES: Record<string, Exportable> = {
  volunteers: {
    fileName: 'volontaires',
    filterType: 'VolunteerFilter',
    roles: STAFF_WITH_PERSONAL_DATA,
    table: (ctx, filter, sort) => volunteerTable(ctx, filter as VolunteerFilter, sort) as Promise<Table>,
  },
  'cohesion-centers': {
    fileName: 'centres',
    filterType: 'CohesionCenterFilter',
    roles: ALL_ROLES,
    async table(ctx, filter, sort) {
      const where = centerListing.where(filter);
      const department = await names(ctx, Department, await ScopedQuery.of(ctx.em, CohesionCenter, where).distinctValues('department'), (d) => `${d.code} – ${d.name}`);
      const columns: Array<ExportColumn<CohesionCenter>> = [
        { header: 'Identifiant', property: 'id', width: 38 },
        { header: 'Nom', property: 'name', width: 40 },
        { header: 'Adresse', property: 'address', width: 40 },
        { header: 'Code postal', property: 'zip' },
        { header: 'Ville', property: 'city', width: 24 },
        { header: 'Département', property: 'department', write: department, width: 28 },
        { header: 'Capacité', property: 'capacity' },
        { header: 'Accessible PMR', property: 'accessibleReducedMobility', write: yesNo },
      ];
      return { entity: CohesionCenter, where, orderBy: sortOrder<CohesionCenter>(centerListing, sort), columns, sheetName: 'Centres' } as Table;
    },
  },
  sessions: {
    fileName: 'sessions',
    filterType: 'SessionFilter',
    roles: ALL_ROLES,
    async table(ctx, filter, sort) {
      const where = sessionListing.where(filter);
      const query = ScopedQuery.of(ctx.em, Session, where);
      const cohort = await names(ctx, Cohort, await query.distinctValues('cohort'), (c) => c.name);
      const center = await names(ctx, CohesionCenter, await query.distinctValues('center'), (c) => `${c.name} (${c.city})`);
      const columns: Array<ExportColumn<Session>> = [
        { header: 'Identifiant', property: 'id', width: 38 },
        { header: 'Séjour', property: 'cohort', write: cohort, width: 20 },
        { header: 'Centre', property: 'center', write: center, width: 44 },
        { header: 'Places', property: 'placesTotal' },
        { header: 'Places restantes', property: 'placesLeft' },
        { header: 'Créée le', property: 'createdAt', write: minute, width: 18 },
      ];
      return { entity: Session, where, orderBy: sortOrder<Session>(sessionListing, sort), columns, sheetName: 'Sessions' } as Table;
    },
  },
  'audit-events': {
    fileName: 'historique',
    filterType: 'AuditEventFilter',
    roles: [Role.ADMIN, Role.REFERENT_REGION, Role.REFERENT_DEPARTMENT],
    async table(ctx, filter, sort) {
      const where = auditEventListing.where(filter);
      const query = ScopedQuery.of(ctx.em, AuditEvent, where);
      // Who did it is shown even when the account is outside the reader's scope, as on screen.
      const person = await names(ctx, User, [...new Set([...(await query.distinctValues('actor')), ...(await query.distinctValues('impersonator'))])], (u) => `${u.firstName} ${u.lastName} <${u.email}>`);
      const columns: Array<ExportColumn<AuditEvent>> = [
        { header: 'Rang', property: 'seq' },
        { header: 'Date', property: 'createdAt', write: minute, width: 18 },
        { header: 'Auteur', property: 'actor', write: person, width: 40 },
        { header: 'Pour le compte de', property: 'impersonator', write: person, width: 40 },
        { header: 'Action', property: 'action', width: 30 },
        { header: 'Élément', property: 'recordType', width: 16 },
        { header: 'Identifiant de l’élément', property: 'recordId', width: 38 },
        { header: 'Modifications (avant → après)', property: 'changes', write: (v) => (typeof v === 'string' ? v : JSON.stringify(v)), width: 60 },
      ];
      return { entity: AuditEvent, where, orderBy: sortOrder<AuditEvent>(auditEventListing, sort), columns, sheetName: 'Historique' } as Table;
    },
  },
};

/** The export's department, so its event is read like the list it copies: the filter's, or the user's only one. */
function departmentOf(user: CurrentUser, filter: Record<string, unknown>): string | null {
  const chosen = typeof filter.departmentId === 'string' ? filter.departmentId : null;
  if (chosen && (user.territory.national || user.territory.departmentIds.includes(chosen))) return chosen;
  return user.territory.departmentIds.length === 1 ? user.territory.departmentIds[0]! : null;
}

/** Checks the role before the first byte (the route answers refusals as JSON). */
export function assertMayExport(ctx: RequestContext, exportable: Exportable): CurrentUser {
  return requireRole(ctx, exportable.roles);
}

/**
 * Streams the list in `format` to `out`, then writes the export to the audit trail (action
 * `EXPORT`, the resource, format, filter and row count), also when the stream failed midway.
 */
export async function runExport(ctx: RequestContext, resource: string, exportable: Exportable, format: ExportFormat, filter: Record<string, unknown>, sort: Sort, out: Writable): Promise<number> {
  const user = assertMayExport(ctx, exportable);
  const table = await exportable.table(ctx, filter, sort);
  let rows = 0;
  let complete = false;
  try {
    rows = await exportTable(ctx.em, table, format, out);
    complete = true;
    return rows;
  } finally {
    await inTransaction(ctx, async (tx) => {
      recordAudit(tx, user, {
        action: 'EXPORT',
        recordType: 'Export',
        recordId: randomUUID(),
        departmentId: departmentOf(user, filter),
        changes: { resource: { old: null, new: resource }, format: { old: null, new: format }, filter: { old: null, new: filter }, rows: { old: null, new: complete ? rows : null } },
      });
      await tx.flush();
    });
  }
}

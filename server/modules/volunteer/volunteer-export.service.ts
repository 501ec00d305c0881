import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { sortOrder } from '../../common/crud.resolver';
import { parisMinute } from '../../common/dates';
import type { ListArgs } from '../../common/list.types';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { CohesionCenter } from '../cohesion-center/cohesion-center.entity';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { Session } from '../session/session.entity';
import { Volunteer } from './volunteer.entity';
import type { Gender, Phase1Status, VolunteerStatus } from './volunteer.enums';
import type { VolunteerFilter } from './volunteer.inputs';
import { VOLUNTEER_SORTS, volunteerWhere } from './volunteer.filters';
import { GENDER_LABELS, PHASE1_LABELS, STATUS_LABELS } from './volunteer.labels';

type Labels = (value: string) => string;
const labelled = (labels: Record<string, string>): Labels => (value) => labels[value] ?? value;

/**
 * Columns of the file: French header, the volunteer's property, how a value is written. Relations
 * are written from small lookup tables read once per export (departments, cohorts, centres).
 */
function columns(lookups: { department: Labels; cohort: Labels; centreOfSession: Labels }): Array<{ header: string; property: keyof Volunteer & string; write?: Labels }> {
  return [
    { header: 'Identifiant', property: 'id' },
    { header: 'Nom', property: 'lastName' },
    { header: 'Prénom', property: 'firstName' },
    { header: 'Date de naissance', property: 'birthDate' },
    { header: 'Sexe', property: 'gender', write: labelled(GENDER_LABELS satisfies Record<Gender, string>) },
    { header: 'E-mail', property: 'email' },
    { header: 'Téléphone', property: 'phone' },
    { header: 'Code postal', property: 'zip' },
    { header: 'Ville', property: 'city' },
    { header: 'Département', property: 'department', write: lookups.department },
    { header: 'Séjour', property: 'cohort', write: lookups.cohort },
    { header: 'Statut', property: 'status', write: labelled(STATUS_LABELS satisfies Record<VolunteerStatus, string>) },
    { header: 'Statut du séjour', property: 'phase1Status', write: labelled(PHASE1_LABELS satisfies Record<Phase1Status, string>) },
    { header: 'Centre d’affectation', property: 'session', write: lookups.centreOfSession },
    { header: 'Inscrit le', property: 'createdAt', write: parisMinute },
    { header: 'Statut depuis le', property: 'statusChangedAt', write: parisMinute },
  ];
}

/** Raises what the GraphQL list would for this user (same roles as `allVolunteers`, same checker). */
export function assertMayExportVolunteers(ctx: RequestContext): void {
  requireRole(ctx, STAFF_WITH_PERSONAL_DATA);
}

/** "75 – Paris", the cohort's name, and the centre of each session the exported volunteers are placed in. */
async function lookupsFor(ctx: RequestContext, query: ScopedQuery<Volunteer>) {
  const cohorts = new Map((await ctx.em.find(Cohort, {})).map((c) => [c.id, c.name]));
  // Where a visible volunteer is placed stays visible, even in a centre outside the user's scope.
  const sessions = (await ctx.loaders.followAll(Session, (await query.distinctValues('session')).map((id) => ({ id })))).filter((s): s is Session => s !== null);
  const centres = await ctx.loaders.followAll(CohesionCenter, sessions.map((s) => s.center));
  const centreOfSession = new Map(sessions.map((s, i) => [s.id, centres[i]?.name ?? '']));
  const departments = new Map<string, string>();
  return {
    department: (id: string) => {
      let label = departments.get(id);
      if (label === undefined) {
        const department = ctx.loaders.follow(Department, { id });
        label = department && !(department instanceof Promise) ? `${department.code} – ${department.name}` : id;
        departments.set(id, label);
      }
      return label;
    },
    cohort: (id: string) => cohorts.get(id) ?? id,
    centreOfSession: (id: string) => centreOfSession.get(id) ?? '',
  };
}

/**
 * The volunteer list as CSV, with exactly the list's filter, sort and scope: the same
 * `volunteerWhere` and `sortOrder` as `allVolunteers`, through the scoped query builder. Rows are
 * streamed from a PostgreSQL cursor in batches, through csv-stringify, to `out`: memory stays flat
 * whatever the number of rows. Separator `;` and a BOM, so that a French spreadsheet opens it as
 * columns with accents. Returns the number of rows written.
 */
export async function exportVolunteersCsv(ctx: RequestContext, filter: VolunteerFilter, sort: Pick<ListArgs, 'sortField' | 'sortOrder'>, out: Writable): Promise<number> {
  assertMayExportVolunteers(ctx);
  const query = ScopedQuery.of(ctx.em, Volunteer, volunteerWhere(filter, ctx));
  const orderBy = sortOrder<Volunteer>(VOLUNTEER_SORTS, sort);
  const file = columns(await lookupsFor(ctx, query));
  let rows = 0;
  const toRecord = new Transform({
    objectMode: true,
    transform(row: (string | null)[], _encoding, done) {
      rows += 1;
      // Rows as arrays, rewritten in place, in small batches: rows die young (with 2,000-row
      // batches of objects V8 promoted them and the process grew by ≈ 100 MB for 100,000 rows).
      for (let i = 0; i < row.length; i += 1) {
        const value = row[i];
        const write = file[i]!.write;
        row[i] = value === null || value === undefined ? '' : write ? write(value) : value;
      }
      done(null, row);
    },
  });
  const cursor = await query.stream(
    file.map((c) => c.property),
    orderBy,
  );
  await pipeline(cursor, toRecord, stringify({ header: true, columns: file.map((c) => c.header), delimiter: ';', bom: true }), out);
  return rows;
}

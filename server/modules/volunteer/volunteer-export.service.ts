import type { ExportColumn } from '../../common/table-export';
import { sortOrder } from '../../common/crud.resolver';
import { parisMinute } from '../../common/dates';
import type { ListArgs } from '../../common/list.types';
import type { RequestContext } from '../../kernel/request-context';
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

type Labels = (value: unknown) => string;
const labelled = (labels: Record<string, string>): Labels => (value) => labels[String(value)] ?? String(value);

/**
 * Columns of the file: French header, the volunteer's property, how a value is written. Relations
 * are written from small lookup tables read once per export (departments, cohorts, centres).
 */
function file(lookups: { department: Labels; cohort: Labels; centreOfSession: Labels }): Array<ExportColumn<Volunteer>> {
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
    { header: 'Inscrit le', property: 'createdAt', write: (v) => parisMinute(v as Date | string) },
    { header: 'Statut depuis le', property: 'statusChangedAt', write: (v) => parisMinute(v as Date | string) },
  ];
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
    department: (value: unknown) => {
      const id = String(value);
      let label = departments.get(id);
      if (label === undefined) {
        const department = ctx.loaders.follow(Department, { id });
        label = department && !(department instanceof Promise) ? `${department.code} – ${department.name}` : id;
        departments.set(id, label);
      }
      return label;
    },
    cohort: (id: unknown) => cohorts.get(String(id)) ?? String(id),
    centreOfSession: (id: unknown) => centreOfSession.get(String(id)) ?? '',
  };
}

/**
 * The volunteer list as a table to export (modules/exports checks the role), with exactly the
 * list's filter, sort and scope: the same `volunteerWhere` and `sortOrder` as `allVolunteers`.
 */
export async function volunteerTable(ctx: RequestContext, filter: VolunteerFilter, sort: Pick<ListArgs, 'sortField' | 'sortOrder'>) {
  const where = volunteerWhere(filter, ctx);
  const orderBy = sortOrder<Volunteer>(VOLUNTEER_SORTS, sort);
  const columns: Array<ExportColumn<Volunteer>> = file(await lookupsFor(ctx, ScopedQuery.of(ctx.em, Volunteer, where)));
  return { entity: Volunteer, where, orderBy, columns, sheetName: 'Volontaires' };
}

import { badInput, forbidden } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { Volunteer } from './volunteer.entity';
import { VolunteerCountDimension, type VolunteerCount } from './volunteer-counts.types';
import type { VolunteerFilter } from './volunteer.inputs';
import { volunteerWhere } from './volunteer.filters';

const COLUMNS = {
  [VolunteerCountDimension.STATUS]: { property: 'status', field: 'status' },
  [VolunteerCountDimension.DEPARTMENT]: { property: 'department', field: 'departmentId' },
  [VolunteerCountDimension.COHORT]: { property: 'cohort', field: 'cohortId' },
} as const satisfies Record<VolunteerCountDimension, { property: keyof Volunteer & string; field: keyof VolunteerCount }>;

/** Filters that name or single out a person: counts are not a way to probe one (visitors). */
const PERSONAL_FILTERS: ReadonlyArray<keyof VolunteerFilter> = ['q', 'ids', 'hasPendingCorrections'];

/**
 * Volunteers counted per group in ONE statement (`group by`), with the same filter as the list and
 * the entity's `counts` scope rule: what a dashboard needs instead of one count per figure.
 * Visitors count the volunteers of their region without any personal filter.
 * Groups with no volunteer are absent; they are ordered by the grouped values.
 */
export async function countVolunteers(ctx: RequestContext, filter: VolunteerFilter, groupBy: VolunteerCountDimension[]): Promise<VolunteerCount[]> {
  const dimensions = [...new Set(groupBy)];
  if (dimensions.length === 0) throw badInput('groupBy doit contenir au moins un regroupement (STATUS, DEPARTMENT ou COHORT).', 'groupBy');
  if (ctx.user?.role === Role.VISITOR && PERSONAL_FILTERS.some((name) => filter[name] !== undefined && filter[name] !== null)) throw forbidden();
  const groups = await ScopedQuery.forCounts(ctx.em, Volunteer, volunteerWhere(filter, ctx)).countBy(dimensions.map((d) => COLUMNS[d].property));
  return groups.map((group) => {
    const count: VolunteerCount = { status: null, departmentId: null, cohortId: null, count: group.count };
    for (const d of dimensions) (count as unknown as Record<string, unknown>)[COLUMNS[d].field] = group[COLUMNS[d].property];
    return count;
  });
}

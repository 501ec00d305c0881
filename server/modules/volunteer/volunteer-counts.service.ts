import { raw } from '@mikro-orm/core';
import type { RequestContext } from '../../auth/context';
import { badInput } from '../../common/errors';
import { Volunteer } from './volunteer.entity';
import { VolunteerCountDimension, type VolunteerCount } from './volunteer-counts.types';
import type { VolunteerFilter } from './volunteer.inputs';
import { volunteerWhere } from './volunteer.filters';

const COLUMNS: Record<VolunteerCountDimension, { column: string; field: 'status' | 'departmentId' | 'cohortId' }> = {
  [VolunteerCountDimension.STATUS]: { column: 'status', field: 'status' },
  [VolunteerCountDimension.DEPARTMENT]: { column: 'department_id', field: 'departmentId' },
  [VolunteerCountDimension.COHORT]: { column: 'cohort_id', field: 'cohortId' },
};

/**
 * Volunteers counted per group in ONE statement (`group by`), with the same filter as the list and
 * the same scope filter as every read: what a dashboard needs instead of one count per figure.
 * Groups with no volunteer are absent; they are ordered by the grouped values.
 */
export async function countVolunteers(ctx: RequestContext, filter: VolunteerFilter, groupBy: VolunteerCountDimension[]): Promise<VolunteerCount[]> {
  const dimensions = [...new Set(groupBy)];
  if (dimensions.length === 0) throw badInput('groupBy doit contenir au moins un regroupement (STATUS, DEPARTMENT ou COHORT).', 'groupBy');
  const columns = dimensions.map((d) => `v.${COLUMNS[d].column}`);
  const qb = ctx.em
    .createQueryBuilder(Volunteer, 'v')
    .select([...columns, raw('count(*)::int as count')])
    .where(volunteerWhere(filter, ctx))
    .groupBy(columns)
    .orderBy(Object.fromEntries(columns.map((c) => [c, 'asc'])));
  // Query builders do not apply filters by themselves: this is the same scope filter as em.find
  // (and it throws, as everywhere, when the request has no user).
  await qb.applyFilters();
  const rows = await qb.execute<Array<Record<string, string | number>>>('all', false);
  return rows.map((row) => {
    const count: VolunteerCount = { status: null, departmentId: null, cohortId: null, count: Number(row.count) };
    for (const d of dimensions) (count as unknown as Record<string, unknown>)[COLUMNS[d].field] = row[COLUMNS[d].column];
    return count;
  });
}

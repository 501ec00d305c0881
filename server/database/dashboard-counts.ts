import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Folds the dashboard's tally rows (`dashboard_count`, appended by triggers: migration
 * 20261202152221) into one row per group. Sums, hence figures, are the same before and after;
 * only the number of rows a dashboard reads shrinks. Run every minute by the job queue; a call
 * while another runs returns at once. Returns the rows removed.
 */
export async function compactDashboardCounts(em: EntityManager): Promise<number> {
  const [row] = await em.getConnection().execute<Array<{ removed: number }>>('select dashboard_count_compact() as removed');
  return Number(row?.removed ?? 0);
}

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../../kernel/roles';
import { NOTHING, Scoped } from '../../scope/rules';

/** What a tally row counts: volunteers by status, or review decisions (audit actions). */
export type DashboardCountKind = 'status' | 'decision';

/**
 * The dashboard's tallies, kept by PostgreSQL (migration Migration20261202152221), so that a
 * national dashboard reads tens of thousands of rows instead of a million files:
 * - `status`: volunteers of a cohort and department whose `status` is `key` and whose status last
 *   changed on Paris calendar day `day`;
 * - `decision`: audit events of action `key` (validations, refusals…) on the cohort's files, per
 *   department and Paris day.
 * Statement-level triggers on `volunteer` (insert, update, delete) and `audit_event` (insert)
 * append signed rows (+n / −n) in the writing transaction, without updating any row (no hot row,
 * no lock between two reviewers); `dashboard_count_compact()` folds the rows of each group into
 * one, from a job. A figure is always `sum(n)` over its group, in one statement: exact whenever
 * read. Never written by the ORM.
 */
@Scoped((user) => (user.role === Role.HEAD_CENTER ? NOTHING : { department: { $in: user.territory.departmentIds } }))
@Index({ properties: ['kind', 'cohort', 'department', 'key', 'day'] })
@Entity({ tableName: 'dashboard_count' })
export class DashboardCount {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 10 })
  kind!: DashboardCountKind;

  @Property({ type: 'uuid', fieldName: 'cohort_id' })
  cohort!: string;

  @Property({ type: 'uuid', fieldName: 'department_id' })
  department!: string;

  /** The status (kind `status`) or the audit action (kind `decision`). */
  @Property({ type: 'string', length: 60 })
  key!: string;

  /** Paris calendar day of the status change or of the decision. */
  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  n!: number;
}

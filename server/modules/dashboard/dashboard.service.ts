import { addDays } from '../../common/dates';
import { assertUuid } from '../../common/validation';
import { todayInParis } from '../../kernel/clock';
import { badInput, notFound } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { requireUser } from '../../kernel/permissions';
import { Role } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { Cohort } from '../cohort/cohort.entity';
import { Department } from '../department/department.entity';
import { InscriptionGoal } from '../inscription-goal/inscription-goal.entity';
import { Region } from '../region/region.entity';
import { Session } from '../session/session.entity';
import { DashboardCount } from './dashboard-count.entity';
import { VolunteerStatus } from '../volunteer/volunteer.enums';
import {
  type BacklogByAge,
  type CohortDashboard,
  type DailyDecisions,
  DashboardLevel,
  type DashboardTerritory,
  type GoalCompletion,
  type SessionFill,
  type TerritoryStatusCounts,
} from './dashboard.types';

const STATUSES = Object.values(VolunteerStatus);

/** The review decisions counted per day, by their audit action (`VOLUNTEER_<transition>`). */
const DECISIONS = {
  VOLUNTEER_VALIDATE: 'validated',
  VOLUNTEER_REFUSE: 'refused',
  VOLUNTEER_WAITING_LIST: 'waitingList',
  VOLUNTEER_REQUEST_CORRECTION: 'correctionRequested',
} as const satisfies Record<string, keyof DailyDecisions>;

export const MAX_DECISION_DAYS = 62;

/** Per request: the grouped status counts, shared by the status table and the goals (one statement for both). */
const statusGroups = new WeakMap<CohortDashboard, Promise<Array<{ department: string | null; status: string | null; count: number }>>>();

const territory = (row: { id: string; code: string; name: string }): DashboardTerritory => ({ id: row.id, code: row.code, name: row.name });
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'fr', { numeric: true });

/**
 * The dashboard of one cohort for the reader's scope: its territories at `level` (national staff:
 * regions by default; everyone else: their departments). The figures are field resolvers, each
 * one grouped statement through the scoped query builder, computed only when asked: volunteers and
 * decisions are summed from the tallies PostgreSQL keeps (dashboard-count.entity.ts), not counted
 * over a million files.
 */
export async function openDashboard(ctx: RequestContext, cohortId: string, level: DashboardLevel | null | undefined): Promise<CohortDashboard> {
  const user = requireUser(ctx);
  const cohort = await ctx.em.findOne(Cohort, assertUuid(cohortId, 'cohortId'));
  if (!cohort) throw notFound('Ce séjour');
  const national = user.role === Role.ADMIN || user.territory.national;
  const rows = national || user.territory.departmentIds.length > 0
    ? await ctx.em.find(Department, national ? {} : { id: { $in: [...user.territory.departmentIds] } })
    : [];
  const departments = new Map(rows.sort(byCode).map((d) => [d.id, territory(d)]));
  const chosen = level ?? (national ? DashboardLevel.REGION : DashboardLevel.DEPARTMENT);
  const territoryOf = new Map<string, DashboardTerritory>();
  if (chosen === DashboardLevel.REGION) {
    const regionIds = [...new Set(rows.map((d) => d.region.id))];
    const regions = regionIds.length ? new Map((await ctx.em.find(Region, { id: { $in: regionIds } })).map((r) => [r.id, territory(r)])) : new Map<string, DashboardTerritory>();
    for (const d of rows) {
      const region = regions.get(d.region.id);
      if (region) territoryOf.set(d.id, region);
    }
  } else {
    for (const [id, department] of departments) territoryOf.set(id, department);
  }
  const territories = [...new Map([...territoryOf.values()].map((t) => [t.id, t])).values()].sort(byCode);
  return { cohortId: cohort.id, level: chosen, today: todayInParis(), territories, territoryOf, departments };
}

/** The status tallies of the cohort in scope, per department and status (all days summed). */
function countsOfStatus(ctx: RequestContext, dashboard: CohortDashboard) {
  let groups = statusGroups.get(dashboard);
  if (!groups) {
    groups = ScopedQuery.forCounts(ctx.em, DashboardCount, { kind: 'status', cohort: dashboard.cohortId }).sumByExpressions(
      { department: { sql: 'e.department_id' }, status: { sql: 'e.key' } },
      'n',
    );
    statusGroups.set(dashboard, groups);
  }
  return groups;
}

/** Volunteers per status in each territory of the scope (every status, zeros included). */
export async function statusByTerritory(ctx: RequestContext, dashboard: CohortDashboard): Promise<TerritoryStatusCounts[]> {
  const counts = new Map(dashboard.territories.map((t) => [t.id, new Map(STATUSES.map((s) => [s as string, 0]))]));
  for (const group of await countsOfStatus(ctx, dashboard)) {
    const row = group.department ? counts.get(dashboard.territoryOf.get(group.department)?.id ?? '') : undefined;
    if (row && group.status) row.set(group.status, (row.get(group.status) ?? 0) + group.count);
  }
  return dashboard.territories.map((t) => {
    const byStatus = counts.get(t.id)!;
    const statusCounts = STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
    return { territory: t, total: statusCounts.reduce((sum, c) => sum + c.count, 0), counts: statusCounts };
  });
}

/** Each departmental goal of the cohort in scope, with its validated volunteers (the status counts). */
export async function goalCompletion(ctx: RequestContext, dashboard: CohortDashboard): Promise<GoalCompletion[]> {
  const [goals, groups] = await Promise.all([
    ctx.em.find(InscriptionGoal, { cohort: dashboard.cohortId, department: { $ne: null } }),
    countsOfStatus(ctx, dashboard),
  ]);
  const validated = new Map<string, number>();
  for (const g of groups) if (g.department && g.status === VolunteerStatus.VALIDATED) validated.set(g.department, g.count);
  return goals
    .flatMap((goal) => {
      const department = goal.department ? dashboard.departments.get(goal.department.id) : undefined;
      if (!department) return [];
      const count = validated.get(department.id) ?? 0;
      return [{ department, max: goal.max, validated: count, rate: goal.max > 0 ? count / goal.max : count > 0 ? 1 : 0 }];
    })
    .sort((a, b) => byCode(a.department, b.department));
}

/** Every session of the cohort in scope with its places taken, by department and centre. */
export async function sessionFill(ctx: RequestContext, dashboard: CohortDashboard): Promise<SessionFill[]> {
  const sessions = await ctx.em.find(Session, { cohort: dashboard.cohortId }, { populate: ['center'] });
  return sessions
    .flatMap((session) => {
      const center = session.center.getEntity();
      const department = dashboard.departments.get(center.department.id);
      if (!department) return [];
      const placesTaken = session.placesTotal - session.placesLeft;
      return [{ sessionId: session.id, centerName: center.name, department, placesTotal: session.placesTotal, placesTaken, fillRate: session.placesTotal > 0 ? placesTaken / session.placesTotal : 0 }];
    })
    .sort((a, b) => byCode(a.department, b.department) || a.centerName.localeCompare(b.centerName, 'fr'));
}

/**
 * Files waiting for validation per territory by the age of their last status change in Paris
 * calendar days: changed today or in the 2 days before (under 3 days), 3 to 7 days ago, or
 * earlier (over 7 days, the list's « en attente depuis plus de 7 jours » by calendar day).
 */
export async function reviewBacklog(ctx: RequestContext, dashboard: CohortDashboard): Promise<BacklogByAge[]> {
  const today = dashboard.today;
  const groups = await ScopedQuery.forCounts(ctx.em, DashboardCount, { kind: 'status', cohort: dashboard.cohortId, key: VolunteerStatus.WAITING_VALIDATION }).sumByExpressions(
    {
      department: { sql: 'e.department_id' },
      age: {
        sql: `case when e.day > ?::date then 'lessThan3Days' when e.day >= ?::date then 'from3To7Days' else 'moreThan7Days' end`,
        params: [addDays(today, -3), addDays(today, -7)],
      },
    },
    'n',
  );
  const rows = new Map(dashboard.territories.map((t) => [t.id, { territory: t, lessThan3Days: 0, from3To7Days: 0, moreThan7Days: 0, total: 0 }]));
  for (const group of groups) {
    const row = group.department ? rows.get(dashboard.territoryOf.get(group.department)?.id ?? '') : undefined;
    if (!row || !group.age) continue;
    row[group.age as 'lessThan3Days' | 'from3To7Days' | 'moreThan7Days'] += group.count;
    row.total += group.count;
  }
  return [...rows.values()];
}

/**
 * Review decisions (validations, refusals, waiting list, correction requests) per Paris calendar
 * day and territory over the last `days` days including today, for the cohort's files, as the
 * audit trail's insert trigger tallied them. Only non-empty (day, territory) pairs, oldest day first.
 */
export async function decisionsPerDay(ctx: RequestContext, dashboard: CohortDashboard, days: number): Promise<DailyDecisions[]> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DECISION_DAYS) {
    throw badInput(`Le nombre de jours doit être un entier entre 1 et ${MAX_DECISION_DAYS}.`, 'days');
  }
  const groups = await ScopedQuery.forCounts(ctx.em, DashboardCount, {
    kind: 'decision',
    cohort: dashboard.cohortId,
    key: { $in: Object.keys(DECISIONS) },
    day: { $gte: addDays(dashboard.today, -(days - 1)), $lte: dashboard.today },
  }).sumByExpressions(
    { day: { sql: `to_char(e.day, 'YYYY-MM-DD')` }, department: { sql: 'e.department_id' }, action: { sql: 'e.key' } },
    'n',
  );
  const rows = new Map<string, DailyDecisions>();
  for (const group of groups) {
    const place = group.department ? dashboard.territoryOf.get(group.department) : undefined;
    const kind = DECISIONS[group.action as keyof typeof DECISIONS];
    if (!place || !group.day || !kind) continue;
    const key = `${group.day}|${place.id}`;
    let row = rows.get(key);
    if (!row) {
      row = { day: group.day, territory: place, validated: 0, refused: 0, waitingList: 0, correctionRequested: 0, total: 0 };
      rows.set(key, row);
    }
    row[kind] += group.count;
    row.total += group.count;
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || byCode(a.territory, b.territory));
}

import { LockMode } from '@mikro-orm/core';
import { integerIn } from '../../common/inputs';
import { inTransaction } from '../../common/transaction';
import { assertUuid } from '../../common/validation';
import { badInput, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { findInScope } from '../../scope/write-guard';
import { recordAudit } from '../audit-event/audit.service';
import { Cohort } from '../cohort/cohort.entity';
import { assertCohortWritable } from '../cohort/cohort.rules';
import { Department } from '../department/department.entity';
import { InscriptionGoal } from './inscription-goal.entity';
import type { InscriptionGoalInput } from './inscription-goal.inputs';

export const MAX_GOAL = 100_000;

/**
 * Sets a cohort's departmental goals in one transaction: a number creates or changes the goal, an
 * empty one removes it; departments not given are left as they are. One audit event per change.
 * Answers the cohort's departmental goals after the change.
 */
export async function setInscriptionGoals(ctx: RequestContext, cohortId: string, goals: InscriptionGoalInput[]): Promise<InscriptionGoal[]> {
  const user = requireRole(ctx, [Role.ADMIN]);
  const id = assertUuid(cohortId, 'cohortId');
  if (goals.length === 0) throw badInput('Donnez au moins un objectif.', 'goals');
  if (goals.length > 200) throw badInput(`Au plus 200 objectifs à la fois (reçu ${goals.length}).`, 'goals');
  const wanted = goals.map((g) => ({
    departmentId: assertUuid(g.departmentId, 'departmentId'),
    max: g.max === null || g.max === undefined ? null : integerIn(g.max, 0, MAX_GOAL, 'max', 'Un objectif'),
  }));
  if (new Set(wanted.map((g) => g.departmentId)).size !== wanted.length) throw badInput('Un même département apparaît deux fois.', 'goals');
  return inTransaction(ctx, async (tx) => {
    // The cohort row lock orders concurrent edits of one cohort's goals.
    const cohort = await findInScope(tx, Cohort, id, { label: 'Ce séjour', lockMode: LockMode.PESSIMISTIC_WRITE });
    assertCohortWritable(user, cohort);
    const departments = await tx.find(Department, { id: { $in: wanted.map((g) => g.departmentId) } });
    if (departments.length !== wanted.length) throw notFound('Ce département');
    const existing = new Map((await tx.find(InscriptionGoal, { cohort: cohort.id, department: { $in: wanted.map((g) => g.departmentId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE })).map((g) => [g.department!.id, g]));
    for (const { departmentId, max } of wanted) {
      const goal = existing.get(departmentId);
      const old = goal?.max ?? null;
      if (old === max) continue;
      if (max === null) tx.remove(goal!);
      else if (goal) goal.max = max;
      else tx.persist(tx.create(InscriptionGoal, { cohort, department: departmentId, max }));
      recordAudit(tx, user, { action: 'INSCRIPTION_GOAL_SET', recordType: 'Cohort', recordId: cohort.id, departmentId, changes: { max: { old, new: max } } });
    }
    await tx.flush();
    return tx.find(InscriptionGoal, { cohort: cohort.id, department: { $ne: null } }, { orderBy: { department: { code: 'asc' } } });
  });
}

import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { AppError, badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { requireUser } from '../../kernel/permissions';
import { assertUuid } from '../../common/validation';
import { recordAudit } from '../audit-event/audit.service';
import type { AuditChanges } from '../audit-event/audit-event.entity';
import { Cohort } from '../cohort/cohort.entity';
import { assertCohortWritable } from '../cohort/cohort.rules';
import { CorrectionRequest, CorrectionRequestStatus } from '../correction-request/correction-request.entity';
import { queueVolunteerEmail } from '../email/email.service';
import type { EmailTemplate, TemplateData } from '../email/email.templates';
import { InscriptionGoal } from '../inscription-goal/inscription-goal.entity';
import { Session } from '../session/session.entity';
import { TransportLine } from '../transport-line/transport-line.entity';
import { findInScope, followRelation } from '../../scope/write-guard';
import { now, todayInParis } from '../../kernel/clock';
import { Phase1Status, RefusalReason, VolunteerStatus, VolunteerTransition as T } from './volunteer.enums';
import { Volunteer } from './volunteer.entity';
import { ACTION_LABELS, CORRECTABLE_FIELDS, REFUSAL_LABELS, STATUS_LABELS } from './volunteer.labels';
import { findTransition, roleMayTake, TRANSITIONS } from './volunteer.transitions';
import type { CorrectionRequestInput } from './review.inputs';
import type { CurrentUser } from '../../kernel/current-user';
import type { EmailMessage } from '../email/email-message.entity';
import { inTransaction } from '../../common/transaction';

export const MAX_BULK_IDS = 1000;
const MAX_TEXT = 2000;

/** Fields whose old and new values the audit trail keeps for review actions. */
const AUDITED_FIELDS = ['status', 'phase1Status', 'refusalReason', 'refusalMessage', 'withdrawalReason', 'withdrawalMessage', 'session', 'meetingPoint', 'transportLine'] as const;

function snapshot(v: Volunteer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    const value = v[field];
    out[field] = value && typeof value === 'object' && 'id' in value ? value.id : (value ?? null);
  }
  return out;
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) changes[key] = { old: before[key], new: after[key] };
  }
  return changes;
}

function requiredText(value: string | null | undefined, field: string, label: string, max = MAX_TEXT): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(`${label} est obligatoire.`, field);
  if (text.length > max) throw badInput(`${label} ne doit pas dépasser ${max} caractères.`, field);
  return text;
}

function optionalText(value: string | null | undefined, field: string, label: string, max = MAX_TEXT): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw badInput(`${label} ne doit pas dépasser ${max} caractères.`, field);
  return text || null;
}

function invalidTransition(action: T, status: VolunteerStatus): AppError {
  const from = TRANSITIONS.filter((t) => t.action === action).map((t) => `« ${STATUS_LABELS[t.from]} »`);
  return new AppError(
    'INVALID_TRANSITION',
    `Impossible de ${ACTION_LABELS[action]} ce dossier : son statut est « ${STATUS_LABELS[status]} ». Cette action n’est possible que depuis : ${[...new Set(from)].join(', ')}.`,
    { status },
  );
}

export interface TransitionOptions {
  version?: number | null;
  force?: boolean | null;
}

interface Effect {
  template: EmailTemplate;
  data?: Partial<TemplateData>;
  /** Extra work inside the transaction (correction requests, releasing a place…). */
  extra?: (tx: EntityManager, volunteer: Volunteer) => Promise<void>;
}

/**
 * One review action on one file, checked in the order of the issue: role, scope, status,
 * window, goal, version. Status change, audit event and e-mails commit together.
 */
export async function applyTransition(ctx: RequestContext, id: string, action: T, options: TransitionOptions, effect: (v: Volunteer) => Effect): Promise<Volunteer> {
  const user = requireUser(ctx);
  if (!roleMayTake(action, user.role)) throw forbidden();
  if (options.force && user.role !== Role.ADMIN) throw forbidden();
  const volunteerId = assertUuid(id);
  const emailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    // The row lock makes concurrent actions on one file run one after the other.
    const volunteer = await findInScope(tx, Volunteer, volunteerId, { label: 'Ce volontaire', lockMode: LockMode.PESSIMISTIC_WRITE });
    const cohort = await tx.findOneOrFail(Cohort, { id: volunteer.cohort.id });
    const emails = await decideAndApply(tx, user, volunteer, cohort, action, options, effect, (v) => checkGoal(tx, v, Boolean(options.force)));
    await tx.flush();
    emailIds.push(...emails.map((e) => e.id));
    return volunteer;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return result;
}

/**
 * The checks of one action on one locked file (status, role, window, goal, version), then its
 * effects in the unit of work: new status, audit event, e-mails. Nothing is changed unless every
 * check passes. Shared by single actions and bulk validation.
 */
async function decideAndApply(
  tx: EntityManager,
  user: CurrentUser,
  volunteer: Volunteer,
  cohort: Cohort,
  action: T,
  options: TransitionOptions,
  effect: (v: Volunteer) => Effect,
  goalCheck: (v: Volunteer) => Promise<void>,
): Promise<EmailMessage[]> {
  const transition = findTransition(action, volunteer.status);
  if (!transition) throw invalidTransition(action, volunteer.status);
  if (!transition.roles.includes(user.role)) throw forbidden();
  assertCohortWritable(user, cohort);
  if (action === T.VALIDATE) {
    if (user.role === Role.REFERENT_DEPARTMENT && todayInParis() > cohort.instructionEndDate) {
      throw new AppError(
        'WINDOW_CLOSED',
        `L’instruction du séjour « ${cohort.name} » est close depuis le ${cohort.instructionEndDate.split('-').reverse().join('/')} : seuls les référents régionaux et l’administration peuvent encore valider.`,
      );
    }
    await goalCheck(volunteer);
  }
  if (options.version !== undefined && options.version !== null && options.version !== volunteer.version) throw conflict();

  const before = snapshot(volunteer);
  const { template, data, extra } = effect(volunteer);
  volunteer.status = transition.to;
  volunteer.statusChangedAt = now();
  if (extra) await extra(tx, volunteer);
  recordAudit(tx, user, {
    action: `VOLUNTEER_${action}`,
    recordType: 'Volunteer',
    recordId: volunteer.id,
    departmentId: volunteer.department.id,
    changes: diff(before, snapshot(volunteer)),
  });
  return queueVolunteerEmail(tx, volunteer, template, { cohortName: cohort.name, ...data });
}

function goalReached(validated: number, max: number): AppError {
  return new AppError(
    'GOAL_REACHED',
    `L’objectif d’inscription du département est atteint (${validated} / ${max}) : placez ce dossier sur liste complémentaire.`,
    { validated, max },
  );
}

/**
 * The department's goal for the cohort, locked so that racing validations count one at a time.
 * The file is in the reviewer's scope, so its department is too: the goal and the department's
 * validated files are read through the same scope.
 */
async function checkGoal(tx: EntityManager, volunteer: Volunteer, force: boolean): Promise<void> {
  const goal = await tx.findOne(InscriptionGoal, { cohort: volunteer.cohort.id, department: volunteer.department.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!goal) return;
  const validated = await tx.count(Volunteer, { cohort: volunteer.cohort.id, department: volunteer.department.id, status: VolunteerStatus.VALIDATED });
  if (validated >= goal.max && !force) throw goalReached(validated, goal.max);
}

const validationEffect = (): Effect => ({
  template: 'VOLUNTEER_VALIDATED',
  extra: async (_tx, v) => {
    v.phase1Status = Phase1Status.WAITING_ASSIGNMENT;
  },
});

export function validateVolunteer(ctx: RequestContext, id: string, options: TransitionOptions): Promise<Volunteer> {
  return applyTransition(ctx, id, T.VALIDATE, options, validationEffect);
}

export function refuseVolunteer(ctx: RequestContext, id: string, reason: RefusalReason, message: string, options: TransitionOptions): Promise<Volunteer> {
  const text = requiredText(message, 'message', 'Le message au volontaire');
  return applyTransition(ctx, id, T.REFUSE, options, () => ({
    template: 'VOLUNTEER_REFUSED',
    data: { reasonLabel: REFUSAL_LABELS[reason], message: text },
    extra: async (_tx, v) => {
      v.refusalReason = reason;
      v.refusalMessage = text;
    },
  }));
}

export function putOnWaitingList(ctx: RequestContext, id: string, options: TransitionOptions): Promise<Volunteer> {
  return applyTransition(ctx, id, T.WAITING_LIST, options, () => ({ template: 'VOLUNTEER_WAITING_LIST' }));
}

export function withdrawVolunteer(ctx: RequestContext, id: string, reason: string, message: string | null | undefined, options: TransitionOptions): Promise<Volunteer> {
  const why = requiredText(reason, 'reason', 'Le motif du désistement', 200);
  const text = optionalText(message, 'message', 'Le message');
  return applyTransition(ctx, id, T.WITHDRAW, options, () => ({
    template: 'VOLUNTEER_WITHDRAWN',
    data: { reasonLabel: why, message: text },
    extra: async (tx, v) => {
      v.withdrawalReason = why;
      v.withdrawalMessage = text;
      // Give the place back to the session, wherever it is: it is the one this file is placed in.
      const session = await followRelation(tx, v, 'session', Session, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const line = await followRelation(tx, v, 'transportLine', TransportLine, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (line) line.seatsLeft += 1;
      v.transportLine = null;
      if (session) {
        session.placesLeft += 1;
        v.session = null;
        v.meetingPoint = null;
      }
      if (v.phase1Status) v.phase1Status = Phase1Status.WAITING_ASSIGNMENT;
    },
  }));
}

export function validateCorrectionInputs(requests: CorrectionRequestInput[]): CorrectionRequestInput[] {
  if (requests.length === 0) throw badInput('Indiquez au moins un champ à corriger.', 'requests');
  if (requests.length > 20) throw badInput('Au plus 20 demandes de correction à la fois.', 'requests');
  const seen = new Set<string>();
  return requests.map((r) => {
    if (!CORRECTABLE_FIELDS[r.field]) {
      throw badInput(`Le champ « ${String(r.field).slice(0, 60)} » n’existe pas dans le dossier. Champs possibles : ${Object.keys(CORRECTABLE_FIELDS).join(', ')}.`, 'requests.field');
    }
    if (seen.has(r.field)) throw badInput(`Le champ « ${CORRECTABLE_FIELDS[r.field]} » est demandé deux fois.`, 'requests.field');
    seen.add(r.field);
    return { field: r.field, reason: r.reason, message: optionalText(r.message, 'requests.message', 'Le message') };
  });
}

export const CORRECTION_REASON_LABELS: Record<string, string> = {
  MISSING: 'manquant',
  INCORRECT: 'incorrect',
  UNREADABLE: 'illisible',
  OTHER: 'à revoir',
};

export function requestCorrections(ctx: RequestContext, id: string, requests: CorrectionRequestInput[], message: string | null | undefined, options: TransitionOptions): Promise<Volunteer> {
  const checked = validateCorrectionInputs(requests);
  const text = optionalText(message, 'message', 'Le message');
  const user = ctx.user;
  return applyTransition(ctx, id, T.REQUEST_CORRECTION, options, () => ({
    template: 'VOLUNTEER_CORRECTION_REQUESTED',
    data: {
      message: text,
      corrections: checked.map((r) => ({ fieldLabel: CORRECTABLE_FIELDS[r.field], reasonLabel: CORRECTION_REASON_LABELS[r.reason], message: r.message ?? null })),
    },
    extra: async (tx, v) => {
      const sentAt = now();
      for (const r of checked) {
        tx.persist(
          tx.create(CorrectionRequest, {
            volunteer: v,
            field: r.field,
            reason: r.reason,
            // The message written for the whole request is what the volunteer read about each field:
            // the file's « Corrections » tab shows it (the e-mail says it once).
            message: r.message ?? text ?? null,
            status: CorrectionRequestStatus.SENT,
            sentAt,
            requestedBy: user?.id ?? null,
          }),
        );
      }
    },
  }));
}

/**
 * Bulk validation: each file goes through exactly the checks of a single validation, and the
 * result says which ones failed and why. One transaction for the whole selection: the files are
 * locked in id order, each department's goal is locked once and counted once, and the changes
 * are written by one flush (multi-row inserts). Files that fail a check are left untouched.
 */
export async function validateMany(ctx: RequestContext, ids: string[]): Promise<{ succeeded: string[]; failed: Array<{ id: string; code: string; message: string }> }> {
  const user = requireUser(ctx);
  if (!roleMayTake(T.VALIDATE, user.role)) throw forbidden();
  if (ids.length === 0) throw badInput('Sélectionnez au moins un dossier.', 'ids');
  if (ids.length > MAX_BULK_IDS) throw badInput(`Au plus ${MAX_BULK_IDS} dossiers par validation groupée (reçu ${ids.length}).`, 'ids');
  const normalized = ids.map((id) => assertUuid(id, 'ids'));
  const duplicates = normalized.filter((id, i) => normalized.indexOf(id) !== i);
  if (duplicates.length) throw badInput(`Le dossier ${duplicates[0]} apparaît plusieurs fois dans la sélection.`, 'ids');

  const succeeded: string[] = [];
  const failed: Array<{ id: string; code: string; message: string }> = [];
  const emailIds: string[] = [];
  await inTransaction(ctx, async (tx) => {
    // Locked in id order, so that two bulk calls cannot deadlock on the same files.
    const volunteers = await tx.find(Volunteer, { id: { $in: normalized } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
    const byId = new Map(volunteers.map((v) => [v.id, v]));
    const cohorts = new Map((await tx.find(Cohort, { id: { $in: [...new Set(volunteers.map((v) => v.cohort.id))] } })).map((c) => [c.id, c]));
    const goals = await lockGoals(tx, volunteers);
    for (const id of normalized) {
      const volunteer = byId.get(id);
      try {
        if (!volunteer) throw notFound('Ce volontaire');
        const key = goalKey(volunteer);
        const emails = await decideAndApply(tx, user, volunteer, cohorts.get(volunteer.cohort.id)!, T.VALIDATE, {}, validationEffect, async () => {
          const goal = goals.get(key);
          if (goal && goal.validated >= goal.max) throw goalReached(goal.validated, goal.max);
        });
        const goal = goals.get(key);
        if (goal) goal.validated += 1;
        emailIds.push(...emails.map((e) => e.id));
        succeeded.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        failed.push({ id, code: String(error.extensions.code), message: error.message });
      }
    }
    await tx.flush();
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return { succeeded, failed };
}

const goalKey = (v: Volunteer) => `${v.cohort.id}:${v.department.id}`;

/** Locks (in id order) the goals of the departments and cohorts of these files, and counts once. */
async function lockGoals(tx: EntityManager, volunteers: Volunteer[]): Promise<Map<string, { max: number; validated: number }>> {
  const pairs = [...new Map(volunteers.map((v) => [goalKey(v), { cohort: v.cohort.id, department: v.department.id }])).values()];
  const result = new Map<string, { max: number; validated: number }>();
  if (pairs.length === 0) return result;
  const goals = await tx.find(InscriptionGoal, { $or: pairs }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
  for (const goal of goals) {
    if (!goal.department) continue;
    const validated = await tx.count(Volunteer, { cohort: goal.cohort.id, department: goal.department.id, status: VolunteerStatus.VALIDATED });
    result.set(`${goal.cohort.id}:${goal.department.id}`, { max: goal.max, validated });
  }
  return result;
}

import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../kernel/request-context';
import { now } from '../../kernel/clock';
import { AppError } from '../../kernel/errors';
import { findInScope } from '../../scope/write-guard';
import { requireUser } from '../../kernel/permissions';
import { assertUuid } from '../../common/validation';
import { recordAudit } from '../audit-event/audit.service';
import { Cohort } from '../cohort/cohort.entity';
import { assertCohortWritable } from '../cohort/cohort.rules';
import { queueVolunteerEmail } from '../email/email.service';
import { VolunteerStatus } from '../volunteer/volunteer.enums';
import { Volunteer } from '../volunteer/volunteer.entity';
import { CORRECTABLE_FIELDS } from '../volunteer/volunteer.labels';
import { CORRECTION_REASON_LABELS } from '../volunteer/volunteer-review.service';
import { CorrectionRequest, CorrectionRequestStatus as S } from './correction-request.entity';
import { inTransaction } from '../../common/transaction';

const OPEN: readonly S[] = [S.PENDING, S.SENT, S.REMINDED];

const STATUS_LABELS: Record<S, string> = {
  PENDING: 'À envoyer',
  SENT: 'Envoyée',
  REMINDED: 'Relancée',
  CORRECTED: 'Corrigée',
  CANCELED: 'Annulée',
};

export type CorrectionAction = 'REMIND' | 'CANCEL' | 'CORRECT';

/**
 * Remind, cancel or close one correction request. When the last open request of a file is
 * corrected or cancelled, the file goes back to "waiting for validation".
 */
export async function changeCorrectionRequest(ctx: RequestContext, id: string, action: CorrectionAction): Promise<CorrectionRequest> {
  const user = requireUser(ctx);
  const requestId = assertUuid(id);
  const emailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const label = 'Cette demande de correction';
    const request = await findInScope(tx, CorrectionRequest, requestId, { label });
    // Lock the file first: the "last open request" decision must not race.
    const volunteer = await findInScope(tx, Volunteer, request.volunteer.id, { label, lockMode: LockMode.PESSIMISTIC_WRITE });
    const cohort = await tx.findOneOrFail(Cohort, { id: volunteer.cohort.id });
    assertCohortWritable(user, cohort);
    await tx.refresh(request);
    if (!OPEN.includes(request.status)) {
      throw new AppError('INVALID_TRANSITION', `Cette demande est déjà « ${STATUS_LABELS[request.status]} » : elle ne peut plus être modifiée.`, { status: request.status });
    }
    const before = request.status;
    const at = now();
    if (action === 'REMIND') {
      request.status = S.REMINDED;
      request.remindedAt = at;
    } else if (action === 'CANCEL') {
      request.status = S.CANCELED;
      request.canceledAt = at;
    } else {
      request.status = S.CORRECTED;
      request.correctedAt = at;
    }
    recordAudit(tx, user, {
      action: `CORRECTION_REQUEST_${action === 'CORRECT' ? 'CORRECTED' : action === 'CANCEL' ? 'CANCELED' : 'REMINDED'}`,
      recordType: 'Volunteer',
      recordId: volunteer.id,
      departmentId: volunteer.department.id,
      changes: { [`correction.${request.field}`]: { old: before, new: request.status } },
    });
    if (action === 'REMIND') {
      const open = await tx.find(CorrectionRequest, { volunteer: volunteer.id, status: { $in: [...OPEN] } });
      const emails = queueVolunteerEmail(tx, volunteer, 'VOLUNTEER_CORRECTION_REMINDER', {
        cohortName: cohort.name,
        corrections: open.map((r) => ({ fieldLabel: CORRECTABLE_FIELDS[r.field] ?? r.field, reasonLabel: CORRECTION_REASON_LABELS[r.reason], message: r.message })),
      });
      emailIds.push(...emails.map((e) => e.id));
    } else {
      const stillOpen = await tx.count(CorrectionRequest, { volunteer: volunteer.id, status: { $in: [...OPEN] }, id: { $ne: request.id } });
      if (stillOpen === 0 && volunteer.status === VolunteerStatus.WAITING_CORRECTION) {
        volunteer.status = VolunteerStatus.WAITING_VALIDATION;
        volunteer.statusChangedAt = at;
        recordAudit(tx, user, {
          action: 'VOLUNTEER_BACK_TO_VALIDATION',
          recordType: 'Volunteer',
          recordId: volunteer.id,
          departmentId: volunteer.department.id,
          changes: { status: { old: VolunteerStatus.WAITING_CORRECTION, new: VolunteerStatus.WAITING_VALIDATION } },
        });
      }
    }
    await tx.flush();
    return request;
  });
  await ctx.jobs?.emailsQueued(emailIds);
  return result;
}

import { recordWrites } from '../../common/record-writes';
import { assertUuid } from '../../common/validation';
import type { CurrentUser } from '../../kernel/current-user';
import { badInput } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { auditWriter } from '../audit-event/audit.service';
import { checkedPlace } from '../department/place.service';
import { TransportLineStop } from '../transport-line/transport-line-stop.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { MeetingPoint } from './meeting-point.entity';
import type { MeetingPointInput } from './meeting-point.inputs';

const writes = recordWrites({
  entity: MeetingPoint,
  recordType: 'MeetingPoint',
  label: 'Ce point de rassemblement',
  roles: PLACEMENT_MANAGERS,
  snapshot: (p) => ({ name: p.name, address: p.address, zip: p.zip, city: p.city, department: p.department.id }),
  departmentOf: (p) => p.department.id,
  audit: auditWriter('MeetingPoint'),
});

function checked(ctx: RequestContext, user: CurrentUser, input: MeetingPointInput) {
  return checkedPlace(ctx, user, input, 'Le nom du point de rassemblement');
}

export function createMeetingPoint(ctx: RequestContext, input: MeetingPointInput): Promise<MeetingPoint> {
  return writes.create(ctx, async (tx, user) => tx.create(MeetingPoint, await checked(ctx, user, input)));
}

export function updateMeetingPoint(ctx: RequestContext, id: string, input: MeetingPointInput, version: number | null | undefined): Promise<MeetingPoint> {
  return writes.update(ctx, assertUuid(id), version, async (tx, point, user) => {
    tx.assign(point, await checked(ctx, user, input));
  });
}

/** National staff only; refused while volunteers leave from it or a line serves it. */
export function deleteMeetingPoint(ctx: RequestContext, id: string): Promise<boolean> {
  return writes.remove(ctx, assertUuid(id), async (tx, point) => {
    const leaving = await tx.count(Volunteer, { meetingPoint: point.id });
    if (leaving > 0) throw badInput(`Impossible de supprimer ce point de rassemblement : ${leaving} volontaire(s) en partent. Changez d’abord leur affectation.`, 'id');
    const stops = await tx.count(TransportLineStop, { meetingPoint: point.id });
    if (stops > 0) throw badInput(`Impossible de supprimer ce point de rassemblement : ${stops} ligne(s) de transport le desservent. Retirez-le d’abord de leurs arrêts.`, 'id');
  });
}

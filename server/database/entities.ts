import { AssignmentSimulation } from '../modules/assignment/assignment-simulation.entity';
import { AuditEvent } from '../modules/audit-event/audit-event.entity';
import { CohesionCenter } from '../modules/cohesion-center/cohesion-center.entity';
import { Cohort } from '../modules/cohort/cohort.entity';
import { CorrectionRequest } from '../modules/correction-request/correction-request.entity';
import { DashboardCount } from '../modules/dashboard/dashboard-count.entity';
import { Department } from '../modules/department/department.entity';
import { EmailMessage } from '../modules/email/email-message.entity';
import { InscriptionGoal } from '../modules/inscription-goal/inscription-goal.entity';
import { MeetingPoint } from '../modules/meeting-point/meeting-point.entity';
import { Note } from '../modules/note/note.entity';
import { Region } from '../modules/region/region.entity';
import { Session } from '../modules/session/session.entity';
import { User } from '../modules/user/user.entity';
import { Invitation } from '../modules/user/invitation.entity';
import { LoginChallenge } from '../modules/user/login-challenge.entity';
import { UserSession } from '../modules/user/user-session.entity';
import { Guardian } from '../modules/volunteer/guardian.embeddable';
import { Volunteer } from '../modules/volunteer/volunteer.entity';
import { TransportLine } from '../modules/transport-line/transport-line.entity';
import { TransportLineStop } from '../modules/transport-line/transport-line-stop.entity';

/** Every entity, listed explicitly (no folder scanning: same behaviour in tsc output and under vitest). */
export const entities = [
  Region,
  Department,
  Cohort,
  CohesionCenter,
  Session,
  MeetingPoint,
  TransportLine,
  TransportLineStop,
  Volunteer,
  Guardian,
  InscriptionGoal,
  CorrectionRequest,
  Note,
  User,
  UserSession,
  LoginChallenge,
  Invitation,
  AuditEvent,
  EmailMessage,
  AssignmentSimulation,
  DashboardCount,
];

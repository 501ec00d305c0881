import path from 'node:path';
import fs from 'node:fs';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AuthResolver } from '../auth/auth.resolver';
import { projectRoot } from '../config';
import { AssignmentResolver } from '../modules/assignment/assignment.resolver';
import { AssignmentSimulationResolver } from '../modules/assignment/assignment-simulation.resolver';
import { AuditEventResolver } from '../modules/audit-event/audit-event.resolver';
import { CohesionCenterResolver } from '../modules/cohesion-center/cohesion-center.resolver';
import { CohortResolver } from '../modules/cohort/cohort.resolver';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver';
import { CorrectionRequestResolver } from '../modules/correction-request/correction-request.resolver';
import { DepartmentResolver } from '../modules/department/department.resolver';
import { EmailMessageResolver } from '../modules/email/email-message.resolver';
import { InscriptionGoalResolver } from '../modules/inscription-goal/inscription-goal.resolver';
import { MeetingPointResolver } from '../modules/meeting-point/meeting-point.resolver';
import { NoteResolver } from '../modules/note/note.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { SessionResolver } from '../modules/session/session.resolver';
import { TransportLineResolver } from '../modules/transport-line/transport-line.resolver';
import { TransportLineStopResolver } from '../modules/transport-line/transport-line-stop.resolver';
import { UserResolver } from '../modules/user/user.resolver';
import { VolunteerResolver } from '../modules/volunteer/volunteer.resolver';
import { VolunteerReviewResolver } from '../modules/volunteer/volunteer-review.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  RegionResolver,
  DepartmentResolver,
  CohortResolver,
  CohesionCenterResolver,
  SessionResolver,
  MeetingPointResolver,
  TransportLineResolver,
  TransportLineStopResolver,
  VolunteerResolver,
  InscriptionGoalResolver,
  CorrectionRequestResolver,
  NoteResolver,
  UserResolver,
  AuditEventResolver,
  EmailMessageResolver,
  VolunteerReviewResolver,
  AssignmentResolver,
  AssignmentSimulationResolver,
  DashboardResolver,
];

export const SCHEMA_FILE = path.join(projectRoot, 'schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

/**
 * Built once per process (type-graphql's metadata is global anyway). Every Query and Mutation
 * field carries `@Authorized` (deny by default, tested); object fields carry a rule only where it
 * differs from their type's, so the others have no middleware and resolve synchronously.
 */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, authChecker, authMode: 'error', validate: false });
  return built;
}

/** The committed contract: sorted so that the file only changes when the API does. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}

export async function emitSchemaFile(): Promise<string> {
  fs.writeFileSync(SCHEMA_FILE, await printedSchema());
  return SCHEMA_FILE;
}

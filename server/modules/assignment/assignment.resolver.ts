import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { BulkResult } from '../volunteer/review.inputs';
import { Volunteer } from '../volunteer/volunteer.entity';
import { AssignmentInput } from './assignment.inputs';
import { assignVolunteer, assignVolunteers, unassignVolunteer } from './assignment.service';
import { recordArrival, recordStayEnd, STAY_RECORDERS } from './stay.service';

/** Manual assignment (DOMAIN.md, "Placement"). Every check lives in the service. */
@Resolver()
export class AssignmentResolver {
  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => Volunteer, { description: 'Affecter un volontaire validé à une session (et à un point de rassemblement d’une de ses lignes)' })
  assignVolunteer(
    @Arg('id', () => ID) id: string,
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('meetingPointId', () => ID, { nullable: true }) meetingPointId: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return assignVolunteer(ctx, id, sessionId, meetingPointId, version);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => Volunteer, { description: 'Annuler l’affectation d’un volontaire (sa place et son siège sont libérés)' })
  unassignVolunteer(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Volunteer> {
    return unassignVolunteer(ctx, id, version);
  }

  @Authorized(PLACEMENT_MANAGERS)
  @Mutation(() => BulkResult, { description: 'Affecter plusieurs volontaires (au plus 1 000) : chacun est vérifié comme seul' })
  assignVolunteers(@Arg('assignments', () => [AssignmentInput]) assignments: AssignmentInput[], @Ctx() ctx: RequestContext): Promise<BulkResult> {
    return assignVolunteers(ctx, assignments);
  }

  @Authorized(STAY_RECORDERS)
  @Mutation(() => Volunteer, { description: 'Relever l’arrivée d’un volontaire au centre (chef de centre)' })
  recordVolunteerArrival(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Volunteer> {
    return recordArrival(ctx, id, version);
  }

  @Authorized(STAY_RECORDERS)
  @Mutation(() => Volunteer, { description: 'Enregistrer la fin du séjour : accompli (DONE) ou non (NOT_DONE)' })
  recordVolunteerStayEnd(
    @Arg('id', () => ID) id: string,
    @Arg('completed', () => Boolean) completed: boolean,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return recordStayEnd(ctx, id, completed, version);
  }
}

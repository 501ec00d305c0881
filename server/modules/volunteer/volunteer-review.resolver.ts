import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../kernel/request-context';
import { RefusalReason } from './volunteer.enums';
import { Volunteer } from './volunteer.entity';
import { BulkResult, CorrectionRequestInput } from './review.inputs';
import {
  putOnWaitingList,
  refuseVolunteer,
  requestCorrections,
  validateMany,
  validateVolunteer,
  withdrawVolunteer,
} from './volunteer-review.service';
import { REVIEWERS } from './volunteer.transitions';

/** The review of registrations (DOMAIN.md, workflow 1). Every check lives in the service. */
@Resolver()
export class VolunteerReviewResolver {
  @Authorized(REVIEWERS)
  @Mutation(() => Volunteer, { description: 'Valider un dossier (force : administrateurs, au-delà de l’objectif)' })
  validateVolunteer(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('force', () => Boolean, { nullable: true }) force: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return validateVolunteer(ctx, id, { version, force });
  }

  @Authorized(REVIEWERS)
  @Mutation(() => Volunteer, { description: 'Refuser un dossier (motif et message obligatoires)' })
  refuseVolunteer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => RefusalReason) reason: RefusalReason,
    @Arg('message', () => String) message: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return refuseVolunteer(ctx, id, reason, message, { version });
  }

  @Authorized(REVIEWERS)
  @Mutation(() => Volunteer, { description: 'Placer un dossier sur liste complémentaire' })
  putVolunteerOnWaitingList(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return putOnWaitingList(ctx, id, { version });
  }

  @Authorized(REVIEWERS)
  @Mutation(() => Volunteer, { description: 'Demander des corrections au volontaire' })
  requestVolunteerCorrections(
    @Arg('id', () => ID) id: string,
    @Arg('requests', () => [CorrectionRequestInput]) requests: CorrectionRequestInput[],
    @Arg('message', () => String, { nullable: true }) message: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return requestCorrections(ctx, id, requests, message, { version });
  }

  @Authorized(REVIEWERS)
  @Mutation(() => Volunteer, { description: 'Enregistrer le désistement d’un volontaire (motif obligatoire)' })
  withdrawVolunteer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('message', () => String, { nullable: true }) message: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Volunteer> {
    return withdrawVolunteer(ctx, id, reason, message, { version });
  }

  @Authorized(REVIEWERS)
  @Mutation(() => BulkResult, { description: 'Valider plusieurs dossiers (au plus 1 000) : chacun est vérifié comme seul' })
  validateVolunteers(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<BulkResult> {
    return validateMany(ctx, ids);
  }
}

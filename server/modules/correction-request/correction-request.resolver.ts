import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { CorrectionRequest } from './correction-request.entity';
import { CorrectionRequestFilter } from './correction-request.inputs';
import { changeCorrectionRequest } from './correction-request.service';
import { REVIEWERS } from '../volunteer/volunteer.transitions';

@Resolver(() => CorrectionRequest)
export class CorrectionRequestResolver extends createReadResolver({
  entity: CorrectionRequest,
  typeName: 'CorrectionRequest',
  filterType: CorrectionRequestFilter,
  roles: STAFF_WITH_PERSONAL_DATA,
  sortable: { createdAt: 'createdAt', status: 'status', field: 'field' },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  label: 'Cette demande de correction',
  where: (f) => allOf(idsCondition(f.ids), textSearch(f.q, ['field']), refCondition('volunteer', f.volunteerId, 'volunteerId'), f.status ? { status: f.status } : undefined),
  prefetch: followSelected({ requestedBy: User }),
}) {
  @FieldResolver(() => ID)
  volunteerId(@Root() request: Row<CorrectionRequest>): string {
    return request.volunteer.id;
  }

  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() request: Row<CorrectionRequest>, @Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    return ctx.loaders.load(Volunteer, request.volunteer.id);
  }

  @FieldResolver(() => User, { nullable: true })
  requestedBy(@Root() request: Row<CorrectionRequest>, @Ctx() ctx: RequestContext): MaybePromise<User | null> {
    return ctx.loaders.follow(User, request.requestedBy);
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CorrectionRequest, { description: 'Relancer le volontaire pour cette correction' })
  remindCorrectionRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CorrectionRequest> {
    return changeCorrectionRequest(ctx, id, 'REMIND');
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CorrectionRequest, { description: 'Annuler cette demande de correction' })
  cancelCorrectionRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CorrectionRequest> {
    return changeCorrectionRequest(ctx, id, 'CANCEL');
  }

  @Authorized(REVIEWERS)
  @Mutation(() => CorrectionRequest, { description: 'Marquer cette demande comme corrigée' })
  markCorrectionRequestCorrected(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CorrectionRequest> {
    return changeCorrectionRequest(ctx, id, 'CORRECT');
  }
}

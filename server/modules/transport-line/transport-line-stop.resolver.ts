import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { MaybePromise, RequestContext, Row } from '../../kernel/request-context';
import { MeetingPoint } from '../meeting-point/meeting-point.entity';
import { TransportLineStop } from './transport-line-stop.entity';

/** A stop's relations (stops are read through their line: `TransportLine.stops`). */
@Resolver(() => TransportLineStop)
export class TransportLineStopResolver {
  @FieldResolver(() => ID)
  meetingPointId(@Root() stop: Row<TransportLineStop>): string {
    return stop.meetingPoint.id;
  }

  @FieldResolver(() => MeetingPoint)
  meetingPoint(@Root() stop: Row<TransportLineStop>, @Ctx() ctx: RequestContext): MaybePromise<MeetingPoint | null> {
    return ctx.loaders.follow(MeetingPoint, stop.meetingPoint);
  }
}

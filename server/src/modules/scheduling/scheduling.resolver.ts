import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { Pair } from '../pair/pair.type';
import { AcceptSessionInput, CancelSessionInput, ProposeSessionInput, RescheduleSessionInput } from './scheduling.inputs';
import { SessionBookingPayload } from './scheduling.payloads';
import { schedulingPolicy } from './scheduling.policy';
import { SchedulingService } from './scheduling.service';
import { SessionBooking } from './scheduling.type';
import { canMove } from './scheduling.workflow';

@Resolver(() => SessionBooking)
export class SchedulingResolver {
  @Authorized(Role.CO_LEARNER)
  @Mutation(() => SessionBookingPayload, { description: 'Offer one or more times for a session; your partner accepts one.' })
  proposeSession(@InputArg(ProposeSessionInput) input: ProposeSessionInput, @Ctx() ctx: Context) {
    return mutate(SessionBookingPayload, input, async () => ({ booking: SessionBooking.from(await new SchedulingService(ctx).propose(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => SessionBookingPayload, { description: 'Accept one of the times your partner offered; both of you get a calendar invitation.' })
  acceptSession(@InputArg(AcceptSessionInput) input: AcceptSessionInput, @Ctx() ctx: Context) {
    return mutate(SessionBookingPayload, input, async () => ({ booking: SessionBooking.from(await new SchedulingService(ctx).accept(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => SessionBookingPayload, { description: 'Move a booked session; calendars update the same event.' })
  rescheduleSession(@InputArg(RescheduleSessionInput) input: RescheduleSessionInput, @Ctx() ctx: Context) {
    return mutate(SessionBookingPayload, input, async () => ({ booking: SessionBooking.from(await new SchedulingService(ctx).reschedule(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => SessionBookingPayload, { description: 'Withdraw an offer, or cancel a booked session (calendars cancel the event).' })
  cancelSession(@InputArg(CancelSessionInput) input: CancelSessionInput, @Ctx() ctx: Context) {
    return mutate(SessionBookingPayload, input, async () => ({ booking: SessionBooking.from(await new SchedulingService(ctx).cancel(input)) }));
  }

  @Authorized()
  @FieldResolver(() => Person, { description: 'Who offered the times.' })
  async proposedBy(@Root() booking: SessionBooking, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(booking.entity.proposedById))!);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may accept one of the times (the partner of whoever offered them).' })
  async viewerCanAccept(@Root() booking: SessionBooking, @Ctx() ctx: Context): Promise<boolean> {
    const pair = await ctx.loaders.pair.pair.load(booking.entity.pairId);
    return Boolean(pair && canMove(booking.entity.status, 'accept') && schedulingPolicy.canAccept(ctx.viewer as Viewer, pair, booking.entity));
  }
}

@Resolver(() => Pair)
export class PairSchedulingResolver {
  @Authorized()
  @FieldResolver(() => [SessionBooking], { description: 'Sessions offered or booked and still ahead, soonest first; for the two co-learners.' })
  async bookings(@Root() pair: Pair, @Ctx() ctx: Context): Promise<SessionBooking[]> {
    return (await new SchedulingService(ctx).openBookings(pair.entity)).map(SessionBooking.from);
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When the next booked session starts; for the pair and its programme managers.' })
  nextSessionAt(@Root() pair: Pair, @Ctx() ctx: Context): Promise<Date | null> | null {
    return schedulingPolicy.canSeeNextSessionTime(ctx.viewer as Viewer, pair.entity) ? ctx.loaders.scheduling.nextSessionAt.load(pair.entity.id) : null;
  }
}

import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { PairStatus } from '../pair/pair.entity';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { AddGroupLearningInput, CancelGroupSessionInput, GroupSessionsArgs, RecordGroupAttendanceInput, RescheduleGroupSessionInput, ScheduleGroupSessionInput } from './group-session.inputs';
import { GroupSessionPayload } from './group-session.payloads';
import { groupSessionPolicy } from './group-session.policy';
import { GroupSessionService } from './group-session.service';
import { GroupLearning, GroupSession, GroupSessionConnection, GroupSessionInvitee, RaisingSet } from './group-session.type';
import { Barrier } from '../barrier/barrier.type';
import { Pair } from '../pair/pair.type';

@Resolver(() => GroupSession)
export class GroupSessionResolver {
  @Authorized()
  @Query(() => GroupSessionConnection, { description: 'Group sessions the viewer runs (as a programme manager or facilitator) or is invited to, soonest first.' })
  groupSessions(@Args() args: GroupSessionsArgs, @Ctx() ctx: Context) {
    return new GroupSessionService(ctx).list(args);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => GroupSessionPayload, { description: 'Schedule a group session for chosen pairs or the whole cohort; invitees get a calendar invitation.' })
  scheduleGroupSession(@InputArg(ScheduleGroupSessionInput) input: ScheduleGroupSessionInput, @Ctx() ctx: Context) {
    return mutate(GroupSessionPayload, input, async () => ({ groupSession: GroupSession.from(await new GroupSessionService(ctx).schedule(input)) }));
  }

  @Authorized()
  @Mutation(() => GroupSessionPayload, { description: 'Record who came to a group session (manager or facilitator).' })
  recordGroupAttendance(@InputArg(RecordGroupAttendanceInput) input: RecordGroupAttendanceInput, @Ctx() ctx: Context) {
    return mutate(GroupSessionPayload, input, async () => ({ groupSession: GroupSession.from(await new GroupSessionService(ctx).recordAttendance(input)) }));
  }

  @Authorized()
  @Mutation(() => GroupSessionPayload, { description: 'Write down a point of shared learning; it is stored without an author.' })
  addGroupLearning(@InputArg(AddGroupLearningInput) input: AddGroupLearningInput, @Ctx() ctx: Context) {
    return mutate(GroupSessionPayload, input, async () => ({ groupSession: GroupSession.from(await new GroupSessionService(ctx).addLearning(input)) }));
  }

  @Authorized()
  @Mutation(() => GroupSessionPayload, { description: 'Move a scheduled group session; invitees’ calendars update the same event.' })
  rescheduleGroupSession(@InputArg(RescheduleGroupSessionInput) input: RescheduleGroupSessionInput, @Ctx() ctx: Context) {
    return mutate(GroupSessionPayload, input, async () => ({ groupSession: GroupSession.from(await new GroupSessionService(ctx).reschedule(input)) }));
  }

  @Authorized()
  @Mutation(() => GroupSessionPayload, { description: 'Cancel a scheduled group session; invitees’ calendars cancel the event.' })
  cancelGroupSession(@InputArg(CancelGroupSessionInput) input: CancelGroupSessionInput, @Ctx() ctx: Context) {
    return mutate(GroupSessionPayload, input, async () => ({ groupSession: GroupSession.from(await new GroupSessionService(ctx).cancel(input)) }));
  }

  @Authorized()
  @FieldResolver(() => Programme)
  async programme(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<Programme> {
    return Programme.from((await ctx.loaders.pair.programme.load(session.entity.programmeId))!);
  }

  @Authorized()
  @FieldResolver(() => Person, { nullable: true })
  async facilitator(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<Person | null> {
    const person = session.entity.facilitatorId ? await ctx.loaders.identity.person.load(session.entity.facilitatorId) : null;
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => [GroupSessionInvitee], { description: 'Invitees and attendance: all of them for whoever runs the session, the viewer’s own line for an invitee.' })
  invitees(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<GroupSessionInvitee[]> {
    return new GroupSessionService(ctx).invitees(session.entity);
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'How many were invited.' })
  async inviteeCount(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.groupSession.inviteeCount.load(session.entity.id);
  }

  @Authorized()
  @FieldResolver(() => [GroupLearning], { description: 'Shared learning, never attributed to a person.' })
  learning(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<GroupLearning[]> {
    return new GroupSessionService(ctx).learning(session.entity);
  }

  @Authorized()
  @FieldResolver({ description: 'Whether the viewer runs it (records attendance, writes learning, cancels).' })
  viewerCanRun(@Root() session: GroupSession, @Ctx() ctx: Context): boolean {
    return groupSessionPolicy.canRun(ctx.viewer as Viewer, session.entity);
  }

  @Authorized()
  @FieldResolver(() => [Barrier], { description: 'Barriers raised on behalf of the set, newest first; each shows as the set’s, never which pair raised it.' })
  async barriersRaised(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<Barrier[]> {
    return (await ctx.loaders.groupSession.barriersRaised.load(session.entity.id)).map(Barrier.from);
  }

  @Authorized()
  @FieldResolver(() => Pair, { nullable: true, description: 'The pair the viewer came with, when they may raise a barrier on behalf of the set; null otherwise.' })
  async barrierRaisingPair(@Root() session: GroupSession, @Ctx() ctx: Context): Promise<Pair | null> {
    const { ownLine, attendingPairs } = await GroupSessionService.setOf(ctx.db.manager, session.entity.id, ctx.viewer!.personId);
    if (!ownLine || !groupSessionPolicy.canRaiseBarrierFor(ctx.viewer as Viewer, session.entity, ownLine, attendingPairs)) return null;
    const pair = await ctx.loaders.pair.pair.load(ownLine.pairId);
    return pair && pair.status === PairStatus.ACTIVE ? Pair.from(pair) : null;
  }
}

/** What every viewer is shown of a barrier raised on behalf of a set: the set, never the pair. */
@Resolver(() => Barrier)
export class BarrierRaisingSetResolver {
  @Authorized()
  @FieldResolver(() => RaisingSet, { nullable: true, description: 'The group session set it was raised on behalf of; null for a pair’s own barrier.' })
  async raisedForSet(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<RaisingSet | null> {
    const id = barrier.entity.raisedForGroupSessionId;
    const session = id ? await ctx.loaders.groupSession.session.load(id) : null;
    return session ? Object.assign(new RaisingSet(), { title: session.title, kind: session.kind }) : null;
  }
}

@Resolver(() => GroupSessionInvitee)
export class GroupSessionInviteeResolver {
  @Authorized()
  @FieldResolver(() => Person)
  async person(@Root() invitee: GroupSessionInvitee, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(invitee.personId))!);
  }
}

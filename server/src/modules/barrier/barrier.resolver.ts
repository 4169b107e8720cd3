import { dayOf } from '../../common/anonymity';
import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Change } from '../change/change.type';
import { Comment } from '../comment/comment.type';
import { HistoryEvent } from '../history/history.type';
import { Organisation } from '../organisation/organisation.type';
import { Pair } from '../pair/pair.type';
import { Role } from '../person/membership.entity';
import { AnswerBarrierNamingInput, BarriersArgs, CloseBarrierInput, CorroborateBarrierInput, RaiseBarrierInput } from './barrier.inputs';
import { BarrierPayload } from './barrier.payloads';
import { barrierPolicy } from './barrier.policy';
import { BarrierService } from './barrier.service';
import { BarrierStatus, NamingConsent } from './barrier.entity';
import { Barrier, BarrierConnection, Corroboration } from './barrier.type';

@Resolver(() => Barrier)
export class BarrierResolver {
  @Authorized()
  @Query(() => BarrierConnection, { description: "Barriers in the viewer's organisations, filtered and ordered." })
  barriers(@Args() args: BarriersArgs, @Ctx() ctx: Context) {
    return new BarrierService(ctx).list(args);
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => BarrierPayload, { description: 'Raise a barrier for your pair, with evidence, NAMED or ANONYMOUS.' })
  raiseBarrier(@InputArg(RaiseBarrierInput) input: RaiseBarrierInput, @Ctx() ctx: Context) {
    return mutate(BarrierPayload, input, async () => ({ barrier: Barrier.from(await new BarrierService(ctx).raise(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => BarrierPayload, { description: '"We see this too": another pair corroborates a barrier with its own evidence.' })
  corroborateBarrier(@InputArg(CorroborateBarrierInput) input: CorroborateBarrierInput, @Ctx() ctx: Context) {
    return mutate(BarrierPayload, input, async () => ({ barrier: Barrier.from(await new BarrierService(ctx).corroborate(input)) }));
  }

  @Authorized()
  @Mutation(() => BarrierPayload, { description: 'Close an open barrier (a duplicate, or no longer true), with a reason: the raising pair or a programme manager.' })
  closeBarrier(@InputArg(CloseBarrierInput) input: CloseBarrierInput, @Ctx() ctx: Context) {
    return mutate(BarrierPayload, input, async () => ({ barrier: Barrier.from(await new BarrierService(ctx).close(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => BarrierPayload, { description: 'Agree, or decline, that a barrier your partner raised as named names your pair; until you agree it shows as anonymous.' })
  answerBarrierNaming(@InputArg(AnswerBarrierNamingInput) input: AnswerBarrierNamingInput, @Ctx() ctx: Context) {
    return mutate(BarrierPayload, input, async () => ({ barrier: Barrier.from(await new BarrierService(ctx).answerNaming(input)) }));
  }

  @Authorized()
  @FieldResolver(() => NamingConsent, {
    nullable: true,
    description: 'Where the request to name the pair stands; for the raising pair only (null for everyone else, and when it was raised anonymous).',
  })
  async namingConsent(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<NamingConsent | null> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrierPolicy.canSeeNaming(ctx.viewer as Viewer, pair) ? barrier.entity.namingConsent : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer is the co-learner asked to agree that it names their pair, and has not answered yet.' })
  async viewerCanAnswerNaming(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<boolean> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrierPolicy.canAnswerNaming(ctx.viewer as Viewer, barrier.entity, pair);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  async viewerCanClose(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<boolean> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrier.entity.status === BarrierStatus.OPEN && barrierPolicy.mayClose(ctx.viewer as Viewer, barrier.entity, pair);
  }

  @Authorized()
  @FieldResolver(() => Organisation)
  async organisation(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Organisation> {
    return Organisation.from((await ctx.loaders.identity.organisation.load(barrier.entity.organisationId))!);
  }

  @Authorized()
  @FieldResolver(() => Pair, { nullable: true, description: 'The pair that raised it; null when it is anonymous and the viewer is not in that pair.' })
  async raisedBy(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Pair | null> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrierPolicy.canSeeRaisingPair(ctx.viewer as Viewer, barrier.entity, pair) ? Pair.from(pair) : null;
  }

  @Authorized()
  @FieldResolver(() => Date, {
    description: 'When it was raised. An anonymous barrier shows others the day only (midnight UTC), so its time cannot be lined up with a logged session.',
  })
  async createdAt(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Date> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrierPolicy.canSeeRaisingPair(ctx.viewer as Viewer, barrier.entity, pair) ? barrier.entity.createdAt : dayOf(barrier.entity.createdAt);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "Whether the viewer's own pair raised it." })
  async raisedByViewersPair(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<boolean> {
    const pair = (await ctx.loaders.pair.pair.load(barrier.entity.pairId))!;
    return barrierPolicy.isRaisedByViewersPair(ctx.viewer as Viewer, pair);
  }

  @Authorized()
  @FieldResolver(() => [Corroboration], { complexity: unpagedList })
  async corroborations(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Corroboration[]> {
    return (await ctx.loaders.barrier.corroborations.load(barrier.entity.id)).map(Corroboration.from);
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'How many divisions the corroborating pairs work in: breadth shows a barrier is systemic.' })
  async corroboratingDivisionCount(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.barrier.corroboratingDivisions.load(barrier.entity.id)).length;
  }

  @Authorized()
  @FieldResolver(() => [String])
  corroboratingDivisions(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.loaders.barrier.corroboratingDivisions.load(barrier.entity.id);
  }

  @Authorized()
  @FieldResolver(() => [Change], { description: 'Changes proposed to address it, oldest first.', complexity: unpagedList })
  async changes(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Change[]> {
    return (await ctx.loaders.change.changesByBarrier.load(barrier.entity.id)).map(Change.from);
  }

  @Authorized()
  @FieldResolver(() => [HistoryEvent], { description: 'Everything that happened to it and its changes, oldest first.', complexity: unpagedList })
  async history(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<HistoryEvent[]> {
    return (await ctx.loaders.history.eventsByBarrier.load(barrier.entity.id)).map(HistoryEvent.from);
  }

  @Authorized()
  @FieldResolver(() => [Comment], { complexity: unpagedList })
  async comments(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Comment[]> {
    return (await ctx.loaders.comment.byBarrier.load(barrier.entity.id)).map(Comment.from);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "Whether one of the viewer's pairs may corroborate it now." })
  async viewerCanCorroborate(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer as Viewer;
    const [mine, done, raisingPair] = await Promise.all([
      ctx.loaders.barrier.pairsOfPerson.load(viewer.personId),
      ctx.loaders.barrier.corroborations.load(barrier.entity.id),
      ctx.loaders.pair.pair.load(barrier.entity.pairId),
    ]);
    return raisingPair != null && barrierPolicy.corroboratingPairs(viewer, barrier.entity, raisingPair, mine, done.map((c) => c.pairId)).length > 0;
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  async viewerCanProposeChange(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer as Viewer;
    return barrierPolicy.canProposeChange(viewer, barrier.entity, await ctx.loaders.barrier.pairsOfPerson.load(viewer.personId));
  }

  @Authorized()
  @FieldResolver()
  viewerCanComment(@Root() barrier: Barrier, @Ctx() ctx: Context): boolean {
    return barrierPolicy.canComment(ctx.viewer as Viewer, barrier.entity);
  }
}

import { dayOf } from '../../common/anonymity';
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { decryptNotes } from './notes-cipher';
import { AgreeContractInput, CreatePairInput, EndPairInput, LogSessionInput, NudgePairInput, PairsArgs, ProposeContractInput } from './pair.inputs';
import { LogSessionPayload, PairPayload } from './pair.payloads';
import { pairPolicy } from './pair.policy';
import { PairService } from './pair.service';
import { ContractVersion, MentoringSession, MentoringSessionConnection, Pair, PairConnection, SessionPrompts } from './pair.type';

@Resolver(() => Pair)
export class PairResolver {
  @Authorized()
  @Query(() => PairConnection, { description: "Pairs in the viewer's organisations; `mine: true` for the viewer's own." })
  pairs(@Args() args: PairsArgs, @Ctx() ctx: Context) {
    return new PairService(ctx).list(args);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => PairPayload, { description: 'Match a senior and a junior co-learner in a programme.' })
  createPair(@InputArg(CreatePairInput) input: CreatePairInput, @Ctx() ctx: Context) {
    return mutate(PairPayload, input, async () => ({ pair: Pair.from(await new PairService(ctx).create(input)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => PairPayload, { description: 'End a pair early, with a reason.' })
  endPair(@InputArg(EndPairInput) input: EndPairInput, @Ctx() ctx: Context) {
    return mutate(PairPayload, input, async () => ({ pair: Pair.from(await new PairService(ctx).end(input)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => PairPayload, { description: 'Ask a pair how it is going (both co-learners are notified); once a week at most.' })
  nudgePair(@InputArg(NudgePairInput) input: NudgePairInput, @Ctx() ctx: Context) {
    return mutate(PairPayload, input, async () => ({ pair: Pair.from(await new PairService(ctx).nudge(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => PairPayload, { description: 'Propose a new contract version; the other co-learner is asked to agree it.' })
  proposeContract(@InputArg(ProposeContractInput) input: ProposeContractInput, @Ctx() ctx: Context) {
    return mutate(PairPayload, input, async () => ({ pair: Pair.from(await new PairService(ctx).proposeContract(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => PairPayload, { description: 'Agree the latest contract version; it takes effect once both have agreed it.' })
  agreeContract(@InputArg(AgreeContractInput) input: AgreeContractInput, @Ctx() ctx: Context) {
    return mutate(PairPayload, input, async () => ({ pair: Pair.from(await new PairService(ctx).agreeContract(input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => LogSessionPayload, { description: 'Log a co-learning session; private notes are readable by the pair alone.' })
  logSession(@InputArg(LogSessionInput) input: LogSessionInput, @Ctx() ctx: Context) {
    return mutate(LogSessionPayload, input, async () => ({ session: MentoringSession.from(await new PairService(ctx).logSession(input)) }));
  }

  @Authorized()
  @FieldResolver(() => Programme)
  async programme(@Root() pair: Pair, @Ctx() ctx: Context): Promise<Programme> {
    return Programme.from((await ctx.loaders.pair.programme.load(pair.entity.programmeId))!);
  }

  @Authorized()
  @FieldResolver(() => Person)
  async senior(@Root() pair: Pair, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(pair.entity.seniorId))!);
  }

  @Authorized()
  @FieldResolver(() => Person)
  async junior(@Root() pair: Pair, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(pair.entity.juniorId))!);
  }

  @Authorized()
  @FieldResolver(() => ContractVersion, { nullable: true, description: 'The newest version, agreed or awaiting agreement; for the pair and its programme managers.' })
  async contract(@Root() pair: Pair, @Ctx() ctx: Context): Promise<ContractVersion | null> {
    if (!pairPolicy.canSeeContract(ctx.viewer as Viewer, pair.entity)) return null;
    const latest = await ctx.loaders.pair.latestContract.load(pair.entity.id);
    return latest ? ContractVersion.from(latest) : null;
  }

  @Authorized()
  @FieldResolver(() => ContractVersion, { nullable: true, description: 'The newest version both co-learners agreed: the contract in effect; for the pair and its programme managers.' })
  async contractInEffect(@Root() pair: Pair, @Ctx() ctx: Context): Promise<ContractVersion | null> {
    if (!pairPolicy.canSeeContract(ctx.viewer as Viewer, pair.entity)) return null;
    const agreed = await ctx.loaders.pair.contractInEffect.load(pair.entity.id);
    return agreed ? ContractVersion.from(agreed) : null;
  }

  @Authorized()
  @FieldResolver(() => MentoringSessionConnection, { description: 'Logged sessions, newest first: the pair and its programme managers.' })
  sessions(@Root() pair: Pair, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new PairService(ctx).sessions(pair.entity, args);
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'The date of the latest logged session (YYYY-MM-DD).' })
  lastSessionOn(@Root() pair: Pair, @Ctx() ctx: Context): Promise<string | null> | null {
    return pairPolicy.canSeeSessions(ctx.viewer as Viewer, pair.entity) ? ctx.loaders.pair.lastSessionOn.load(pair.entity.id) : null;
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When a programme manager last nudged the pair; for its programme managers.' })
  lastNudgedAt(@Root() pair: Pair, @Ctx() ctx: Context): Promise<Date | null> | null {
    return pairPolicy.canManage(ctx.viewer as Viewer, pair.entity) ? ctx.loaders.pair.lastNudgedAt.load(pair.entity.id) : null;
  }

  @Authorized()
  @FieldResolver(() => SessionPrompts, { nullable: true, description: 'Prompts for the next session; for the two co-learners only.' })
  async sessionPrompts(@Root() pair: Pair, @Ctx() ctx: Context): Promise<SessionPrompts | null> {
    if (!pairPolicy.isMember(ctx.viewer as Viewer, pair.entity)) return null;
    const contract = await ctx.loaders.pair.contractInEffect.load(pair.entity.id);
    return Object.assign(new SessionPrompts(), { focusTopics: contract?.focusTopics ?? [], pairId: pair.entity.id });
  }

  @Authorized()
  @FieldResolver({ description: 'Whether the viewer is one of the two co-learners.' })
  viewerIsMember(@Root() pair: Pair, @Ctx() ctx: Context): boolean {
    return pairPolicy.isMember(ctx.viewer as Viewer, pair.entity);
  }

  @Authorized()
  @FieldResolver()
  viewerCanProposeContract(@Root() pair: Pair, @Ctx() ctx: Context): boolean {
    return pairPolicy.canProposeContract(ctx.viewer as Viewer, pair.entity);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  async viewerCanAgreeContract(@Root() pair: Pair, @Ctx() ctx: Context): Promise<boolean> {
    return pairPolicy.canAgreeContract(ctx.viewer as Viewer, pair.entity, await ctx.loaders.pair.latestContract.load(pair.entity.id));
  }

  @Authorized()
  @FieldResolver()
  viewerCanLogSession(@Root() pair: Pair, @Ctx() ctx: Context): boolean {
    return pairPolicy.canLogSession(ctx.viewer as Viewer, pair.entity);
  }

  @Authorized()
  @FieldResolver()
  viewerCanEnd(@Root() pair: Pair, @Ctx() ctx: Context): boolean {
    return pairPolicy.canEnd(ctx.viewer as Viewer, pair.entity);
  }

  @Authorized()
  @FieldResolver({ description: 'Whether the viewer may nudge the pair (a programme manager, while the pair works together); the weekly limit is checked on nudging.' })
  viewerCanNudge(@Root() pair: Pair, @Ctx() ctx: Context): boolean {
    return pairPolicy.canNudge(ctx.viewer as Viewer, pair.entity);
  }
}

@Resolver(() => MentoringSession)
export class MentoringSessionResolver {
  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Readable by the two co-learners alone; null for everyone else.' })
  async privateNotes(@Root() session: MentoringSession, @Ctx() ctx: Context): Promise<string | null> {
    const pair = await ctx.loaders.pair.pair.load(session.entity.pairId);
    if (!pair || !pairPolicy.canReadPrivateNotes(ctx.viewer as Viewer, pair) || !session.entity.privateNotesCipher) return null;
    return decryptNotes(ctx.config.notesKey!, session.entity.privateNotesCipher);
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it was logged: the moment for the pair, the day only (midnight UTC) for programme managers.' })
  async createdAt(@Root() session: MentoringSession, @Ctx() ctx: Context): Promise<Date> {
    const pair = await ctx.loaders.pair.pair.load(session.entity.pairId);
    return pair && pairPolicy.isMember(ctx.viewer as Viewer, pair) ? session.entity.createdAt : dayOf(session.entity.createdAt);
  }

  @Authorized()
  @FieldResolver(() => Person)
  async loggedBy(@Root() session: MentoringSession, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(session.entity.loggedById))!);
  }
}

@Resolver(() => Programme)
export class ProgrammePairsResolver {
  @Authorized()
  @FieldResolver(() => PairConnection, { description: "The programme's pairs." })
  pairs(@Root() programme: Programme, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new PairService(ctx).list(Object.assign(new PairsArgs(), args, { programmeId: programme.id }));
  }
}

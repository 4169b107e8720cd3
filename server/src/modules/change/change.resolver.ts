import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { dayOf } from '../../common/anonymity';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import { ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Barrier } from '../barrier/barrier.type';
import { Comment } from '../comment/comment.type';
import { HistoryEvent } from '../history/history.type';
import { Pair, SessionPrompts } from '../pair/pair.type';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { type ChangeEntity, ChangeStatus, DecisionOutcome } from './change.entity';
import {
  AdoptChangeInput,
  ConfirmAdoptionInput,
  DeclineAdoptionInput,
  ChangeActionInput,
  ChangesArgs,
  DecideChangeInput,
  ProposeChangeInput,
  ReportChangeProgressInput,
  ReviseChangeInput,
  ReassignChangeOwnerInput,
  WithdrawChangeInput,
} from './change.inputs';
import { ChangePayload } from './change.payloads';
import { changePolicy } from './change.policy';
import { type ChangeRelations, hidesPersonOn } from './change.relations';
import { pageReads } from './change.selection';
import { ChangeService } from './change.service';
import { Change, ChangeConnection, Decision } from './change.type';
import { ChangeAction, FINISHED } from './change.workflow';

/**
 * Reads what a field shows around a change: at once when the change was read with its relations
 * (a page of changes: no promise per row and field), else from one batched look-up for every change
 * the request resolves (see change.relations.ts).
 */
function fromRelations<T>(ctx: Context, change: Change, read: (relations: ChangeRelations) => T): T | Promise<T> {
  return change.relations ? read(change.relations) : ctx.loaders.changeRelations.load(change.entity.id).then((found) => read(found!.relations));
}

/**
 * When something the pair did happened: the moment, or only its day (midnight UTC) for viewers from
 * whom an anonymous barrier hides that pair, so the time cannot be lined up with a logged session.
 */
function pairMoment(ctx: Context, change: Change, moment: Date | null): Date | null | Promise<Date | null> {
  if (!moment) return null;
  return fromRelations(ctx, change, (relations) => (hidesPersonOn(ctx.viewer as Viewer, relations, relations.pair.seniorId) ? dayOf(moment) : moment));
}

/** The viewerCan… hints come from the same policy and workflow the service enforces. */
function viewerCan(ctx: Context, change: Change, action: ChangeAction): boolean | Promise<boolean> {
  return fromRelations(ctx, change, (relations) => changePolicy.can(ctx.viewer as Viewer, change.entity, relations.pair, action));
}

const payload = async (run: Promise<ChangeEntity>) => ({ change: Change.from(await run) });

@Resolver(() => Change)
export class ChangeResolver {
  @Authorized()
  @Query(() => ChangeConnection, { description: "Changes in the viewer's organisations, filtered and ordered." })
  changes(@Args() args: ChangesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return new ChangeService(ctx).list(args, pageReads(info));
  }

  @Authorized()
  @Query(() => ChangeConnection, { description: "Changes awaiting the viewer's decision, oldest submission first." })
  decisionQueue(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new ChangeService(ctx).decisionQueue(args);
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => ChangePayload, { description: 'Propose a DRAFT change to a barrier, owned by the leader who can make it.' })
  proposeChange(@InputArg(ProposeChangeInput) input: ProposeChangeInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).propose(input)));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => ChangePayload, { description: 'Edit a DRAFT change (for example after the owner requested changes).' })
  reviseChange(@InputArg(ReviseChangeInput) input: ReviseChangeInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).revise(input)));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => ChangePayload, { description: 'DRAFT → SUBMITTED: send it to its owner for a decision.' })
  submitChange(@InputArg(ChangeActionInput) input: ChangeActionInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).submit(input)));
  }

  @Authorized(Role.OWNER)
  @Mutation(() => ChangePayload, { description: "The owner's decision: APPROVE, REJECT or REQUEST_CHANGES (back to DRAFT), with a rationale." })
  decideChange(@InputArg(DecideChangeInput) input: DecideChangeInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).decide(input)));
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: 'APPROVED → IN_PROGRESS.' })
  startChange(@InputArg(ChangeActionInput) input: ChangeActionInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).start(input)));
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: 'Report progress (%), a note, and the latest values of the success measures.' })
  reportChangeProgress(@InputArg(ReportChangeProgressInput) input: ReportChangeProgressInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).reportProgress(input)));
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: 'IN_PROGRESS → ADOPTION_REQUESTED: ask for adoption to be confirmed, with evidence of what changed and from when.' })
  adoptChange(@InputArg(AdoptChangeInput) input: AdoptChangeInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).adopt(input)));
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: 'ADOPTION_REQUESTED → ADOPTED: the owner confirms, or a sponsor where the owner is in the proposing pair or the change lies in their own division.' })
  confirmAdoption(@InputArg(ConfirmAdoptionInput) input: ConfirmAdoptionInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).confirmAdoption(input)));
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: 'ADOPTION_REQUESTED → IN_PROGRESS: the confirmer is not satisfied yet, with a reason.' })
  declineAdoption(@InputArg(DeclineAdoptionInput) input: DeclineAdoptionInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).declineAdoption(input)));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => ChangePayload, { description: 'Withdraw a change at any stage before adoption, with a reason.' })
  withdrawChange(@InputArg(WithdrawChangeInput) input: WithdrawChangeInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).withdraw(input)));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ChangePayload, { description: 'Hand a change not yet adopted to another owner, with a reason (programme managers).' })
  reassignChangeOwner(@InputArg(ReassignChangeOwnerInput) input: ReassignChangeOwnerInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, () => payload(new ChangeService(ctx).reassignOwner(input)));
  }

  @Authorized()
  @FieldResolver(() => Barrier)
  barrier(@Root() change: Change, @Ctx() ctx: Context): Barrier | Promise<Barrier> {
    return fromRelations(ctx, change, (relations) => Barrier.from(relations.barrier));
  }

  @Authorized()
  @FieldResolver(() => Person, { description: 'The leader who decides it and can make it happen.' })
  owner(@Root() change: Change, @Ctx() ctx: Context): Person | Promise<Person> {
    return fromRelations(ctx, change, (relations) => Person.from(relations.owner));
  }

  @Authorized()
  @FieldResolver(() => Pair, { nullable: true, description: 'The pair that proposed it; null where an anonymous barrier hides that pair.' })
  pair(@Root() change: Change, @Ctx() ctx: Context): Pair | null | Promise<Pair | null> {
    return fromRelations(ctx, change, (relations) =>
      hidesPersonOn(ctx.viewer as Viewer, relations, relations.pair.seniorId) ? null : Pair.from(relations.pair),
    );
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it was proposed; the day only where an anonymous barrier hides the pair from the viewer.' })
  createdAt(@Root() change: Change, @Ctx() ctx: Context) {
    return pairMoment(ctx, change, change.entity.createdAt);
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it last changed; the day only where an anonymous barrier hides the pair from the viewer.' })
  updatedAt(@Root() change: Change, @Ctx() ctx: Context) {
    return pairMoment(ctx, change, change.entity.updatedAt);
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When it was submitted; the day only where an anonymous barrier hides the pair from the viewer.' })
  submittedAt(@Root() change: Change, @Ctx() ctx: Context) {
    return pairMoment(ctx, change, change.entity.submittedAt);
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When work started (the pair or the owner); the day only where an anonymous barrier hides the pair.' })
  startedAt(@Root() change: Change, @Ctx() ctx: Context) {
    return pairMoment(ctx, change, change.entity.startedAt);
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When it was adopted (the pair or the owner); the day only where an anonymous barrier hides the pair.' })
  adoptedAt(@Root() change: Change, @Ctx() ctx: Context) {
    return pairMoment(ctx, change, change.entity.adoptedAt);
  }

  @Authorized()
  @FieldResolver(() => Decision, { nullable: true })
  latestDecision(@Root() change: Change, @Ctx() ctx: Context): Decision | null | Promise<Decision | null> {
    return fromRelations(ctx, change, (relations) => (relations.latestDecision ? Decision.from(relations.latestDecision) : null));
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "A draft that its owner sent back for changes (the reason is latestDecision's rationale), not a fresh one." })
  isSentBack(@Root() change: Change, @Ctx() ctx: Context): boolean | Promise<boolean> {
    if (change.entity.status !== ChangeStatus.DRAFT) return false;
    return fromRelations(ctx, change, (relations) => relations.latestDecision?.outcome === DecisionOutcome.REQUEST_CHANGES);
  }

  @Authorized()
  @FieldResolver(() => [Decision], { description: 'Every decision, oldest first.', complexity: unpagedList })
  async decisions(@Root() change: Change, @Ctx() ctx: Context): Promise<Decision[]> {
    return (await ctx.loaders.change.decisions.load(change.entity.id)).map(Decision.from);
  }

  @Authorized()
  @FieldResolver(() => [HistoryEvent], { description: 'Every transition and decision, oldest first.', complexity: unpagedList })
  async history(@Root() change: Change, @Ctx() ctx: Context): Promise<HistoryEvent[]> {
    return (await ctx.loaders.history.eventsByChange.load(change.entity.id)).map(HistoryEvent.from);
  }

  @Authorized()
  @FieldResolver(() => [Comment], { complexity: unpagedList })
  async comments(@Root() change: Change, @Ctx() ctx: Context): Promise<Comment[]> {
    return (await ctx.loaders.comment.byChange.load(change.entity.id)).map(Comment.from);
  }

  @Authorized()
  @FieldResolver(() => Int)
  commentCount(@Root() change: Change, @Ctx() ctx: Context): number | Promise<number> {
    return fromRelations(ctx, change, (relations) => relations.commentCount);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Edit it: the pair, while it is a draft.' })
  viewerCanRevise(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.REVISE);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Submit it to its owner: the pair, while it is a draft.' })
  viewerCanSubmit(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.SUBMIT);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Decide it: the owner, while it is submitted.' })
  viewerCanDecide(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.APPROVE);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Start it: the owner or the pair, once approved.' })
  viewerCanStart(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.START);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Report progress: the owner or the pair, while in progress.' })
  viewerCanReportProgress(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.REPORT_PROGRESS);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Ask for it to be confirmed adopted: the owner or the pair, while in progress.' })
  viewerCanAdopt(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.ADOPT);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Withdraw it: the pair, before adoption.' })
  viewerCanWithdraw(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.WITHDRAW);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Hand it to another owner: programme managers, before adoption.' })
  viewerCanReassignOwner(@Root() change: Change, @Ctx() ctx: Context) {
    return viewerCan(ctx, change, ChangeAction.REASSIGN_OWNER);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  viewerCanComment(@Root() change: Change, @Ctx() ctx: Context): boolean {
    return changePolicy.canComment(ctx.viewer as Viewer, change.entity);
  }
}

@Resolver(() => SessionPrompts)
export class SessionPromptsResolver {
  @Authorized()
  @FieldResolver(() => [Change], { description: "The pair's changes that are not finished yet, oldest first.", complexity: unpagedList })
  async openChanges(@Root() prompts: SessionPrompts, @Ctx() ctx: Context): Promise<Change[]> {
    const changes = await ctx.loaders.change.changesByPair.load(prompts.pairId);
    return changes.filter((c) => !FINISHED.includes(c.status)).map(Change.from);
  }
}

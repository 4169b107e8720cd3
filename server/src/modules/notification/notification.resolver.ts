import { dayOf } from '../../common/anonymity';
import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { formatDay } from '../../common/dates';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { ViewerType } from '../auth/auth.type';
import { hidesIdentity, HIDDEN_PAIR_LABEL } from '../barrier/barrier.masking';
import { Barrier } from '../barrier/barrier.type';
import { Change } from '../change/change.type';
import { libraryPolicy } from '../library/library.policy';
import { SharedCase } from '../library/library.type';
import { pairPolicy } from '../pair/pair.policy';
import { Pair } from '../pair/pair.type';
import type { Viewer } from '../auth/viewer';
import { NotificationKind } from './notification.entity';
import { MarkNotificationsReadInput, NotificationsArgs } from './notification.inputs';
import { MarkNotificationsReadPayload } from './notification.payloads';
import { NotificationService } from './notification.service';
import { Notification, NotificationConnection } from './notification.type';

const DECIDED: Record<string, string> = { APPROVE: 'approved', REJECT: 'rejected', REQUEST_CHANGES: 'asked for changes to' };

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first." })
  notifications(@Args() args: NotificationsArgs, @Ctx() ctx: Context) {
    return new NotificationService(ctx).list(args, args.unreadOnly);
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadPayload)
  markNotificationsRead(@InputArg(MarkNotificationsReadInput) input: MarkNotificationsReadInput, @Ctx() ctx: Context) {
    return mutate(MarkNotificationsReadPayload, input, async () => {
      const service = new NotificationService(ctx);
      const ids = (input.ids ?? []).map((id) => idOf(id, 'Notification'));
      const marked = await service.markRead(ids, input.all);
      return { marked, unreadCount: await service.unreadCount() };
    });
  }

  @Authorized()
  @FieldResolver(() => Change, { nullable: true })
  async change(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Change | null> {
    const change = notification.entity.changeId ? await ctx.loaders.change.change.load(notification.entity.changeId) : null;
    return change && ctx.viewer!.isMemberOf(change.organisationId) ? Change.from(change) : null;
  }

  @Authorized()
  @FieldResolver(() => Barrier, { nullable: true })
  async barrier(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Barrier | null> {
    const barrier = notification.entity.barrierId ? await ctx.loaders.barrier.barrier.load(notification.entity.barrierId) : null;
    return barrier && ctx.viewer!.isMemberOf(barrier.organisationId) ? Barrier.from(barrier) : null;
  }

  @Authorized()
  @FieldResolver(() => Pair, { nullable: true, description: 'The pair it is about, if any.' })
  async pair(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Pair | null> {
    const pair = notification.entity.pairId ? await ctx.loaders.pair.pair.load(notification.entity.pairId) : null;
    return pair && pairPolicy.canSee(ctx.viewer as Viewer, pair) ? Pair.from(pair) : null;
  }

  @Authorized()
  @FieldResolver(() => SharedCase, { nullable: true, description: 'The library case it is about, if any.' })
  async sharedCase(@Root() notification: Notification, @Ctx() ctx: Context): Promise<SharedCase | null> {
    const found = notification.entity.sharedCaseId ? await ctx.loaders.library.sharedCase.load(notification.entity.sharedCaseId) : null;
    const pair = found && (await ctx.loaders.pair.pair.load(found.pairId));
    return found && pair && libraryPolicy.canSee(ctx.viewer as Viewer, found, pair) ? SharedCase.from(found) : null;
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it happened; the day only where an anonymous barrier hides who acted.' })
  async createdAt(@Root() notification: Notification, @Ctx() ctx: Context): Promise<Date> {
    const hidden = await hidesIdentity(ctx, notification.entity.barrierId, notification.entity.actorId);
    return hidden ? dayOf(notification.entity.createdAt) : notification.entity.createdAt;
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'Who acted; "A co-learning pair" where an anonymous barrier hides them.' })
  async actorName(@Root() notification: Notification, @Ctx() ctx: Context): Promise<string> {
    if (await hidesIdentity(ctx, notification.entity.barrierId, notification.entity.actorId)) return HIDDEN_PAIR_LABEL;
    return (await ctx.loaders.identity.person.load(notification.entity.actorId))?.displayName ?? 'Someone';
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'A sentence to show.' })
  async message(@Root() notification: Notification, @Ctx() ctx: Context): Promise<string> {
    const n = notification.entity;
    const actor = await this.actorName(notification, ctx);
    const change = n.changeId ? await ctx.loaders.change.change.load(n.changeId) : null;
    const barrier = n.barrierId ? await ctx.loaders.barrier.barrier.load(n.barrierId) : null;
    const sharedCase = n.sharedCaseId ? await ctx.loaders.library.sharedCase.load(n.sharedCaseId) : null;
    const title = `“${sharedCase?.title ?? change?.title ?? barrier?.title ?? 'a record'}”`;
    switch (n.kind) {
      case NotificationKind.CHANGE_SUBMITTED:
        return `${actor} submitted ${title} for your decision.`;
      case NotificationKind.CHANGE_DECIDED:
        return `${actor} ${DECIDED[String(n.detail.outcome)] ?? 'decided'} ${title}.`;
      case NotificationKind.CHANGE_STARTED:
        return `${actor} started work on ${title}.`;
      case NotificationKind.CHANGE_PROGRESSED:
        return `${actor} reported ${n.detail.progress}% progress on ${title}.`;
      case NotificationKind.CHANGE_ADOPTED:
        return `${title} was adopted (confirmed by ${actor}).`;
      case NotificationKind.CHANGE_ADOPTION_REQUESTED:
        return `${actor} asks you to confirm that ${title} is adopted.`;
      case NotificationKind.CHANGE_ADOPTION_DECLINED:
        return `${actor} did not confirm the adoption of ${title}: “${n.detail.reason ?? ''}” It is in progress again.`;
      case NotificationKind.SUSTAINMENT_REVIEW_MISSED:
        return `The ${n.detail.months}-month review of ${title} was due on ${n.detail.dueOn} and has not been recorded.`;
      case NotificationKind.CHANGE_LAPSED:
        return `${actor} found ${title} no longer in force: “${n.detail.reason ?? ''}” Its barrier is open again.`;
      case NotificationKind.COMMENT_ADDED:
        return `${actor} commented on ${title}.`;
      case NotificationKind.PAIR_NUDGED: {
        const words = typeof n.detail.message === 'string' ? ` “${n.detail.message}”` : '';
        return `${actor} asks how your co-learning is going.${words}`;
      }
      case NotificationKind.CHANGE_OWNER_CHANGED: {
        const owner = await ctx.loaders.identity.person.load(String(n.detail.ownerId));
        if (n.recipientId === n.detail.ownerId) return `${actor} handed ${title} to you.`;
        return `${actor} handed ${title} to ${owner?.displayName ?? 'another owner'}.`;
      }
      case NotificationKind.CASE_CONSENT_NEEDED:
        return `The case ${title} is ready for the library: read it and give your consent.`;
      case NotificationKind.CASE_AWAITING_APPROVAL:
        return `Both co-learners consented to sharing ${title}: it awaits a programme manager's approval.`;
      case NotificationKind.CASE_PUBLISHED:
        return `${actor} published ${title} in the community library.`;
      case NotificationKind.CASE_UNPUBLISHED:
        return `${title} was taken down from the library (by ${actor}).`;
      case NotificationKind.CASE_SENT_BACK:
        return `${actor} sent the case ${title} back: “${n.detail.reason ?? ''}” Edit it and consent again.`;
      case NotificationKind.CASE_DECLINED:
        return `${actor} declined the case ${title}: “${n.detail.reason ?? ''}”`;
      case NotificationKind.PAIR_MATCHED:
        return `${actor} matched you into a co-learning pair: agree your contract together to start.`;
      case NotificationKind.CONTRACT_AWAITING_AGREEMENT:
        return `${actor} proposed version ${n.detail.version} of your pair's contract: read it and agree it.`;
      case NotificationKind.BARRIER_RAISED_FOR_PAIR:
        return n.detail.namingAsked
          ? `${actor} raised ${title} in your pair's name and asks to name you both: it shows as anonymous until you agree.`
          : `${actor} raised ${title} anonymously in your pair's name.`;
      case NotificationKind.BARRIER_NAMING_ANSWERED:
        return n.detail.answer === 'AGREE' ? `${actor} agreed to be named on ${title}: it now names your pair.` : `${actor} asked to stay anonymous on ${title}: it stays anonymous.`;
      case NotificationKind.SESSION_LOGGED:
        return `${actor} logged your session of ${formatDay(String(n.detail.heldOn))}.`;
      case NotificationKind.SESSION_PROPOSED:
        return `${actor} offered times for your next co-learning session: choose one.`;
      case NotificationKind.SESSION_BOOKED:
        return `${actor} accepted a time: your co-learning session is booked (the invitation is in your email and on your pair's page).`;
      case NotificationKind.SESSION_RESCHEDULED:
        return `${actor} moved your co-learning session; your calendar invitation is updated.`;
      case NotificationKind.SESSION_CANCELLED:
        return `${actor} cancelled a co-learning session.`;
      case NotificationKind.BARRIER_RAISED_FOR_SET:
        return `${title} was raised on behalf of a group session you were in: if your pair sees it too, corroborate it.`;
      case NotificationKind.GROUP_SESSION_INVITED:
        return `${actor} invited you to a group co-learning session (or changed it): see Group sessions.`;
    }
  }
}

@Resolver(() => ViewerType)
export class ViewerNotificationsResolver {
  @Authorized()
  @FieldResolver(() => Int, { description: 'Unread notifications, for the badge in the header.' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return new NotificationService(ctx).unreadCount();
  }
}

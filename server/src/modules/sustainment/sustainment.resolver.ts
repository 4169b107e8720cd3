import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { ConnectionArgs } from '../../common/relay';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { hidesIdentity } from '../barrier/barrier.masking';
import { ChangeStatus, type ChangeEntity } from '../change/change.entity';
import { ChangePayload } from '../change/change.payloads';
import { changePolicy } from '../change/change.policy';
import { Change, ChangeConnection } from '../change/change.type';
import { ChangeAction } from '../change/change.workflow';
import { HistoryEvent } from '../history/history.type';
import { adoptionConfirmation, Confirmer, SponsorReason, type AdoptionConfirmation } from './adoption-confirmation';
import { RecordSustainmentReviewInput } from './sustainment.inputs';
import { sustainmentPolicy } from './sustainment.policy';
import { SustainmentService } from './sustainment.service';
import { AdoptionConfirmationType, ChangeSustainment, sustainmentOf } from './sustainment.type';

const dayOnly = (d: Date) => d.toISOString().slice(0, 10);

/** Whether an anonymous barrier hides the proposing pair from the viewer. */
async function pairHidden(ctx: Context, change: ChangeEntity): Promise<boolean> {
  const pair = (await ctx.loaders.pair.pair.load(change.pairId))!;
  return hidesIdentity(ctx, change.barrierId, pair.seniorId);
}

/** The rule for this change; only worked out while an adoption awaits confirmation (or was confirmed). */
async function confirmationOf(ctx: Context, change: ChangeEntity): Promise<AdoptionConfirmation | null> {
  if (change.status !== ChangeStatus.ADOPTION_REQUESTED) return null;
  const pair = (await ctx.loaders.pair.pair.load(change.pairId))!;
  return adoptionConfirmation(ctx.db, change, pair);
}

/** The reason a sponsor confirms, told only to those who may know who the pair is. */
const maskedReason = async (ctx: Context, change: ChangeEntity, reason: SponsorReason | null) =>
  reason && (await pairHidden(ctx, change)) ? SponsorReason.CONFLICT_OF_INTEREST : reason;

@Resolver(() => Change)
export class ChangeSustainmentResolver {
  @Authorized()
  @Query(() => ChangeConnection, { description: "Adoptions awaiting the viewer's confirmation (as owner, or as sponsor where the owner has a conflict of interest), oldest first." })
  adoptionsToConfirm(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new SustainmentService(ctx).adoptionsToConfirm(args);
  }

  @Authorized()
  @Mutation(() => ChangePayload, { description: "The owner's sustainment review of an adopted change: in force or not, the measures now, a note." })
  recordSustainmentReview(@InputArg(RecordSustainmentReviewInput) input: RecordSustainmentReviewInput, @Ctx() ctx: Context) {
    return mutate(ChangePayload, input, async () => ({ change: Change.from(await new SustainmentService(ctx).recordReview(input)) }));
  }

  @Authorized()
  @FieldResolver(() => ChangeSustainment, { nullable: true, description: 'Once adopted: its reviews, whether it is still in force, and the measures over time.' })
  async sustainment(@Root() change: Change, @Ctx() ctx: Context): Promise<ChangeSustainment | null> {
    if (change.entity.status !== ChangeStatus.ADOPTED) return null;
    const [reviews, values] = await Promise.all([
      ctx.loaders.sustainment.reviewsByChange.load(change.entity.id),
      ctx.loaders.sustainment.valuesByChange.load(change.entity.id),
    ]);
    return sustainmentOf(change.entity, reviews, values, dayOnly);
  }

  @Authorized()
  @FieldResolver(() => AdoptionConfirmationType, { nullable: true, description: 'While adoption awaits confirmation: who must confirm it, and why a sponsor.' })
  async adoptionConfirmation(@Root() change: Change, @Ctx() ctx: Context): Promise<AdoptionConfirmationType | null> {
    const rule = await confirmationOf(ctx, change.entity);
    return rule && { confirmer: rule.confirmer, reason: await maskedReason(ctx, change.entity, rule.reason) };
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Confirm the adoption: the owner, or a sponsor where the owner has a conflict of interest.' })
  async viewerCanConfirmAdoption(@Root() change: Change, @Ctx() ctx: Context): Promise<boolean> {
    const rule = await confirmationOf(ctx, change.entity);
    const pair = (await ctx.loaders.pair.pair.load(change.entity.pairId))!;
    return rule !== null && changePolicy.can(ctx.viewer as Viewer, change.entity, pair, ChangeAction.CONFIRM_ADOPTION, rule);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Record the next sustainment review: the owner, once adopted, while a review is open.' })
  async viewerCanRecordReview(@Root() change: Change, @Ctx() ctx: Context): Promise<boolean> {
    if (change.entity.status !== ChangeStatus.ADOPTED) return false;
    return sustainmentPolicy.canRecord(ctx.viewer as Viewer, change.entity, await ctx.loaders.sustainment.reviewsByChange.load(change.entity.id));
  }
}

@Resolver(() => HistoryEvent)
export class HistorySustainmentResolver {
  @Authorized()
  @FieldResolver(() => Confirmer, { nullable: true, description: 'For a confirmed adoption (CHANGE_ADOPTED): whether the owner or a sponsor confirmed it.' })
  confirmedAs(@Root() event: HistoryEvent): Confirmer | null {
    const value = event.entity.detail.confirmedAs;
    return value === Confirmer.OWNER || value === Confirmer.SPONSOR ? value : null;
  }

  @Authorized()
  @FieldResolver(() => SponsorReason, { nullable: true, description: 'Why a sponsor confirmed it; CONFLICT_OF_INTEREST where an anonymous barrier hides the pair.' })
  async sponsorReason(@Root() event: HistoryEvent, @Ctx() ctx: Context): Promise<SponsorReason | null> {
    const value = event.entity.detail.sponsorReason;
    if (value !== SponsorReason.OWNER_IN_PAIR && value !== SponsorReason.OWNER_AREA) return null;
    const change = event.entity.changeId ? await ctx.loaders.change.change.load(event.entity.changeId) : null;
    return change ? maskedReason(ctx, change, value) : SponsorReason.CONFLICT_OF_INTEREST;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { nullable: true, description: 'For a sustainment review (CHANGE_REVIEW_RECORDED): in force or not.' })
  inForce(@Root() event: HistoryEvent): boolean | null {
    return typeof event.entity.detail.inForce === 'boolean' ? event.entity.detail.inForce : null;
  }
}


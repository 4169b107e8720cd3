import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { forbidden, InputArg, mutate } from '../../common/errors';
import { ConnectionArgs, idOf, paginate } from '../../common/relay';
import { asksFor } from '../../common/selection';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { barrierPolicy } from '../barrier/barrier.policy';
import { Barrier } from '../barrier/barrier.type';
import { ChangeStatus } from '../change/change.entity';
import { changePolicy } from '../change/change.policy';
import { Change } from '../change/change.type';
import { Person } from '../person/person.type';
import { Sector } from '../organisation/organisation.entity';
import { CaseAdaptationEntity, SharedCaseStatus, type SharedCaseEntity } from './library.entity';
import {
  AdaptCaseInput,
  ApproveCasePublicationInput,
  ConsentToCaseInput,
  EditSharedCaseInput,
  EndorseCaseInput,
  RequestCasePublicationInput,
  ResolveRedactionInput,
  ReviewCaseInput,
  SetAdaptationSharingInput,
  SharedCaseFilter,
  UnpublishCaseInput,
} from './library.inputs';
import {
  AdaptCasePayload,
  ApproveCasePublicationPayload,
  ConsentToCasePayload,
  DeclineCasePayload,
  EditSharedCasePayload,
  EndorseCasePayload,
  RequestCasePublicationPayload,
  ResolveRedactionPayload,
  SendCaseBackPayload,
  SetAdaptationSharingPayload,
  UnpublishCasePayload,
  WithdrawCaseEndorsementPayload,
} from './library.payloads';
import { libraryPolicy } from './library.policy';
import { SharedCaseSearch } from './library.search';
import { LibraryService } from './library.service';
import {
  CaseAdaptation,
  CaseAdaptationConnection,
  CaseConsents,
  CasePublicationCandidateConnection,
  CaseRedaction,
  SharedCase,
  SharedCaseConnection,
  SharedCaseSearchConnection,
} from './library.type';

const viewerOf = (ctx: Context) => ctx.viewer as Viewer;

async function pairOf(ctx: Context, sharedCase: SharedCaseEntity) {
  return (await ctx.loaders.pair.pair.load(sharedCase.pairId))!;
}

async function isInsider(ctx: Context, sharedCase: SharedCaseEntity): Promise<boolean> {
  return libraryPolicy.isInsider(viewerOf(ctx), sharedCase, await pairOf(ctx, sharedCase));
}

async function consentsOf(ctx: Context, sharedCase: SharedCaseEntity): Promise<CaseConsents> {
  const pair = await pairOf(ctx, sharedCase);
  const given = new Set((await ctx.loaders.library.consentsByCase.load(sharedCase.id)).map((c) => c.personId));
  const senior = given.has(pair.seniorId);
  const junior = given.has(pair.juniorId);
  return Object.assign(new CaseConsents(), { senior, junior, complete: senior && junior });
}

@Resolver(() => SharedCase)
export class SharedCaseResolver {
  @Authorized()
  @Query(() => SharedCaseSearchConnection, {
    description:
      'The community library: published cases from every organisation, most relevant first when searching (newest first otherwise), ' +
      'with filters and facet counts.',
  })
  sharedCases(
    @Arg('search', () => String, { nullable: true, description: 'Words to find; "quoted phrases", OR and -word work as on the web.' }) search: string | null,
    @Arg('filter', () => SharedCaseFilter, { nullable: true }) filter: SharedCaseFilter | null,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!libraryPolicy.canBrowse(viewerOf(ctx))) throw forbidden('Join an organisation to read the community library.');
    return new SharedCaseSearch(ctx.db, search, filter ?? {}).page(args, { total: asksFor(info, ['totalCount', 'totalCountIsEstimate']), facets: asksFor(info, ['facets']) });
  }

  @Authorized()
  @Query(() => SharedCaseConnection, {
    description: "An organisation's cases at every stage: all of them for its programme managers, their own for co-learners. Newest first.",
  })
  organisationCases(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('statuses', () => [SharedCaseStatus], { nullable: true }) statuses: SharedCaseStatus[] | null,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return new LibraryService(ctx).organisationCases(idOf(organisationId, 'Organisation'), statuses, args);
  }

  @Authorized()
  @Query(() => CasePublicationCandidateConnection, { description: "Your pairs' barriers that have a change worth sharing and no case yet." })
  casePublicationCandidates(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new LibraryService(ctx).candidates(args);
  }

  @Authorized()
  @Mutation(() => RequestCasePublicationPayload, {
    description: 'Draft a case from your pair\'s barrier and its changes. The redaction assistant flags personal data at once.',
  })
  requestCasePublication(@InputArg(RequestCasePublicationInput) input: RequestCasePublicationInput, @Ctx() ctx: Context) {
    return mutate(RequestCasePublicationPayload, input, async () => ({ sharedCase: SharedCase.from(await new LibraryService(ctx).requestPublication(input)) }));
  }

  @Authorized()
  @Mutation(() => EditSharedCasePayload, { description: "Edit an unpublished case's text; it is read for personal data again and both consents are asked again." })
  editSharedCase(@InputArg(EditSharedCaseInput) input: EditSharedCaseInput, @Ctx() ctx: Context) {
    return mutate(EditSharedCasePayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).edit(idOf(input.caseId, 'SharedCase'), input)),
    }));
  }

  @Authorized()
  @Mutation(() => ResolveRedactionPayload, { description: 'Accept, edit or dismiss a flagged item of personal data.' })
  resolveRedaction(@InputArg(ResolveRedactionInput) input: ResolveRedactionInput, @Ctx() ctx: Context) {
    return mutate(ResolveRedactionPayload, input, async () => {
      const { sharedCase, redaction } = await new LibraryService(ctx).resolveRedaction(idOf(input.redactionId, 'CaseRedaction'), input.action, input.replacement);
      return { sharedCase: SharedCase.from(sharedCase), redaction: CaseRedaction.from(redaction, sharedCase) };
    });
  }

  @Authorized()
  @Mutation(() => ConsentToCasePayload, { description: "Consent (or withdraw consent) as one of the case's two co-learners to publish its current text." })
  consentToCase(@InputArg(ConsentToCaseInput) input: ConsentToCaseInput, @Ctx() ctx: Context) {
    return mutate(ConsentToCasePayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).consent(idOf(input.caseId, 'SharedCase'), input.consent)),
    }));
  }

  @Authorized()
  @Mutation(() => ApproveCasePublicationPayload, { description: 'As a programme manager, publish a case both co-learners consented to.' })
  approveCasePublication(@InputArg(ApproveCasePublicationInput) input: ApproveCasePublicationInput, @Ctx() ctx: Context) {
    return mutate(ApproveCasePublicationPayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).approve(idOf(input.caseId, 'SharedCase'), input.showOrganisationName)),
    }));
  }

  @Authorized()
  @Mutation(() => SendCaseBackPayload, {
    description: 'As a programme manager, send a case back to its co-learners with what to change; they edit it and consent again.',
  })
  sendCaseBack(@InputArg(ReviewCaseInput) input: ReviewCaseInput, @Ctx() ctx: Context) {
    return mutate(SendCaseBackPayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).review(idOf(input.caseId, 'SharedCase'), SharedCaseStatus.SENT_BACK, input.reason)),
    }));
  }

  @Authorized()
  @Mutation(() => DeclineCasePayload, { description: 'As a programme manager, decline a case with a reason: it will not be published.' })
  declineCase(@InputArg(ReviewCaseInput) input: ReviewCaseInput, @Ctx() ctx: Context) {
    return mutate(DeclineCasePayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).review(idOf(input.caseId, 'SharedCase'), SharedCaseStatus.DECLINED, input.reason)),
    }));
  }

  @Authorized()
  @Mutation(() => UnpublishCasePayload, { description: 'As a programme manager, take a published case out of the library.' })
  unpublishCase(@InputArg(UnpublishCaseInput) input: UnpublishCaseInput, @Ctx() ctx: Context) {
    return mutate(UnpublishCasePayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).unpublish(idOf(input.caseId, 'SharedCase'), input.reason)),
    }));
  }

  @Authorized()
  @Mutation(() => EndorseCasePayload, { description: "Endorse a published case from another organisation; once per person." })
  endorseCase(@InputArg(EndorseCaseInput) input: EndorseCaseInput, @Ctx() ctx: Context) {
    return mutate(EndorseCasePayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).endorse(idOf(input.caseId, 'SharedCase'))),
    }));
  }

  @Authorized()
  @Mutation(() => WithdrawCaseEndorsementPayload, { description: 'Take back your endorsement of a case.' })
  withdrawCaseEndorsement(@InputArg(EndorseCaseInput) input: EndorseCaseInput, @Ctx() ctx: Context) {
    return mutate(WithdrawCaseEndorsementPayload, input, async () => ({
      sharedCase: SharedCase.from(await new LibraryService(ctx).withdrawEndorsement(idOf(input.caseId, 'SharedCase'))),
    }));
  }

  @Authorized()
  @Mutation(() => AdaptCasePayload, {
    description: 'Adapt a published case into your organisation: a barrier and a DRAFT change for a pair you choose, prefilled from the case and linked to it.',
  })
  adaptCase(@InputArg(AdaptCaseInput) input: AdaptCaseInput, @Ctx() ctx: Context) {
    return mutate(AdaptCasePayload, input, async () => {
      const { sharedCase, adaptation, barrier, change } = await new LibraryService(ctx).adapt(input);
      return {
        sharedCase: SharedCase.from(sharedCase),
        adaptation: CaseAdaptation.from(adaptation),
        barrier: Barrier.from(barrier),
        change: Change.from(change),
      };
    });
  }

  @Authorized()
  @Mutation(() => SetAdaptationSharingPayload, { description: "Choose whether a case's readers see your organisation's name and how far your adaptation got." })
  setAdaptationSharing(@InputArg(SetAdaptationSharingInput) input: SetAdaptationSharingInput, @Ctx() ctx: Context) {
    return mutate(SetAdaptationSharingPayload, input, async () => ({
      adaptation: CaseAdaptation.from(await new LibraryService(ctx).setAdaptationSharing(idOf(input.adaptationId, 'CaseAdaptation'), input.shareProgress)),
    }));
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: "The organisation's name, when its manager chose to show it; otherwise only the sector shows." })
  async organisationName(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<string | null> {
    if (!sharedCase.entity.showOrganisationName) return null;
    return (await ctx.loaders.identity.organisation.load(sharedCase.entity.organisationId))?.name ?? null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { nullable: true, description: 'The manager\'s choice to name the organisation; for the authors and their managers.' })
  async showOrganisationName(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean | null> {
    return (await isInsider(ctx, sharedCase.entity)) ? sharedCase.entity.showOrganisationName : null;
  }

  @Authorized()
  @FieldResolver(() => Barrier, { nullable: true, description: 'The barrier the case was written from; for members of its organisation who may see that barrier.' })
  async sourceBarrier(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<Barrier | null> {
    const barrier = await ctx.loaders.barrier.barrier.load(sharedCase.entity.sourceBarrierId);
    return barrier && barrierPolicy.canSee(viewerOf(ctx), barrier) ? Barrier.from(barrier) : null;
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Why it was taken down; for the authors and their managers.' })
  async unpublishedReason(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<string | null> {
    return (await isInsider(ctx, sharedCase.entity)) ? sharedCase.entity.unpublishedReason : null;
  }

  @Authorized()
  @FieldResolver(() => Int)
  endorsementCount(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.library.endorsementCount.load(sharedCase.entity.id);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  viewerHasEndorsed(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.loaders.library.endorsed.load(`${sharedCase.entity.id}:${viewerOf(ctx).personId}`);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may endorse it (and have not yet).' })
  async viewerCanEndorse(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    return libraryPolicy.canEndorse(viewerOf(ctx), sharedCase.entity) && !(await this.viewerHasEndorsed(sharedCase, ctx));
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'In how many organisations it was adapted.' })
  adaptationCount(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.library.adaptationCount.load(sharedCase.entity.id);
  }

  @Authorized()
  @FieldResolver(() => CaseAdaptationConnection, { description: 'Where it was adapted, newest first.' })
  adaptations(@Root() sharedCase: SharedCase, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    const query = ctx.db.getRepository(CaseAdaptationEntity).createQueryBuilder('a').where('a.case_id = :caseId', { caseId: sharedCase.entity.id });
    return paginate(
      query,
      { name: 'adapted', direction: 'DESC', keys: [{ sql: 'a.created_at', value: (a) => a.createdAt }, { sql: 'a.id', value: (a) => a.id }] },
      args,
      CaseAdaptation.from,
    );
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may adapt it into an organisation of yours.' })
  viewerCanAdapt(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): boolean {
    return libraryPolicy.canAdaptSomewhere(viewerOf(ctx), sharedCase.entity);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "You are one of the case's two co-learners." })
  async viewerIsAuthor(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    return libraryPolicy.isAuthor(viewerOf(ctx), await pairOf(ctx, sharedCase.entity));
  }

  @Authorized()
  @FieldResolver(() => [CaseRedaction], { nullable: true, description: 'What the redaction assistant flagged, open ones first; for the authors and their managers.' })
  async redactions(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<CaseRedaction[] | null> {
    if (!(await isInsider(ctx, sharedCase.entity))) return null;
    const flags = await ctx.loaders.library.redactionsByCase.load(sharedCase.entity.id);
    const order = (f: { status: string }) => (f.status === 'OPEN' ? 0 : 1);
    return [...flags]
      .sort((a, b) => order(a) - order(b) || a.field.localeCompare(b.field) || (a.measureIndex ?? 0) - (b.measureIndex ?? 0) || a.startOffset - b.startOffset)
      .map((flag) => CaseRedaction.from(flag, sharedCase.entity));
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Flagged items still open; for the authors and their managers.' })
  async openRedactionCount(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<number | null> {
    if (!(await isInsider(ctx, sharedCase.entity))) return null;
    return (await ctx.loaders.library.redactionsByCase.load(sharedCase.entity.id)).filter((f) => f.status === 'OPEN').length;
  }

  @Authorized()
  @FieldResolver(() => CaseConsents, { nullable: true, description: "The co-learners' consent to the current text; for the authors and their managers." })
  async consents(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<CaseConsents | null> {
    return (await isInsider(ctx, sharedCase.entity)) ? consentsOf(ctx, sharedCase.entity) : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may edit the text and resolve flagged items.' })
  async viewerCanEdit(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    return libraryPolicy.canEdit(viewerOf(ctx), sharedCase.entity, await pairOf(ctx, sharedCase.entity));
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You have consented to the current text.' })
  async viewerHasConsented(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    const consents = await ctx.loaders.library.consentsByCase.load(sharedCase.entity.id);
    return consents.some((c) => c.personId === viewerOf(ctx).personId);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may consent to the current text now (and have not yet).' })
  async viewerCanConsent(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    const allowed = libraryPolicy.canConsent(viewerOf(ctx), sharedCase.entity, await pairOf(ctx, sharedCase.entity));
    return allowed && sharedCase.entity.status !== SharedCaseStatus.PUBLISHED && !(await this.viewerHasConsented(sharedCase, ctx));
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may approve its publication now.' })
  async viewerCanApprove(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<boolean> {
    if (!libraryPolicy.isManager(viewerOf(ctx), sharedCase.entity)) return false;
    return libraryPolicy.canApprove(viewerOf(ctx), sharedCase.entity, (await consentsOf(ctx, sharedCase.entity)).complete);
  }

  @Authorized()
  @FieldResolver(() => String, {
    nullable: true,
    description: "The programme manager's reason when they last sent it back or declined it; for its co-learners and managers only.",
  })
  async reviewNote(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<string | null> {
    return (await isInsider(ctx, sharedCase.entity)) ? sharedCase.entity.reviewNote : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may send it back to its co-learners with what to change.' })
  viewerCanSendBack(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): boolean {
    return libraryPolicy.canSendBack(viewerOf(ctx), sharedCase.entity);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may decline it.' })
  viewerCanDecline(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): boolean {
    return libraryPolicy.canDecline(viewerOf(ctx), sharedCase.entity);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may take it out of the library.' })
  viewerCanUnpublish(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): boolean {
    return libraryPolicy.canUnpublish(viewerOf(ctx), sharedCase.entity);
  }
}

@Resolver(() => CaseAdaptation)
export class CaseAdaptationResolver {
  @Authorized()
  @FieldResolver(() => Sector, { description: 'The sector of the adopting organisation (always shown).' })
  async sector(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<Sector> {
    return (await ctx.loaders.identity.organisation.load(adaptation.entity.organisationId))!.sector;
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'The adopting organisation, where it consented to share.' })
  async organisationName(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<string | null> {
    if (!libraryPolicy.canSeeAdaptationDetail(viewerOf(ctx), adaptation.entity)) return null;
    return (await ctx.loaders.identity.organisation.load(adaptation.entity.organisationId))?.name ?? null;
  }

  @Authorized()
  @FieldResolver(() => ChangeStatus, { nullable: true, description: "How far the adopting organisation's change got, where it consented to share." })
  async changeStatus(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<ChangeStatus | null> {
    if (!libraryPolicy.canSeeAdaptationDetail(viewerOf(ctx), adaptation.entity)) return null;
    return (await ctx.loaders.change.change.load(adaptation.entity.changeId))?.status ?? null;
  }

  @Authorized()
  @FieldResolver(() => Int, { nullable: true, description: 'Progress of that change in %, where it consented to share.' })
  async progress(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<number | null> {
    if (!libraryPolicy.canSeeAdaptationDetail(viewerOf(ctx), adaptation.entity)) return null;
    return (await ctx.loaders.change.change.load(adaptation.entity.changeId))?.progress ?? null;
  }

  @Authorized()
  @FieldResolver(() => Barrier, { nullable: true, description: 'The barrier it created; for members of the adopting organisation.' })
  async barrier(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<Barrier | null> {
    if (!libraryPolicy.canSeeAdaptationRecords(viewerOf(ctx), adaptation.entity)) return null;
    const entity = await ctx.loaders.barrier.barrier.load(adaptation.entity.barrierId);
    return entity && barrierPolicy.canSee(viewerOf(ctx), entity) ? Barrier.from(entity) : null;
  }

  @Authorized()
  @FieldResolver(() => Change, { nullable: true, description: 'The change it created; for members of the adopting organisation.' })
  async change(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<Change | null> {
    if (!libraryPolicy.canSeeAdaptationRecords(viewerOf(ctx), adaptation.entity)) return null;
    const entity = await ctx.loaders.change.change.load(adaptation.entity.changeId);
    return entity && changePolicy.canSee(viewerOf(ctx), entity) ? Change.from(entity) : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'You may change whether it is shared.' })
  viewerCanChangeSharing(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): boolean {
    return libraryPolicy.canSetAdaptationSharing(viewerOf(ctx), adaptation.entity);
  }

  @Authorized()
  @FieldResolver(() => SharedCase, { nullable: true, description: 'The case it adapts; null once it is no longer visible to you (taken down from the library).' })
  async sharedCase(@Root() adaptation: CaseAdaptation, @Ctx() ctx: Context): Promise<SharedCase | null> {
    const entity = await ctx.loaders.library.sharedCase.load(adaptation.entity.caseId);
    if (!entity) return null;
    return libraryPolicy.canSee(viewerOf(ctx), entity, await pairOf(ctx, entity)) ? SharedCase.from(entity) : null;
  }
}

@Resolver(() => Barrier)
export class BarrierCaseResolver {
  @Authorized()
  @FieldResolver(() => SharedCase, { nullable: true, description: 'The case shared from this barrier, if there is one you may see.' })
  async sharedCase(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<SharedCase | null> {
    const entity = await ctx.loaders.library.caseByBarrier.load(barrier.entity.id);
    if (!entity) return null;
    return libraryPolicy.canSee(viewerOf(ctx), entity, await pairOf(ctx, entity)) ? SharedCase.from(entity) : null;
  }

  @Authorized()
  @FieldResolver(() => SharedCase, { nullable: true, description: 'The library case this barrier was adapted from, if any.' })
  async adaptedFrom(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<SharedCase | null> {
    const adaptation = await ctx.loaders.library.adaptationByBarrier.load(barrier.entity.id);
    const entity = adaptation && (await ctx.loaders.library.sharedCase.load(adaptation.caseId));
    if (!entity) return null;
    return libraryPolicy.canSee(viewerOf(ctx), entity, await pairOf(ctx, entity)) ? SharedCase.from(entity) : null;
  }

  @Authorized()
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Who adapted a library case into this barrier: they raised it, and the pair takes it forward. Null for a barrier a pair raised.',
  })
  async adaptedBy(@Root() barrier: Barrier, @Ctx() ctx: Context): Promise<Person | null> {
    const adaptation = await ctx.loaders.library.adaptationByBarrier.load(barrier.entity.id);
    if (!adaptation || !barrierPolicy.canSee(viewerOf(ctx), barrier.entity)) return null;
    const person = await ctx.loaders.identity.person.load(adaptation.adaptedById);
    return person ? Person.from(person) : null;
  }
}

@Resolver(() => Change)
export class ChangeCaseResolver {
  @Authorized()
  @FieldResolver(() => SharedCase, {
    nullable: true,
    description:
      "The library case this change adapts, shown beside it as reference (its outcome, the decision's rationale and its figures); null once the case is no longer visible to you.",
  })
  async adaptedFrom(@Root() change: Change, @Ctx() ctx: Context): Promise<SharedCase | null> {
    const adaptation = await ctx.loaders.library.adaptationByChange.load(change.entity.id);
    const entity = adaptation && (await ctx.loaders.library.sharedCase.load(adaptation.caseId));
    if (!entity) return null;
    return libraryPolicy.canSee(viewerOf(ctx), entity, await pairOf(ctx, entity)) ? SharedCase.from(entity) : null;
  }
}

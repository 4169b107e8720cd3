import type { Node } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { barrierPolicy } from '../barrier/barrier.policy';
import { Barrier } from '../barrier/barrier.type';
import { DecisionEntity } from '../change/change.entity';
import { changePolicy } from '../change/change.policy';
import { Change, Decision } from '../change/change.type';
import { CommentEntity } from '../comment/comment.entity';
import { Comment } from '../comment/comment.type';
import { EvaluationService } from '../evaluation/evaluation.service';
import { QuestionBankQuestionEntity } from '../evaluation/evaluation.entity';
import { evaluationPolicy } from '../evaluation/evaluation.policy';
import { BankQuestion, Questionnaire } from '../evaluation/evaluation.type';
import { InvitationEntity } from '../invitation/invitation.entity';
import { MailMessageEntity } from '../mail/mail.entity';
import { mailPolicy } from '../mail/mail.policy';
import { MailMessage } from '../mail/mail.type';
import { IdentityProviderEntity } from '../identity/identity-provider.entity';
import { IdentityProviderService } from '../identity/identity-provider.service';
import { IdentityProvider } from '../identity/identity-provider.type';
import { NotificationEntity } from '../notification/notification.entity';
import { Notification } from '../notification/notification.type';
import { Invitation } from '../invitation/invitation.type';
import { libraryPolicy } from '../library/library.policy';
import { CaseAdaptation, CaseRedaction, SharedCase } from '../library/library.type';
import { OrganisationIdentifierEntity } from '../identifier/identifier.entity';
import { identifierPolicy } from '../identifier/identifier.policy';
import { OrganisationIdentifier } from '../identifier/identifier.type';
import { Organisation } from '../organisation/organisation.type';
import { MentoringSessionEntity } from '../pair/pair.entity';
import { pairPolicy } from '../pair/pair.policy';
import { MentoringSession, Pair } from '../pair/pair.type';
import { identityPolicy } from '../person/person.policy';
import { programmePolicy } from '../programme/programme.policy';
import { Programme } from '../programme/programme.type';
import { Membership, Person } from '../person/person.type';
import { MatchingProfileEntity, MatchingProposalEntity } from '../matching/matching.entity';
import { matchingPolicy } from '../matching/matching.policy';
import { MatchingProfile, MatchingProposal } from '../matching/matching.type';
import { SchedulingService } from '../scheduling/scheduling.service';
import { SessionBooking } from '../scheduling/scheduling.type';
import { GroupSessionService } from '../group-session/group-session.service';
import { GroupSession } from '../group-session/group-session.type';
import { JournalService } from '../journal/journal.service';

/** Fetches one record by database id if the viewer may see it, else null (existence is not revealed). */
export type NodeFetcher = (ctx: Context, viewer: Viewer, id: string) => Promise<Node | null>;

export const nodeFetchers: Record<string, NodeFetcher> = {
  async MatchingProfile(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(MatchingProfileEntity).findOneBy({ id });
    return entity && matchingPolicy.canReadProfile(viewer, entity) ? MatchingProfile.from(entity) : null;
  },
  async MatchingProposal(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(MatchingProposalEntity).findOneBy({ id });
    return entity && matchingPolicy.canRunAssistant(viewer, entity.organisationId) ? MatchingProposal.from(entity) : null;
  },
  async MailMessage(ctx, viewer, id) {
    const entity = mailPolicy.canReadOutbox(viewer) ? await ctx.db.getRepository(MailMessageEntity).findOneBy({ id }) : null;
    return entity ? MailMessage.from(entity) : null;
  },
  async IdentityProvider(ctx, _viewer, id) {
    const entity = await ctx.db.getRepository(IdentityProviderEntity).findOneBy({ id });
    const service = new IdentityProviderService(ctx);
    const found = entity && (await service.find(entity.organisationId));
    return found ? IdentityProvider.from(found, service.redirectUri()) : null;
  },
  async Organisation(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.organisation.load(id);
    return entity && identityPolicy.canSeeMembersOf(viewer, entity.id) ? Organisation.from(entity) : null;
  },
  async OrganisationIdentifier(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(OrganisationIdentifierEntity).findOneBy({ id });
    return entity && identifierPolicy.canSee(viewer, entity.organisationId) ? OrganisationIdentifier.from(entity) : null;
  },
  async Person(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.person.load(id);
    if (!entity) return null;
    const theirs = await ctx.loaders.identity.membershipsByPerson.load(id);
    return identityPolicy.canSeePerson(viewer, id, theirs) ? Person.from(entity) : null;
  },
  async Membership(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.membership.load(id);
    return entity && identityPolicy.canSeeMembersOf(viewer, entity.organisationId) ? Membership.from(entity) : null;
  },
  async Invitation(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(InvitationEntity).findOneBy({ id });
    return entity && identityPolicy.canInviteTo(viewer, entity.organisationId) ? Invitation.from(entity) : null;
  },
  async SharedCase(ctx, viewer, id) {
    const entity = await ctx.loaders.library.sharedCase.load(id);
    const pair = entity && (await ctx.loaders.pair.pair.load(entity.pairId));
    return entity && pair && libraryPolicy.canSee(viewer, entity, pair) ? SharedCase.from(entity) : null;
  },
  async CaseRedaction(ctx, viewer, id) {
    const flag = await ctx.loaders.library.redaction.load(id);
    const entity = flag && (await ctx.loaders.library.sharedCase.load(flag.caseId));
    const pair = entity && (await ctx.loaders.pair.pair.load(entity.pairId));
    return flag && entity && pair && libraryPolicy.isInsider(viewer, entity, pair) ? CaseRedaction.from(flag, entity) : null;
  },
  async CaseAdaptation(ctx, viewer, id) {
    const adaptation = await ctx.loaders.library.adaptation.load(id);
    const entity = adaptation && (await ctx.loaders.library.sharedCase.load(adaptation.caseId));
    const pair = entity && (await ctx.loaders.pair.pair.load(entity.pairId));
    return adaptation && entity && pair && libraryPolicy.canSee(viewer, entity, pair) ? CaseAdaptation.from(adaptation) : null;
  },
  async Programme(ctx, viewer, id) {
    const entity = await ctx.loaders.pair.programme.load(id);
    return entity && programmePolicy.canSee(viewer, entity.organisationId) ? Programme.from(entity) : null;
  },
  async Pair(ctx, viewer, id) {
    const entity = await ctx.loaders.pair.pair.load(id);
    return entity && pairPolicy.canSee(viewer, entity) ? Pair.from(entity) : null;
  },
  async MentoringSession(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(MentoringSessionEntity).findOneBy({ id });
    const pair = entity && (await ctx.loaders.pair.pair.load(entity.pairId));
    return entity && pair && pairPolicy.canSeeSessions(viewer, pair) ? MentoringSession.from(entity) : null;
  },
  async Barrier(ctx, viewer, id) {
    const entity = await ctx.loaders.barrier.barrier.load(id);
    return entity && barrierPolicy.canSee(viewer, entity) ? Barrier.from(entity) : null;
  },
  async Change(ctx, viewer, id) {
    // With everything its fields show, in one statement; nothing of it leaves unless the change may be seen.
    const found = await ctx.loaders.changeRelations.load(id);
    return found && changePolicy.canSee(viewer, found.entity) ? Change.withRelations(found.entity, found.relations) : null;
  },
  async Decision(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(DecisionEntity).findOneBy({ id });
    const change = entity && (await ctx.loaders.change.change.load(entity.changeId));
    return entity && change && changePolicy.canSee(viewer, change) ? Decision.from(entity) : null;
  },
  async Comment(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(CommentEntity).findOneBy({ id });
    return entity && viewer.isMemberOf(entity.organisationId) ? Comment.from(entity) : null;
  },
  async Notification(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(NotificationEntity).findOneBy({ id });
    return entity && entity.recipientId === viewer.personId ? Notification.from(entity) : null;
  },
  async BankQuestion(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(QuestionBankQuestionEntity).findOneBy({ id });
    return entity && evaluationPolicy.canManage(viewer, entity.organisationId) ? BankQuestion.from(entity) : null;
  },
  async SessionBooking(ctx, _viewer, id) {
    const entity = await new SchedulingService(ctx).visible(id);
    return entity && SessionBooking.from(entity);
  },
  async GroupSession(ctx, _viewer, id) {
    const entity = await new GroupSessionService(ctx).visible(id);
    return entity && GroupSession.from(entity);
  },
  /** The author's alone: for anyone else it does not exist. */
  JournalEntry(ctx, _viewer, id) {
    return new JournalService(ctx).visible(id);
  },
  async Questionnaire(ctx, _viewer, id) {
    const entity = await new EvaluationService(ctx).visible(id);
    return entity && Questionnaire.from(entity);
  },
};

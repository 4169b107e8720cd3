import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import type { PairEntity } from '../pair/pair.entity';
import { type CaseAdaptationEntity, type SharedCaseEntity, SharedCaseStatus } from './library.entity';

/** Roles that take part in the community of practice: they read, endorse and adapt cases. */
const COMMUNITY_ROLES: Role[] = [Role.COMMUNITY_MEMBER, Role.PROGRAMME_MANAGER, Role.CO_LEARNER];
const DRAFT_STATUSES = [
  SharedCaseStatus.REDACTING,
  SharedCaseStatus.AWAITING_CONSENT,
  SharedCaseStatus.AWAITING_APPROVAL,
  SharedCaseStatus.UNPUBLISHED,
  SharedCaseStatus.SENT_BACK,
];
/** Where a manager may send a case back: anything the co-learners have handed over and not yet had returned. */
const RETURNABLE = [SharedCaseStatus.AWAITING_APPROVAL, SharedCaseStatus.AWAITING_CONSENT, SharedCaseStatus.REDACTING, SharedCaseStatus.UNPUBLISHED];

type Pair = Pick<PairEntity, 'organisationId' | 'seniorId' | 'juniorId'>;
type Case = Pick<SharedCaseEntity, 'organisationId' | 'status'>;

const actsInCommunity = (viewer: Viewer, organisationId: string) => COMMUNITY_ROLES.some((role) => viewer.hasRole(organisationId, role));

/** Who may do what with one shared case. Called by the service and by the `viewerCan…` fields alike. */
export const libraryPolicy = {
  /** The senior or junior co-learner of the pair, still a member of its organisation. */
  isAuthor(viewer: Viewer, pair: Pair): boolean {
    return (viewer.personId === pair.seniorId || viewer.personId === pair.juniorId) && viewer.isMemberOf(pair.organisationId);
  },

  isManager(viewer: Viewer, sharedCase: Pick<SharedCaseEntity, 'organisationId'>): boolean {
    return viewer.hasRole(sharedCase.organisationId, Role.PROGRAMME_MANAGER);
  },

  /** The authors and their managers see a case's drafts, redactions and consents; nobody else. */
  isInsider(viewer: Viewer, sharedCase: Case, pair: Pair): boolean {
    return libraryPolicy.isAuthor(viewer, pair) || libraryPolicy.isManager(viewer, sharedCase);
  },

  /** Anyone who belongs to an organisation (or runs the platform) reads the library. */
  canBrowse(viewer: Viewer): boolean {
    return viewer.isPlatformAdmin || viewer.memberships.length > 0;
  },

  canSee(viewer: Viewer, sharedCase: Case, pair: Pair): boolean {
    if (sharedCase.status === SharedCaseStatus.PUBLISHED) return libraryPolicy.canBrowse(viewer);
    return libraryPolicy.isInsider(viewer, sharedCase, pair);
  },

  /** A co-learner of the barrier's pair starts a case from it. */
  canRequest(viewer: Viewer, pair: Pair): boolean {
    return libraryPolicy.isAuthor(viewer, pair);
  },

  /** The authors edit the text and resolve redactions until it is published. */
  canEdit(viewer: Viewer, sharedCase: Case, pair: Pair): boolean {
    return libraryPolicy.isAuthor(viewer, pair) && DRAFT_STATUSES.includes(sharedCase.status);
  },

  /** Consent is given to a text with nothing left flagged, and not to a declined case. */
  canConsent(viewer: Viewer, sharedCase: Case, pair: Pair): boolean {
    return libraryPolicy.isAuthor(viewer, pair) && sharedCase.status !== SharedCaseStatus.REDACTING && sharedCase.status !== SharedCaseStatus.DECLINED;
  },

  /** A manager of the case's organisation sends it back to the co-learners with a reason. */
  canSendBack(viewer: Viewer, sharedCase: Case): boolean {
    return RETURNABLE.includes(sharedCase.status) && libraryPolicy.isManager(viewer, sharedCase);
  },

  /** A manager of the case's organisation declines a case that is not published. */
  canDecline(viewer: Viewer, sharedCase: Case): boolean {
    return DRAFT_STATUSES.includes(sharedCase.status) && libraryPolicy.isManager(viewer, sharedCase);
  },

  /** A manager of the case's organisation approves once both co-learners consented to the text. */
  canApprove(viewer: Viewer, sharedCase: Case, consentsComplete: boolean): boolean {
    const ready =
      sharedCase.status === SharedCaseStatus.AWAITING_APPROVAL || (sharedCase.status === SharedCaseStatus.UNPUBLISHED && consentsComplete);
    return ready && libraryPolicy.isManager(viewer, sharedCase);
  },

  /** Its managers take a case down; so does a platform admin, for moderation. */
  canUnpublish(viewer: Viewer, sharedCase: Case): boolean {
    return sharedCase.status === SharedCaseStatus.PUBLISHED && (libraryPolicy.isManager(viewer, sharedCase) || viewer.isPlatformAdmin);
  },

  /** Endorsing says "useful to us": it is for other organisations' members, on published cases. */
  organisationToEndorseFor(viewer: Viewer, sharedCase: Case): string | null {
    if (sharedCase.status !== SharedCaseStatus.PUBLISHED) return null;
    return viewer.organisationIds.find((id) => id !== sharedCase.organisationId && actsInCommunity(viewer, id)) ?? null;
  },

  canEndorse(viewer: Viewer, sharedCase: Case): boolean {
    return libraryPolicy.organisationToEndorseFor(viewer, sharedCase) !== null;
  },

  /** Into which organisation the viewer may adapt a case: another one, where they take part in the community. */
  canAdaptInto(viewer: Viewer, sharedCase: Case, pair: Pair): boolean {
    return (
      sharedCase.status === SharedCaseStatus.PUBLISHED &&
      pair.organisationId !== sharedCase.organisationId &&
      (actsInCommunity(viewer, pair.organisationId) || libraryPolicy.isAuthor(viewer, pair))
    );
  },

  /** Whether the viewer could adapt the case into some organisation of theirs. */
  canAdaptSomewhere(viewer: Viewer, sharedCase: Case): boolean {
    return libraryPolicy.organisationToEndorseFor(viewer, sharedCase) !== null;
  },

  /** An adaptation's organisation and progress show where it consented, and always to its own members. */
  canSeeAdaptationDetail(viewer: Viewer, adaptation: CaseAdaptationEntity): boolean {
    return adaptation.shareProgress || viewer.isMemberOf(adaptation.organisationId);
  },

  canSeeAdaptationRecords(viewer: Viewer, adaptation: CaseAdaptationEntity): boolean {
    return viewer.isMemberOf(adaptation.organisationId);
  },

  /** Whoever adapted it, or a programme manager there, decides whether it is shared. */
  canSetAdaptationSharing(viewer: Viewer, adaptation: CaseAdaptationEntity): boolean {
    return (
      viewer.isMemberOf(adaptation.organisationId) &&
      (adaptation.adaptedById === viewer.personId || viewer.hasRole(adaptation.organisationId, Role.PROGRAMME_MANAGER))
    );
  },
};

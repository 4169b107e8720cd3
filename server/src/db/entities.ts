import { BarrierCorroborationEntity, BarrierEntity } from '../modules/barrier/barrier.entity';
import { ChangeEntity, DecisionEntity } from '../modules/change/change.entity';
import { CommentEntity } from '../modules/comment/comment.entity';
import { QuestionBankQuestionEntity, QuestionnaireEntity, QuestionnaireParticipationEntity, QuestionnaireResponseEntity } from '../modules/evaluation/evaluation.entity';
import { EventEntity } from '../modules/history/event.entity';
import { NotificationEntity } from '../modules/notification/notification.entity';
import { ContractVersionEntity, MentoringSessionEntity, PairEntity } from '../modules/pair/pair.entity';
import { ProgrammeEntity } from '../modules/programme/programme.entity';
import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { CaseAdaptationEntity, CaseConsentEntity, CaseEndorsementEntity, CaseRedactionEntity, SharedCaseEntity } from '../modules/library/library.entity';
import { MailMessageEntity, MailPreferenceEntity } from '../modules/mail/mail.entity';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { OrganisationEntity } from '../modules/organisation/organisation.entity';
import { OrganisationIdentifierEntity } from '../modules/identifier/identifier.entity';
import { MembershipAuditEntity } from '../modules/membership-audit/membership-audit.entity';
import { MembershipEntity } from '../modules/person/membership.entity';
import { PersonEntity } from '../modules/person/person.entity';
import { IdentityProviderDomainEntity, IdentityProviderEntity, SsoAttemptEntity } from '../modules/identity/identity-provider.entity';
import { MatchingProfileEntity, MatchingProposalEntity, MatchingRunEntity } from '../modules/matching/matching.entity';
import { ScimTokenEntity } from '../modules/scim/scim-token.entity';
import { CurriculumMonthEntity } from '../modules/curriculum/curriculum.entity';
import { GuideStepEntity } from '../modules/programme-guide/guide.entity';
import { ProgrammeDesignEntity } from '../modules/programme-template/programme-design.entity';
import { TrainingCompletionEntity, TrainingModuleEntity } from '../modules/training/training.entity';
import { MeasureValueEntity, SustainmentReviewEntity } from '../modules/sustainment/sustainment.entity';
import { SessionBookingEntity } from '../modules/scheduling/scheduling.entity';
import { GroupSessionEntity, GroupSessionInviteeEntity, GroupSessionLearningEntity } from '../modules/group-session/group-session.entity';
import { GoalRatingEntity, JournalEntryEntity } from '../modules/journal/journal.entity';

/** Every entity, listed so the data source never depends on file globs. */
export const entities = [
  OrganisationEntity,
  OrganisationIdentifierEntity,
  PersonEntity,
  MembershipEntity,
  MembershipAuditEntity,
  AuthSessionEntity,
  LoginAttemptEntity,
  InvitationEntity,
  ProgrammeEntity,
  PairEntity,
  ContractVersionEntity,
  MentoringSessionEntity,
  BarrierEntity,
  BarrierCorroborationEntity,
  ChangeEntity,
  DecisionEntity,
  EventEntity,
  CommentEntity,
  NotificationEntity,
  SharedCaseEntity,
  CaseRedactionEntity,
  CaseConsentEntity,
  CaseEndorsementEntity,
  CaseAdaptationEntity,
  QuestionnaireEntity,
  QuestionnaireParticipationEntity,
  QuestionnaireResponseEntity,
  QuestionBankQuestionEntity,
  MailMessageEntity,
  MailPreferenceEntity,
  IdentityProviderEntity,
  IdentityProviderDomainEntity,
  SsoAttemptEntity,
  ScimTokenEntity,
  ProgrammeDesignEntity,
  CurriculumMonthEntity,
  TrainingModuleEntity,
  TrainingCompletionEntity,
  GuideStepEntity,
  MatchingProfileEntity,
  MatchingProposalEntity,
  MatchingRunEntity,
  SustainmentReviewEntity,
  MeasureValueEntity,
  SessionBookingEntity,
  GroupSessionEntity,
  GroupSessionInviteeEntity,
  GroupSessionLearningEntity,
  JournalEntryEntity,
  GoalRatingEntity,
];

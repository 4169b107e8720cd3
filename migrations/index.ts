import { Identity1764400000000 } from './1764400000000-identity';
import { CoLearning1764500000000 } from './1764500000000-co-learning';
import { Library1764600000000 } from './1764600000000-library';
import { Evaluation1764700000000 } from './1764700000000-evaluation';
import { CaseNotifications1764800000000 } from './1764800000000-case-notifications';
import { InvitationRevocation1764900000000 } from './1764900000000-invitation-revocation';
import { ChangeOwnerReassignment1765000000000 } from './1765000000000-change-owner-reassignment';
import { MembershipAudit1765100000000 } from './1765100000000-membership-audit';
import { PairNudges1765200000000 } from './1765200000000-pair-nudges';
import { RecoveryCodes1765300000000 } from './1765300000000-recovery-codes';
import { LoginAttemptDevice1765409000000 } from './1765409000000-login-attempt-device';
import { Mail1765410000000 } from './1765410000000-mail';
import { SingleSignOnProvisioning1765412000000 } from './1765412000000-single-sign-on-provisioning';
import { NamingConsent1765480000000 } from './1765480000000-naming-consent';
import { CaseReviewAndIdentifiers1796216760073 } from './1796216760073-case-review-and-identifiers';
import { ProgrammeDesign1796300000000 } from './1796300000000-programme-design';
import { MatchingAndReportingLines1796400000000 } from './1796400000000-matching-and-reporting-lines';
import { SchedulingGroupsJournal1796500000000 } from './1796500000000-scheduling-groups-journal';
import { GroupBarrier1796550000000 } from './1796550000000-group-barrier';
import { Sustainment1796600000000 } from './1796600000000-sustainment';
import { EvaluationOverTime1796700000000 } from './1796700000000-evaluation-over-time';
import { BarrierSimilarity1796700000001 } from './1796700000001-barrier-similarity';
import { BoardReadPath1796800000000 } from './1796800000000-board-read-path';
import { LibrarySearchIndex1796900000000 } from './1796900000000-library-search-index';
import { LibraryFilterArrays1797000000000 } from './1797000000000-library-filter-arrays';

/** Every migration, in order. A migration is only ever added, never edited once landed. */
export const migrations: Function[] = [Identity1764400000000, CoLearning1764500000000, Library1764600000000, Evaluation1764700000000, CaseNotifications1764800000000, InvitationRevocation1764900000000, ChangeOwnerReassignment1765000000000, MembershipAudit1765100000000, PairNudges1765200000000, RecoveryCodes1765300000000, LoginAttemptDevice1765409000000, Mail1765410000000, SingleSignOnProvisioning1765412000000, NamingConsent1765480000000, CaseReviewAndIdentifiers1796216760073, ProgrammeDesign1796300000000, MatchingAndReportingLines1796400000000, SchedulingGroupsJournal1796500000000, GroupBarrier1796550000000, Sustainment1796600000000, EvaluationOverTime1796700000000, BarrierSimilarity1796700000001, BoardReadPath1796800000000, LibrarySearchIndex1796900000000, LibraryFilterArrays1797000000000];

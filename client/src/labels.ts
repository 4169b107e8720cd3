import type {
  AffectedGroup,
  Attribution,
  BarrierCategory,
  BarrierOrder,
  BarrierStatus,
  Cadence,
  ChangeOrder,
  ChangeStatus,
  DecisionOutcome,
  EventKind,
  EvidenceKind,
  InvitationStatus,
  PairStatus,
  ProgrammeStatus,
  Role,
  Sector,
  SponsorReason,
} from './gql/graphql';

/** Words people read, for the codes the API speaks. */
export const roleLabels: Record<Role, string> = {
  CO_LEARNER: 'Co-learner',
  OWNER: 'Owner',
  PROGRAMME_MANAGER: 'Programme manager',
  COMMUNITY_MEMBER: 'Community member',
  SPONSOR: 'Sponsor',
};

export const roleDescriptions: Record<Role, string> = {
  CO_LEARNER: 'Takes part in a co-learning pair; raises barriers and proposes changes.',
  OWNER: 'A leader who can make a change happen; decides the changes assigned to them.',
  PROGRAMME_MANAGER: 'Runs programmes, invites people, matches pairs, approves cases.',
  COMMUNITY_MEMBER: 'Browses and adapts cases in the community library.',
  SPONSOR: 'A board member who confirms an adoption when its owner proposed the change or it lies in their own division.',
};

export const allRoles: Role[] = ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER', 'SPONSOR'];

export const sectorLabels: Record<Sector, string> = {
  HEALTH: 'Health',
  LOCAL_GOVERNMENT: 'Local government',
  CENTRAL_GOVERNMENT: 'Central government',
  EDUCATION: 'Education',
  FINANCE: 'Finance',
  PRIVATE: 'Private sector',
  CHARITY: 'Charity',
  OTHER: 'Other',
};

export const allSectors = Object.keys(sectorLabels) as Sector[];

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  PENDING: 'Waiting',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
  REVOKED: 'Withdrawn',
};

export function roleList(roles: readonly Role[]): string {
  return roles.map((role) => roleLabels[role]).join(', ');
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A month the server sends as its first day (library cases carry months, not moments): "December 2026". */
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatMonth(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : monthFormat.format(date);
}

/** A calendar day sent as YYYY-MM-DD, shown without any time-zone shift. */
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return dayFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Today as YYYY-MM-DD in the viewer's own time zone (for date inputs). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const affectedGroupLabels: Record<AffectedGroup, string> = {
  AGE: 'Age',
  DISABILITY: 'Disability',
  GENDER_REASSIGNMENT: 'Gender reassignment',
  MARRIAGE_AND_CIVIL_PARTNERSHIP: 'Marriage and civil partnership',
  PREGNANCY_AND_MATERNITY: 'Pregnancy and maternity',
  RACE: 'Race',
  RELIGION_OR_BELIEF: 'Religion or belief',
  SEX: 'Sex',
  SEXUAL_ORIENTATION: 'Sexual orientation',
  SOCIO_ECONOMIC_BACKGROUND: 'Socio-economic background',
  OTHER: 'Other',
};

export const allAffectedGroups = Object.keys(affectedGroupLabels) as AffectedGroup[];

export const barrierCategoryLabels: Record<BarrierCategory, string> = {
  RECRUITMENT: 'Recruitment',
  PROGRESSION: 'Progression',
  PAY: 'Pay',
  CULTURE: 'Culture',
  POLICY: 'Policy',
  ACCESS: 'Access',
  DATA: 'Data',
  OTHER: 'Other',
};

export const allBarrierCategories = Object.keys(barrierCategoryLabels) as BarrierCategory[];

export const barrierStatusLabels: Record<BarrierStatus, string> = {
  OPEN: 'Open',
  ADDRESSED: 'Addressed',
  CLOSED: 'Closed',
};

export const allBarrierStatuses = Object.keys(barrierStatusLabels) as BarrierStatus[];

export const barrierOrderLabels: Record<BarrierOrder, string> = {
  NEWEST: 'Newest first',
  OLDEST: 'Oldest first',
  MOST_CORROBORATED: 'Most corroborated',
};

export const changeStatusLabels: Record<ChangeStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting decision',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  ADOPTION_REQUESTED: 'Adoption to confirm',
  ADOPTED: 'Adopted',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

export const allChangeStatuses: ChangeStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'IN_PROGRESS', 'ADOPTION_REQUESTED', 'ADOPTED', 'REJECTED', 'WITHDRAWN'];

/** Changes that are still moving: what a pair talks about in its next session. */
export const openChangeStatuses: ChangeStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'IN_PROGRESS', 'ADOPTION_REQUESTED'];

export const changeOrderLabels: Record<ChangeOrder, string> = {
  NEWEST: 'Newest first',
  OLDEST: 'Oldest first',
  TARGET_DATE: 'Target date',
  RECENTLY_UPDATED: 'Recently updated',
};

export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  APPROVE: 'Approved',
  REQUEST_CHANGES: 'Changes requested',
  REJECT: 'Rejected',
};

export const cadenceLabels: Record<Cadence, string> = {
  WEEKLY: 'Weekly',
  FORTNIGHTLY: 'Fortnightly',
  MONTHLY: 'Monthly',
  BIMONTHLY: 'Every two months',
};

export const allCadences: Cadence[] = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'BIMONTHLY'];

export const pairStatusLabels: Record<PairStatus, string> = {
  PROPOSED: 'Matched',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  ENDED: 'Ended early',
};

export const programmeStatusLabels: Record<ProgrammeStatus, string> = {
  PLANNED: 'Planned',
  ACTIVE: 'Active',
  CLOSED: 'Closed',
};

export const evidenceKindLabels: Record<EvidenceKind, string> = {
  TEXT: 'Observation',
  LINK: 'Link to a document',
  FIGURE: 'Figure',
};

export const attributionLabels: Record<Attribution, string> = {
  NAMED: 'Named',
  ANONYMOUS: 'Anonymous',
};

/** One line per history entry, e.g. "Olu Owner approved the change". */
export function describeEvent(event: {
  kind: EventKind;
  actorName: string;
  outcome?: string | null;
  progress?: number | null;
  toStatus?: string | null;
  newOwner?: { displayName: string } | null;
  confirmedAs?: string | null;
  sponsorReason?: SponsorReason | null;
  inForce?: boolean | null;
}): string {
  const who = event.actorName;
  switch (event.kind) {
    case 'BARRIER_RAISED':
      return `${who} raised the barrier`;
    case 'BARRIER_NAMED':
      return `${who} agreed that the barrier names their pair`;
    case 'BARRIER_CORROBORATED':
      return `${who} said “we see this too”`;
    case 'BARRIER_STATUS_CHANGED':
      return `The barrier is now ${(barrierStatusLabels[event.toStatus as BarrierStatus] ?? event.toStatus ?? '').toLowerCase()}`;
    case 'CHANGE_PROPOSED':
      return `${who} proposed the change`;
    case 'CHANGE_EDITED':
      return `${who} edited the change`;
    case 'CHANGE_SUBMITTED':
      return `${who} submitted the change for a decision`;
    case 'CHANGE_DECIDED':
      switch (event.outcome) {
        case 'APPROVE':
          return `${who} approved the change`;
        case 'REJECT':
          return `${who} rejected the change`;
        case 'REQUEST_CHANGES':
          return `${who} asked for changes`;
        default:
          return `${who} decided`;
      }
    case 'CHANGE_STARTED':
      return `${who} started work`;
    case 'CHANGE_PROGRESS_REPORTED':
      return event.progress != null ? `${who} reported progress: ${event.progress}%` : `${who} reported progress`;
    case 'CHANGE_ADOPTION_REQUESTED':
      return `${who} asked for the adoption to be confirmed`;
    case 'CHANGE_ADOPTION_DECLINED':
      return `${who} did not confirm the adoption yet`;
    case 'CHANGE_ADOPTED':
      return event.confirmedAs === 'SPONSOR'
        ? `${who}, as sponsor, confirmed the adoption (${sponsorReasonLabels[event.sponsorReason ?? 'CONFLICT_OF_INTEREST']})`
        : `${who} confirmed the adoption`;
    case 'CHANGE_REVIEW_RECORDED':
      return event.inForce === false ? `${who} recorded a review: no longer in force` : `${who} recorded a review: still in force`;
    case 'CHANGE_REVIEW_MISSED':
      return 'A sustainment review was missed';
    case 'CHANGE_WITHDRAWN':
      return `${who} withdrew the change`;
    case 'CHANGE_OWNER_CHANGED':
      return `${who} handed the change to ${event.newOwner?.displayName ?? 'another owner'}`;
    case 'TRAINING_COMPLETED':
      return `${who} recorded a completed training module`;
    default:
      return who;
  }
}

/** Why a sponsor, not the owner, confirms an adoption. */
export const sponsorReasonLabels: Record<SponsorReason, string> = {
  OWNER_IN_PAIR: 'the owner is in the pair that proposed it',
  OWNER_AREA: "the change lies in the owner's own division",
  CONFLICT_OF_INTEREST: 'the owner has a conflict of interest',
};

/** "1 pair", "3 pairs". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

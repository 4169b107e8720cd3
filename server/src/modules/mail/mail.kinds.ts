import { NotificationKind } from '../notification/notification.entity';

/** Messages sent by the scheduled reminder sweep (server/src/modules/reminders). */
export enum ReminderKind {
  /** To a change's owner, a few days before its decision falls overdue. */
  DECISION_DUE = 'DECISION_DUE',
  /** To the organisation's programme managers once a decision is overdue. */
  DECISION_OVERDUE = 'DECISION_OVERDUE',
  /** To both co-learners when their next session is due by their contract's cadence. */
  SESSION_DUE = 'SESSION_DUE',
  /** To the programme managers when a pair has gone quiet. */
  PAIR_QUIET = 'PAIR_QUIET',
  /** To the co-learner whose agreement a contract version awaits. */
  CONTRACT_AGREEMENT_PENDING = 'CONTRACT_AGREEMENT_PENDING',
  /** To the owner and the pair when a change in progress has had no progress report for 30 days. */
  PROGRESS_STALE = 'PROGRESS_STALE',
  /** To the programme's co-learners when its questionnaire opens. */
  QUESTIONNAIRE_OPENED = 'QUESTIONNAIRE_OPENED',
  /** To co-learners who have not answered, a few days before the programme (and its questionnaire) ends. */
  QUESTIONNAIRE_CLOSING = 'QUESTIONNAIRE_CLOSING',
}

/**
 * Every kind a person chooses a delivery for: each in-app notification kind (whatever kinds the
 * notification module has, so new ones are covered without a change here) and each reminder.
 */
export const MailKind = { ...NotificationKind, ...ReminderKind } as const;
export type MailKind = NotificationKind | ReminderKind;

/** Kinds that are not a person's choice: an invitation (no account yet) and the digest itself. */
export const INVITATION = 'INVITATION';
export const DIGEST = 'DIGEST';

const LABELS: Partial<Record<string, string>> = {
  CHANGE_SUBMITTED: 'A change is submitted for your decision',
  CHANGE_DECIDED: 'A decision on a change you follow',
  CHANGE_STARTED: 'Work starts on a change you follow',
  CHANGE_PROGRESSED: 'Progress on a change you follow',
  CHANGE_ADOPTED: 'A change you follow is adopted',
  CHANGE_ADOPTION_REQUESTED: 'A change awaits your confirmation that it is adopted',
  CHANGE_ADOPTION_DECLINED: 'An adoption was not confirmed',
  SUSTAINMENT_REVIEW_MISSED: 'A sustainment review of an adopted change was missed',
  CHANGE_LAPSED: 'An adopted change is no longer in force',
  COMMENT_ADDED: 'A comment on something you follow',
  CHANGE_OWNER_CHANGED: 'A change is handed to another owner',
  PAIR_NUDGED: 'Your programme manager asks how your co-learning is going',
  CASE_CONSENT_NEEDED: 'A library case needs your consent',
  CASE_AWAITING_APPROVAL: 'A library case awaits approval',
  CASE_PUBLISHED: 'A case is published in the library',
  CASE_UNPUBLISHED: 'A case is taken down from the library',
  DECISION_DUE: 'Reminder: a decision of yours is due soon',
  DECISION_OVERDUE: 'Escalation: a decision is overdue',
  SESSION_DUE: 'Reminder: your next co-learning session is due',
  SESSION_PROPOSED: 'Your co-learner offers times for a session',
  SESSION_BOOKED: 'A session is booked (with the calendar invitation)',
  SESSION_RESCHEDULED: 'A booked session moves (the invitation is updated)',
  SESSION_CANCELLED: 'A session is cancelled',
  GROUP_SESSION_INVITED: 'Invitations to group sessions',
  BARRIER_RAISED_FOR_SET: 'A barrier is raised on behalf of a group session you were in',
  PAIR_QUIET: 'A pair has gone quiet',
  CONTRACT_AGREEMENT_PENDING: 'A contract awaits your agreement',
  PROGRESS_STALE: 'A change in progress has had no progress report for 30 days',
  QUESTIONNAIRE_OPENED: 'The end-of-programme questionnaire opens',
  QUESTIONNAIRE_CLOSING: 'Reminder: the questionnaire closes soon',
};

/** Words for a kind on the preferences page; a kind added since still gets a readable label. */
export function kindLabel(kind: string): string {
  return LABELS[kind] ?? kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

export function isMailKind(kind: string): kind is MailKind {
  return Object.values(MailKind).includes(kind as MailKind);
}

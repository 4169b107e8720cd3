import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Facts } from '../history/event.entity';

export enum NotificationKind {
  CHANGE_SUBMITTED = 'CHANGE_SUBMITTED',
  CHANGE_DECIDED = 'CHANGE_DECIDED',
  CHANGE_STARTED = 'CHANGE_STARTED',
  CHANGE_PROGRESSED = 'CHANGE_PROGRESSED',
  CHANGE_ADOPTED = 'CHANGE_ADOPTED',
  /** Adoption of a change was asked for: the owner, or the sponsors, are asked to confirm it. */
  CHANGE_ADOPTION_REQUESTED = 'CHANGE_ADOPTION_REQUESTED',
  /** The confirmer sent an adoption request back, with a reason. */
  CHANGE_ADOPTION_DECLINED = 'CHANGE_ADOPTION_DECLINED',
  /** A sustainment review of an adopted change is overdue: the programme managers hear, once. */
  SUSTAINMENT_REVIEW_MISSED = 'SUSTAINMENT_REVIEW_MISSED',
  /** A review found an adopted change no longer in force: its barrier is open again; the pair hears. */
  CHANGE_LAPSED = 'CHANGE_LAPSED',
  COMMENT_ADDED = 'COMMENT_ADDED',
  /** A programme manager handed a change to another owner: the new owner, the old one and the pair hear. */
  CHANGE_OWNER_CHANGED = 'CHANGE_OWNER_CHANGED',
  /** A programme manager asks a pair that has gone quiet how it is going. */
  PAIR_NUDGED = 'PAIR_NUDGED',
  /** A case's text is ready: each co-learner is asked to consent to it. */
  CASE_CONSENT_NEEDED = 'CASE_CONSENT_NEEDED',
  /** Both co-learners consented: the organisation's programme managers are asked to approve. */
  CASE_AWAITING_APPROVAL = 'CASE_AWAITING_APPROVAL',
  CASE_PUBLISHED = 'CASE_PUBLISHED',
  CASE_UNPUBLISHED = 'CASE_UNPUBLISHED',
  /** A programme manager sent a case back to its co-learners, with a reason. */
  CASE_SENT_BACK = 'CASE_SENT_BACK',
  /** A programme manager declined a case, with a reason. */
  CASE_DECLINED = 'CASE_DECLINED',
  /** A programme manager matched the recipient into a pair. */
  PAIR_MATCHED = 'PAIR_MATCHED',
  /** The recipient's partner proposed a contract version: it awaits the recipient's agreement. */
  CONTRACT_AWAITING_AGREEMENT = 'CONTRACT_AWAITING_AGREEMENT',
  /** The recipient's partner raised a barrier in the pair's name (detail.namingAsked: they are asked to agree to be named). */
  BARRIER_RAISED_FOR_PAIR = 'BARRIER_RAISED_FOR_PAIR',
  /** The partner agreed to, or declined, being named on a barrier (detail.answer). */
  BARRIER_NAMING_ANSWERED = 'BARRIER_NAMING_ANSWERED',
  /** The recipient's partner logged a session of the pair. */
  SESSION_LOGGED = 'SESSION_LOGGED',
  /** The recipient's partner proposed times for a session. */
  SESSION_PROPOSED = 'SESSION_PROPOSED',
  /** A session of the recipient's pair was booked (a time accepted); a calendar invitation goes with it. */
  SESSION_BOOKED = 'SESSION_BOOKED',
  /** A booked session moved; the calendar invitation is updated. */
  SESSION_RESCHEDULED = 'SESSION_RESCHEDULED',
  /** A proposed or booked session was cancelled. */
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  /** The recipient is invited to a group session (or it moved, or was cancelled: detail.change). */
  GROUP_SESSION_INVITED = 'GROUP_SESSION_INVITED',
  /** A barrier was raised on behalf of a group session's set the recipient's pair was in (detail.groupSession); it never says by whom. */
  BARRIER_RAISED_FOR_SET = 'BARRIER_RAISED_FOR_SET',
}

/** An in-app notification for one person. */
@Entity('notification')
@Index('notification_recipient_created_idx', ['recipientId', 'createdAt'])
@Index('notification_pair_created_idx', ['pairId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'barrier_id', type: 'uuid', nullable: true })
  barrierId: string | null;

  @Column({ name: 'change_id', type: 'uuid', nullable: true })
  changeId: string | null;

  @Column({ name: 'comment_id', type: 'uuid', nullable: true })
  commentId: string | null;

  @Column({ name: 'shared_case_id', type: 'uuid', nullable: true })
  sharedCaseId: string | null;

  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId: string | null;

  /** Kind-specific facts for the message, e.g. a decision's outcome or a progress %. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Facts;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Small kind-specific facts kept with an event or a notification. */
export type Facts = Record<string, string | number | boolean | null>;

export enum EventKind {
  BARRIER_RAISED = 'BARRIER_RAISED',
  BARRIER_CORROBORATED = 'BARRIER_CORROBORATED',
  BARRIER_STATUS_CHANGED = 'BARRIER_STATUS_CHANGED',
  /** The other co-learner agreed to a barrier raised as named: from here on it names the pair. (A refusal is not recorded: it stays anonymous.) */
  BARRIER_NAMED = 'BARRIER_NAMED',
  CHANGE_PROPOSED = 'CHANGE_PROPOSED',
  CHANGE_EDITED = 'CHANGE_EDITED',
  CHANGE_SUBMITTED = 'CHANGE_SUBMITTED',
  CHANGE_DECIDED = 'CHANGE_DECIDED',
  CHANGE_STARTED = 'CHANGE_STARTED',
  CHANGE_PROGRESS_REPORTED = 'CHANGE_PROGRESS_REPORTED',
  /** The pair or the owner asked for the change to be confirmed as adopted, with evidence. */
  CHANGE_ADOPTION_REQUESTED = 'CHANGE_ADOPTION_REQUESTED',
  /** The confirmer sent an adoption request back to in progress, with a reason. */
  CHANGE_ADOPTION_DECLINED = 'CHANGE_ADOPTION_DECLINED',
  /** Adoption confirmed (detail.confirmedAs: OWNER or SPONSOR, and detail.sponsorReason when a sponsor had to). */
  CHANGE_ADOPTED = 'CHANGE_ADOPTED',
  /** The owner recorded a sustainment review (detail.inForce, detail.months). */
  CHANGE_REVIEW_RECORDED = 'CHANGE_REVIEW_RECORDED',
  /** A sustainment review's day passed without a record. */
  CHANGE_REVIEW_MISSED = 'CHANGE_REVIEW_MISSED',
  CHANGE_WITHDRAWN = 'CHANGE_WITHDRAWN',
  CHANGE_OWNER_CHANGED = 'CHANGE_OWNER_CHANGED',
  /** A person completed a programme's training module (recorded by them or a programme manager). */
  TRAINING_COMPLETED = 'TRAINING_COMPLETED',
}

/**
 * Append-only history of every state change and decision. The migration adds a trigger that
 * refuses UPDATE and DELETE on this table, so not even a bug can rewrite history.
 */
@Entity('event')
@Index('event_barrier_idx', ['barrierId', 'createdAt'])
@Index('event_change_idx', ['changeId', 'createdAt'])
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  /** The barrier the event is about, or the barrier of the change it is about. */
  @Column({ name: 'barrier_id', type: 'uuid', nullable: true })
  barrierId: string | null;

  @Column({ name: 'change_id', type: 'uuid', nullable: true })
  changeId: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: string | null;

  /** Kind-specific facts: a decision's outcome and rationale, a progress %, a withdrawal reason. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Facts;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

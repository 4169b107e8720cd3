import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProgrammeEntity } from '../programme/programme.entity';

export enum GroupSessionKind {
  GROUP_COACHING = 'GROUP_COACHING',
  ACTION_LEARNING_SET = 'ACTION_LEARNING_SET',
  CLOSING_SESSION = 'CLOSING_SESSION',
}

export enum GroupSessionStatus {
  SCHEDULED = 'SCHEDULED',
  /** Attendance recorded. */
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

/**
 * A session for several pairs of a programme, scheduled by a programme manager and run by them
 * or a facilitator they name. Times are stored as local wall time and zone, like pair bookings.
 */
@Entity('group_session')
@Index('group_session_programme_idx', ['programmeId', 'startsAt'])
export class GroupSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_group_session_programme' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'enum', enum: GroupSessionKind, enumName: 'group_session_kind' })
  kind: GroupSessionKind;

  @Column({ type: 'enum', enum: GroupSessionStatus, enumName: 'group_session_status', default: GroupSessionStatus.SCHEDULED })
  status: GroupSessionStatus;

  @Column({ name: 'scheduled_by_id', type: 'uuid' })
  scheduledById: string;

  @Column({ name: 'facilitator_id', type: 'uuid', nullable: true })
  facilitatorId: string | null;

  @Column({ name: 'local_start', type: 'text' })
  localStart: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'video_link', type: 'text', nullable: true })
  videoLink: string | null;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'revised_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  revisedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One person invited (a co-learner of an invited pair) and whether they came. */
@Entity('group_session_invitee')
export class GroupSessionInviteeEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => GroupSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_group_session_invitee_session' })
  session?: GroupSessionEntity;

  @Index('group_session_invitee_person_idx')
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  /** Null until attendance is recorded. */
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;
}

/**
 * One point of shared learning from a group session. Deliberately without an author column: the
 * record cannot say who said or wrote what, through any path (API, export, database dump).
 * The facilitator or a manager writes them down for the set.
 */
@Entity('group_session_learning')
@Index('group_session_learning_session_idx', ['sessionId'])
export class GroupSessionLearningEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => GroupSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_group_session_learning_session' })
  session?: GroupSessionEntity;

  @Column({ type: 'text' })
  body: string;

  /** The day only, so the order of writing cannot be matched to who spoke when. */
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: string;
}

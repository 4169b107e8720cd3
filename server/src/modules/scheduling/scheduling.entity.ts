import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PairEntity } from '../pair/pair.entity';
import { SessionType } from './session-type';

export { SessionType };

/**
 * PROPOSED (one or more times offered) → ACCEPTED (the partner chose one; both get an invitation)
 * → HELD (logged afterwards). PROPOSED or ACCEPTED → CANCELLED. Rescheduling keeps ACCEPTED.
 */
export enum BookingStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

/**
 * A planned session of one pair. Times are stored as the organisation's local wall time
 * (`localStart`, "YYYY-MM-DDTHH:mm") with its IANA zone, so a daylight-saving change never moves
 * a booked session; `startsAt` is the instant that wall time falls on, kept for ordering and
 * "gone quiet". The calendar event's UID is derived from the id; `sequence` rises on every
 * reschedule and cancellation, so calendars update the same event.
 */
@Entity('session_booking')
@Index('session_booking_pair_starts_idx', ['pairId', 'startsAt'])
export class SessionBookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id', foreignKeyConstraintName: 'FK_session_booking_pair' })
  pair?: PairEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'proposed_by_id', type: 'uuid' })
  proposedById: string;

  @Column({ type: 'enum', enum: BookingStatus, enumName: 'booking_status', default: BookingStatus.PROPOSED })
  status: BookingStatus;

  @Column({ name: 'session_type', type: 'enum', enum: SessionType, enumName: 'session_type', default: SessionType.CONVERSATION })
  sessionType: SessionType;

  /** The times offered, as local wall times in `timeZone`. */
  @Column({ name: 'proposed_starts', type: 'text', array: true })
  proposedStarts: string[];

  /** The time agreed (local wall time), once accepted. */
  @Column({ name: 'local_start', type: 'text', nullable: true })
  localStart: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3, nullable: true })
  startsAt: Date | null;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'video_link', type: 'text', nullable: true })
  videoLink: string | null;

  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** The session log written afterwards, once HELD. */
  @Column({ name: 'logged_session_id', type: 'uuid', nullable: true })
  loggedSessionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When the event last changed (set by the service): the calendar file's DTSTAMP, so each download of one version is identical. */
  @Column({ name: 'revised_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  revisedAt: Date;
}

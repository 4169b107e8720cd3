import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChangeEntity } from '../change/change.entity';

/**
 * One scheduled check that an adopted change is still in force, a number of months after its
 * adoption was confirmed. Written when adoption is confirmed; recorded once by the owner; flagged
 * as missed (and the managers told, once) when its day passes without a record; cancelled when an
 * earlier review found the change no longer in force.
 */
@Entity('sustainment_review')
@Index('sustainment_review_change_months_key', ['changeId', 'months'], { unique: true })
@Index('sustainment_review_due_idx', ['dueOn'])
export class SustainmentReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'change_id', type: 'uuid' })
  changeId: string;

  @ManyToOne(() => ChangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_id' })
  change?: ChangeEntity;

  /** Months after the adoption was confirmed. */
  @Column({ type: 'int' })
  months: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3, nullable: true })
  recordedAt: Date | null;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  /** The owner's answer: is the change still in force? Null until recorded. */
  @Column({ name: 'in_force', type: 'boolean', nullable: true })
  inForce: boolean | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** When the scheduled sweep found the due day passed without a record and told the managers. */
  @Column({ name: 'missed_at', type: 'timestamptz', precision: 3, nullable: true })
  missedAt: Date | null;

  /** Set when an earlier review found the change lapsed: there is nothing left to review. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** Where a value in a measure's series came from. */
export enum MeasureValueSource {
  /** The value reported with the adoption request. */
  ADOPTION = 'ADOPTION',
  /** The value recorded at a sustainment review. */
  REVIEW = 'REVIEW',
}

/**
 * A measure's value at one moment. Append-only (a trigger refuses UPDATE and DELETE): a new value
 * is a new row, so the series from baseline through each review is never overwritten.
 */
@Entity('measure_value')
@Index('measure_value_change_idx', ['changeId', 'recordedAt'])
export class MeasureValueEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'change_id', type: 'uuid' })
  changeId: string;

  @ManyToOne(() => ChangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_id' })
  change?: ChangeEntity;

  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  reviewId: string | null;

  @Column({ type: 'text' })
  metric: string;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'enum', enum: MeasureValueSource, enumName: 'measure_value_source' })
  source: MeasureValueSource;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}

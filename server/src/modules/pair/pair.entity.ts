import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { Cadence, ProgrammeEntity } from '../programme/programme.entity';
import { SessionType } from '../scheduling/session-type';

export enum PairStatus {
  /** Matched by the manager; becomes ACTIVE when both agree a contract. */
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED = 'ENDED',
}

/** A pair that has not finished: its co-learners still work together in it. */
export const OPEN_PAIR = [PairStatus.PROPOSED, PairStatus.ACTIVE];

/** A co-learning partnership of one senior and one junior employee in a programme. */
@Entity('pair')
@Index('pair_programme_idx', ['programmeId'])
@Index('pair_senior_idx', ['seniorId'])
@Index('pair_junior_idx', ['juniorId'])
export class PairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  /** Copied from the programme so every pair query can be scoped to an organisation directly. */
  @Index('pair_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'senior_id' })
  senior?: PersonEntity;

  @Column({ name: 'junior_id', type: 'uuid' })
  juniorId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'junior_id' })
  junior?: PersonEntity;

  @Column({ type: 'enum', enum: PairStatus, enumName: 'pair_status', default: PairStatus.PROPOSED })
  status: PairStatus;

  @Column({ name: 'ended_reason', type: 'text', nullable: true })
  endedReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/**
 * One version of a pair's mentoring contract. It takes effect only when both co-learners have
 * agreed this same version; proposing a new version asks the other to agree again.
 */
@Entity('contract_version')
@Unique('contract_version_pair_version_key', ['pairId', 'version'])
export class ContractVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'focus_topics', type: 'text', array: true })
  focusTopics: string[];

  @Column({ type: 'enum', enum: Cadence, enumName: 'cadence' })
  cadence: Cadence;

  @Column({ name: 'ground_rules', type: 'text' })
  groundRules: string;

  @Column({ type: 'text' })
  confidentiality: string;

  @Column({ name: 'proposed_by_id', type: 'uuid' })
  proposedById: string;

  @Column({ name: 'senior_agreed_at', type: 'timestamptz', precision: 3, nullable: true })
  seniorAgreedAt: Date | null;

  @Column({ name: 'junior_agreed_at', type: 'timestamptz', precision: 3, nullable: true })
  juniorAgreedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/**
 * A logged co-learning session. `privateNotesCipher` is encrypted with the server's notes key
 * (AES-256-GCM), so a database dump or a report never shows the notes; only the pair reads them.
 */
@Entity('mentoring_session')
@Index('mentoring_session_pair_held_idx', ['pairId', 'heldOn'])
export class MentoringSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text', array: true })
  topics: string[];

  @Column({ name: 'private_notes_cipher', type: 'text', nullable: true })
  privateNotesCipher: string | null;

  @Column({ name: 'shared_takeaways', type: 'text', nullable: true })
  sharedTakeaways: string | null;

  @Column({ name: 'session_type', type: 'enum', enum: SessionType, enumName: 'session_type', default: SessionType.CONVERSATION })
  sessionType: SessionType;

  @Column({ name: 'logged_by_id', type: 'uuid' })
  loggedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

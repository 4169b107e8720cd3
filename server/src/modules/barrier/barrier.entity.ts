import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { GroupSessionEntity } from '../group-session/group-session.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PairEntity } from '../pair/pair.entity';

export enum BarrierCategory {
  RECRUITMENT = 'RECRUITMENT',
  PROGRESSION = 'PROGRESSION',
  PAY = 'PAY',
  CULTURE = 'CULTURE',
  POLICY = 'POLICY',
  ACCESS = 'ACCESS',
  DATA = 'DATA',
  OTHER = 'OTHER',
}

/** The nine protected characteristics of the Equality Act 2010, socio-economic background, and other. */
export enum AffectedGroup {
  AGE = 'AGE',
  DISABILITY = 'DISABILITY',
  GENDER_REASSIGNMENT = 'GENDER_REASSIGNMENT',
  MARRIAGE_AND_CIVIL_PARTNERSHIP = 'MARRIAGE_AND_CIVIL_PARTNERSHIP',
  PREGNANCY_AND_MATERNITY = 'PREGNANCY_AND_MATERNITY',
  RACE = 'RACE',
  RELIGION_OR_BELIEF = 'RELIGION_OR_BELIEF',
  SEX = 'SEX',
  SEXUAL_ORIENTATION = 'SEXUAL_ORIENTATION',
  SOCIO_ECONOMIC_BACKGROUND = 'SOCIO_ECONOMIC_BACKGROUND',
  OTHER = 'OTHER',
}

export enum Attribution {
  NAMED = 'NAMED',
  /** Everyone but the raising pair sees that a pair raised it, not which. */
  ANONYMOUS = 'ANONYMOUS',
}

/**
 * A barrier raised as NAMED names both co-learners, so it waits for the other one's agreement: until
 * they agree it is stored, and shown to everyone, as ANONYMOUS (every path that reads `attribution`
 * then hides the pair without knowing about consent).
 */
export enum NamingConsent {
  /** The other co-learner has not answered yet. */
  PENDING = 'PENDING',
  AGREED = 'AGREED',
  /** It stays anonymous. */
  DECLINED = 'DECLINED',
}

export enum BarrierStatus {
  OPEN = 'OPEN',
  ADDRESSED = 'ADDRESSED',
  CLOSED = 'CLOSED',
}

export enum EvidenceKind {
  TEXT = 'TEXT',
  LINK = 'LINK',
  FIGURE = 'FIGURE',
}

/** One piece of evidence: an observation, a link to a document, or a figure. */
export interface Evidence {
  kind: EvidenceKind;
  text: string;
  url?: string | null;
  value?: number | null;
  unit?: string | null;
}

@Entity('barrier')
@Index('barrier_organisation_created_idx', ['organisationId', 'createdAt'])
export class BarrierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Index('barrier_pair_idx')
  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity)
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'raised_by_id', type: 'uuid' })
  raisedById: string;

  /**
   * Raised on behalf of the set of this held group session: shown as the set's, always anonymous
   * (the raising pair above stays hidden from everyone outside it). Null for a pair's own barrier.
   */
  @Index('barrier_group_session_idx')
  @Column({ name: 'raised_for_group_session_id', type: 'uuid', nullable: true })
  raisedForGroupSessionId: string | null;

  @ManyToOne(() => GroupSessionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'raised_for_group_session_id', foreignKeyConstraintName: 'FK_barrier_group_session' })
  raisedForGroupSession?: GroupSessionEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'enum', enum: BarrierCategory, enumName: 'barrier_category' })
  category: BarrierCategory;

  @Column({ name: 'affected_groups', type: 'enum', enum: AffectedGroup, enumName: 'affected_group', array: true })
  affectedGroups: AffectedGroup[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: Evidence[];

  @Column({ type: 'enum', enum: Attribution, enumName: 'attribution' })
  attribution: Attribution;

  /** Null when nobody asked for the barrier to be named (it was raised anonymous). */
  @Column({ name: 'naming_consent', type: 'enum', enum: NamingConsent, enumName: 'barrier_naming_consent', nullable: true })
  namingConsent: NamingConsent | null;

  @Column({ name: 'naming_answered_at', type: 'timestamptz', precision: 3, nullable: true })
  namingAnsweredAt: Date | null;

  @Column({ type: 'enum', enum: BarrierStatus, enumName: 'barrier_status', default: BarrierStatus.OPEN })
  status: BarrierStatus;

  /** Kept with each corroboration, in its transaction, so "most corroborated" can be a keyset order. */
  @Column({ name: 'corroboration_count', type: 'int', default: 0 })
  corroborationCount: number;

  /** Kept up to date by a trigger (see the migration) from the title and description; GIN-indexed. */
  @Index('barrier_search_idx', { synchronize: false })
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** "We see this too": another pair's corroboration of a barrier, with its own evidence. Once per pair. */
@Entity('barrier_corroboration')
@Unique('barrier_corroboration_barrier_pair_key', ['barrierId', 'pairId'])
export class BarrierCorroborationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'barrier_id', type: 'uuid' })
  barrierId: string;

  @ManyToOne(() => BarrierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'barrier_id' })
  barrier?: BarrierEntity;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity)
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The divisions of the corroborating pair's two members, recorded at the time. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  divisions: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: Evidence[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

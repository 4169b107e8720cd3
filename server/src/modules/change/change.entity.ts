import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { BarrierEntity } from '../barrier/barrier.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PairEntity } from '../pair/pair.entity';
import { PersonEntity } from '../person/person.entity';

export enum ChangeStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  IN_PROGRESS = 'IN_PROGRESS',
  /** Adoption asked for, with evidence; awaits the owner's (or a sponsor's) confirmation. */
  ADOPTION_REQUESTED = 'ADOPTION_REQUESTED',
  ADOPTED = 'ADOPTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum DecisionOutcome {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}

/** How success is measured: a metric with its baseline, target and latest value. */
export interface SuccessMeasure {
  metric: string;
  unit?: string | null;
  baseline: number;
  target: number;
  current?: number | null;
}

/** What changed, from when, and where the proof is. */
export interface AdoptionEvidence {
  policyOrProcess: string;
  effectiveFrom: string;
  link?: string | null;
  summary?: string | null;
}

/** A proposal to change a policy or process, owned by the senior who can make it happen. */
@Entity('change_proposal')
// The board's keyset order (created_at, then id) within an organisation, read straight off the index.
@Index('change_organisation_created_idx', ['organisationId', 'createdAt', 'id'])
@Index('change_owner_status_idx', ['ownerId', 'status'])
export class ChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Index('change_barrier_idx')
  @Column({ name: 'barrier_id', type: 'uuid' })
  barrierId: string;

  @ManyToOne(() => BarrierEntity)
  @JoinColumn({ name: 'barrier_id' })
  barrier?: BarrierEntity;

  /** The pair that proposed it; it edits, submits and follows the change. */
  @Index('change_pair_idx')
  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity)
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'proposed_by_id', type: 'uuid' })
  proposedById: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'owner_id' })
  owner?: PersonEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'what_changes', type: 'text' })
  whatChanges: string;

  @Column({ name: 'expected_impact', type: 'text' })
  expectedImpact: string;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;

  @Column({ type: 'enum', enum: ChangeStatus, enumName: 'change_status', default: ChangeStatus.DRAFT })
  status: ChangeStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ name: 'success_measures', type: 'jsonb', default: () => "'[]'" })
  successMeasures: SuccessMeasure[];

  @Column({ name: 'adoption_evidence', type: 'jsonb', nullable: true })
  adoptionEvidence: AdoptionEvidence | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'adopted_at', type: 'timestamptz', precision: 3, nullable: true })
  adoptedAt: Date | null;

  /** Incremented by every write; a stale `expectedVersion` is refused with CONFLICT. */
  @VersionColumn({ type: 'int' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** An owner's decision on a submitted change, always with a rationale. */
@Entity('decision')
// A change's decisions in order: "the latest decision" is the index's last entry for the change.
@Index('decision_change_idx', ['changeId', 'createdAt', 'id'])
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'change_id', type: 'uuid' })
  changeId: string;

  @ManyToOne(() => ChangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_id' })
  change?: ChangeEntity;

  @Column({ name: 'decider_id', type: 'uuid' })
  deciderId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'decider_id' })
  decider?: PersonEntity;

  @Column({ type: 'enum', enum: DecisionOutcome, enumName: 'decision_outcome' })
  outcome: DecisionOutcome;

  @Column({ type: 'text' })
  rationale: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

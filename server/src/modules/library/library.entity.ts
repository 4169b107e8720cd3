import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AffectedGroup, BarrierCategory, BarrierEntity } from '../barrier/barrier.entity';
import { ChangeEntity, type SuccessMeasure } from '../change/change.entity';
import { OrganisationEntity, Sector } from '../organisation/organisation.entity';
import { PairEntity } from '../pair/pair.entity';
import { PersonEntity } from '../person/person.entity';
import { RedactionKind } from './redaction';

/** Where a case stands on its way to the library. Kept by the service after every write. */
export enum SharedCaseStatus {
  /** The redaction assistant has flagged items that nobody has resolved yet. */
  REDACTING = 'REDACTING',
  /** Every flag is resolved; one or both co-learners have yet to consent to this text. */
  AWAITING_CONSENT = 'AWAITING_CONSENT',
  /** Both co-learners consented; a programme manager has yet to approve. */
  AWAITING_APPROVAL = 'AWAITING_APPROVAL',
  PUBLISHED = 'PUBLISHED',
  /** Taken down by a manager or by a co-learner withdrawing consent. */
  UNPUBLISHED = 'UNPUBLISHED',
  /** A programme manager sent it back to the co-learners with a reason: they edit it and consent again. */
  SENT_BACK = 'SENT_BACK',
  /** A programme manager declined it, with a reason: it will not be published. */
  DECLINED = 'DECLINED',
}

/** How far the change(s) behind a case got, as a reader filters them. */
export enum CaseOutcome {
  ADOPTED = 'ADOPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  APPROVED = 'APPROVED',
  PROPOSED = 'PROPOSED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}

/** The parts of a case's text that the redaction assistant reads. */
export enum CaseTextField {
  TITLE = 'TITLE',
  SUMMARY = 'SUMMARY',
  WHAT_CHANGED = 'WHAT_CHANGED',
  OUTCOME = 'OUTCOME',
  MEASURE = 'MEASURE',
}

export enum RedactionStatus {
  OPEN = 'OPEN',
  /** The proposed replacement was put in the text. */
  ACCEPTED = 'ACCEPTED',
  /** The authors' own replacement was put in the text. */
  EDITED = 'EDITED',
  /** Not personal data; the text stays as it is, and the same find is not flagged again. */
  DISMISSED = 'DISMISSED',
}

/**
 * An anonymised write-up of a barrier, the changes made and the outcome. Its text is a snapshot
 * taken when publication was requested, so later edits of the barrier never leak into the library.
 */
@Entity('shared_case')
@Index('shared_case_organisation_created_idx', ['organisationId', 'createdAt'])
@Index('shared_case_status_published_idx', ['status', 'publishedAt'])
export class SharedCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  /** One case per barrier. */
  @Index('shared_case_source_barrier_key', { unique: true })
  @Column({ name: 'source_barrier_id', type: 'uuid' })
  sourceBarrierId: string;

  @ManyToOne(() => BarrierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_barrier_id' })
  sourceBarrier?: BarrierEntity;

  @Column({ name: 'source_change_ids', type: 'uuid', array: true, default: () => "'{}'" })
  sourceChangeIds: string[];

  /** The pair whose barrier it is: its two co-learners must both consent. */
  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity)
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById: string;

  @Column({ type: 'text' })
  title: string;

  /** The barrier, in brief. */
  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'what_changed', type: 'text' })
  whatChanged: string;

  @Column({ name: 'outcome_summary', type: 'text' })
  outcomeSummary: string;

  /** Copied from the change at request time, then edited with the case's text. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  measures: SuccessMeasure[];

  /** Copied from the organisation, so the library filters without a join and a later move does not rewrite history. */
  @Column({ type: 'enum', enum: Sector, enumName: 'sector' })
  sector: Sector;

  @Column({ type: 'enum', enum: BarrierCategory, enumName: 'barrier_category' })
  category: BarrierCategory;

  @Column({ name: 'affected_groups', type: 'enum', enum: AffectedGroup, enumName: 'affected_group', array: true })
  affectedGroups: AffectedGroup[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'enum', enum: CaseOutcome, enumName: 'case_outcome' })
  outcome: CaseOutcome;

  @Column({ type: 'enum', enum: SharedCaseStatus, enumName: 'shared_case_status', default: SharedCaseStatus.REDACTING })
  status: SharedCaseStatus;

  /** The manager's choice at approval: name the organisation, or show only its sector. */
  @Column({ name: 'show_organisation_name', type: 'boolean', default: false })
  showOrganisationName: boolean;

  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'unpublished_at', type: 'timestamptz', precision: 3, nullable: true })
  unpublishedAt: Date | null;

  @Column({ name: 'unpublished_reason', type: 'text', nullable: true })
  unpublishedReason: string | null;

  /** The programme manager's reason when they last sent the case back or declined it. */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_by_id', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', precision: 3, nullable: true })
  reviewedAt: Date | null;

  /**
   * Kept up to date by a trigger (see the migration) from title, tags and text. GIN-indexed with the
   * filter columns, for published cases only (migrations 1796900000000 and 1797000000000).
   */
  @Index('shared_case_published_search_idx', { synchronize: false })
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One piece of personal data the redaction assistant found, and what the authors did about it. */
@Entity('case_redaction')
@Index('case_redaction_case_idx', ['caseId', 'status'])
export class CaseRedactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => SharedCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: SharedCaseEntity;

  @Column({ type: 'enum', enum: CaseTextField, enumName: 'case_text_field' })
  field: CaseTextField;

  /** Which measure, when `field` is MEASURE. */
  @Column({ name: 'measure_index', type: 'int', nullable: true })
  measureIndex: number | null;

  @Column({ type: 'enum', enum: RedactionKind, enumName: 'redaction_kind' })
  kind: RedactionKind;

  /** The text found. */
  @Column({ type: 'text' })
  found: string;

  /** Offsets of the find in the field's text as it stood when it was (last) detected. */
  @Column({ name: 'start_offset', type: 'int' })
  startOffset: number;

  @Column({ name: 'end_offset', type: 'int' })
  endOffset: number;

  @Column({ name: 'proposed_replacement', type: 'text' })
  proposedReplacement: string;

  /** What was put in the text: the proposal (ACCEPTED) or the authors' own words (EDITED). */
  @Column({ name: 'applied_replacement', type: 'text', nullable: true })
  appliedReplacement: string | null;

  @Column({ type: 'enum', enum: RedactionStatus, enumName: 'redaction_status', default: RedactionStatus.OPEN })
  status: RedactionStatus;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A co-learner's consent to publish the case's text as it stands; any edit of the text clears it. */
@Entity('case_consent')
@Unique('case_consent_case_person_key', ['caseId', 'personId'])
export class CaseConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => SharedCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: SharedCaseEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** "This is useful": a community member's endorsement of a published case, once per person. */
@Entity('case_endorsement')
@Unique('case_endorsement_case_person_key', ['caseId', 'personId'])
export class CaseEndorsementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => SharedCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: SharedCaseEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  /** The organisation the endorser acted for. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A case adapted into another organisation: the barrier and draft change it created there, linked back. */
@Entity('case_adaptation')
@Index('case_adaptation_case_created_idx', ['caseId', 'createdAt'])
@Unique('case_adaptation_case_pair_key', ['caseId', 'pairId'])
export class CaseAdaptationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => SharedCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: SharedCaseEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ name: 'pair_id', type: 'uuid' })
  pairId: string;

  @ManyToOne(() => PairEntity)
  @JoinColumn({ name: 'pair_id' })
  pair?: PairEntity;

  @Column({ name: 'barrier_id', type: 'uuid' })
  barrierId: string;

  @ManyToOne(() => BarrierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'barrier_id' })
  barrier?: BarrierEntity;

  @Column({ name: 'change_id', type: 'uuid' })
  changeId: string;

  @ManyToOne(() => ChangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_id' })
  change?: ChangeEntity;

  @Column({ name: 'adapted_by_id', type: 'uuid' })
  adaptedById: string;

  /** The adopting organisation's consent to show its name and how far its change got. */
  @Column({ name: 'share_progress', type: 'boolean', default: false })
  shareProgress: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

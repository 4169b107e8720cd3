import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity } from '../programme/programme.entity';

/** When a person can meet; the assistant prefers couples who share one. */
export enum Availability {
  WEEKDAY_MORNINGS = 'WEEKDAY_MORNINGS',
  WEEKDAY_AFTERNOONS = 'WEEKDAY_AFTERNOONS',
  WEEKDAY_EVENINGS = 'WEEKDAY_EVENINGS',
  ONLINE = 'ONLINE',
  IN_PERSON = 'IN_PERSON',
}

/**
 * A person's opt-in to matching in one programme: what they want to explore, when they can meet and
 * what they hope to learn. Readable by the person and the programme's managers only. Volunteered
 * characteristics are used for matching only while `useCharacteristics` is true.
 */
@Entity('matching_profile')
@Unique('matching_profile_programme_person_key', ['programmeId', 'personId'])
export class MatchingProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Index('matching_profile_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Index('matching_profile_person_idx')
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  /** Topics in the person's words, compared case-insensitively ("flexible working"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  availability: Availability[];

  @Column({ type: 'text', default: '' })
  hopes: string;

  /** Protected characteristics the person chose to tell the programme about (AffectedGroup values). */
  @Column({ name: 'volunteered_characteristics', type: 'text', array: true, default: () => "'{}'" })
  volunteeredCharacteristics: string[];

  /** Whether the person agreed that their volunteered characteristics are used for matching. */
  @Column({ name: 'use_characteristics', type: 'boolean', default: false })
  useCharacteristics: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * One couple the assistant (or the manager) proposes in a programme. Nothing here is a pair: the
 * manager confirms proposals, which creates the pairs. A fixed proposal survives a re-run.
 */
@Entity('matching_proposal')
@Index('matching_proposal_programme_idx', ['programmeId'])
export class MatchingProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'senior_id', type: 'uuid' })
  seniorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'senior_id' })
  senior?: PersonEntity;

  @Column({ name: 'junior_id', type: 'uuid' })
  juniorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'junior_id' })
  junior?: PersonEntity;

  @Column({ type: 'int' })
  score: number;

  /** Why, in words the people themselves could read ("different divisions; both chose flexible working"). */
  @Column({ type: 'text', array: true })
  reasons: string[];

  @Column({ type: 'boolean', default: false })
  fixed: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** How the assistant last ran in a programme: the focus and the grade from which people count as senior. */
@Entity('matching_run')
export class MatchingRunEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  focus: string;

  @Column({ name: 'senior_from_grade', type: 'smallint', nullable: true })
  seniorFromGrade: number | null;

  @Column({ name: 'ran_by_id', type: 'uuid', nullable: true })
  ranById: string | null;

  @UpdateDateColumn({ name: 'ran_at', type: 'timestamptz', precision: 3 })
  ranAt: Date;
}

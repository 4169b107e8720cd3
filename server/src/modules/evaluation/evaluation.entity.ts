import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity } from '../programme/programme.entity';

export enum QuestionnaireStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum QuestionKind {
  /** Five-point agreement scale, stored as 1 (strongly disagree) to 5 (strongly agree). */
  LIKERT = 'LIKERT',
  TEXT = 'TEXT',
}

/** Results are split by the respondent's side of their pair. */
export enum RespondentGroup {
  SENIOR = 'SENIOR',
  JUNIOR = 'JUNIOR',
}

/** One question; `key` is stable (q1, q2, …) so answers refer to it. */
export interface QuestionnaireItem {
  key: string;
  kind: QuestionKind;
  prompt: string;
}

/** The end-of-programme questionnaire for a programme's co-learners: one per programme. */
@Entity('questionnaire')
export class QuestionnaireEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('questionnaire_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Index('questionnaire_programme_key', { unique: true })
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'jsonb' })
  items: QuestionnaireItem[];

  @Column({ type: 'enum', enum: QuestionnaireStatus, enumName: 'questionnaire_status', default: QuestionnaireStatus.OPEN })
  status: QuestionnaireStatus;

  @Column({ name: 'opened_by_id', type: 'uuid' })
  openedById: string;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;
}

/**
 * That a person has responded, and nothing else: no answer, no time. Kept apart from the answers
 * so that nobody, not even with the database, can tell who answered what.
 */
@Entity('questionnaire_participation')
@Unique('questionnaire_participation_person_key', ['questionnaireId', 'personId'])
export class QuestionnaireParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId: string;

  @ManyToOne(() => QuestionnaireEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionnaire_id' })
  questionnaire?: QuestionnaireEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;
}

/** What was answered, and by which group: no person, no timestamp, a random id. */
@Entity('questionnaire_response')
@Index('questionnaire_response_questionnaire_idx', ['questionnaireId'])
export class QuestionnaireResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId: string;

  @ManyToOne(() => QuestionnaireEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionnaire_id' })
  questionnaire?: QuestionnaireEntity;

  @Column({ name: 'respondent_group', type: 'enum', enum: RespondentGroup, enumName: 'respondent_group' })
  group: RespondentGroup;

  /** Likert answers by item key, 1 to 5. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  likert: Record<string, number>;

  /** Free-text answers by item key. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  texts: Record<string, string>;
}

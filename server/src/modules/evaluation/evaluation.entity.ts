import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
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

/** When in the programme a questionnaire is asked; a programme has at most one of each. */
export enum QuestionnairePhase {
  BASELINE = 'BASELINE',
  MID_POINT = 'MID_POINT',
  CLOSING = 'CLOSING',
}

/** The phases in the order a programme goes through them. */
export const PHASE_ORDER = [QuestionnairePhase.BASELINE, QuestionnairePhase.MID_POINT, QuestionnairePhase.CLOSING];

/** Results are split by the respondent's side of their pair. */
export enum RespondentGroup {
  SENIOR = 'SENIOR',
  JUNIOR = 'JUNIOR',
}

/**
 * One question; `key` is stable (q1, q2, …) so answers refer to it. `bankQuestionId` is the
 * question-bank question it was drawn from (absent on questionnaires written before the bank):
 * comparisons match questions across questionnaires by it.
 */
export interface QuestionnaireItem {
  key: string;
  kind: QuestionKind;
  prompt: string;
  bankQuestionId?: string;
}

/** A question an organisation's managers may ask: the standard ones, and the ones they add. */
@Entity('question_bank_question')
@Unique('question_bank_question_prompt_key', ['organisationId', 'prompt'])
export class QuestionBankQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: QuestionKind, enumName: 'question_kind' })
  kind: QuestionKind;

  @Column({ type: 'text' })
  prompt: string;

  /** One of the platform's standard questions, seeded into every organisation's bank. */
  @Column({ type: 'boolean', default: false })
  standard: boolean;

  /** The manager who added it; null for standard questions. */
  @Column({ name: 'added_by_id', type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A questionnaire for a programme's co-learners: at most one per phase (baseline, mid-point, closing). */
@Entity('questionnaire')
@Index('questionnaire_programme_phase_key', ['programmeId', 'phase'], { unique: true })
export class QuestionnaireEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('questionnaire_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'enum', enum: QuestionnairePhase, enumName: 'questionnaire_phase', default: QuestionnairePhase.CLOSING })
  phase: QuestionnairePhase;

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
 *
 * Several questionnaires per programme (baseline, mid-point, closing) make a second rule matter:
 * one person's answers must never be linkable ACROSS questionnaires. So there is no respondent id
 * of any kind. A participation row holds (questionnaire, person) and a random id; a response row
 * holds (questionnaire, group, answers) and another random id, generated independently. The only
 * column the two tables share is `questionnaire_id`, which every respondent of that questionnaire
 * shares too: joining participation to responses, within one questionnaire or across two, gives
 * every person × every response of the group and singles out no one. Comparisons are computed
 * from group aggregates of each questionnaire separately (EvaluationService.compare), never by
 * pairing responses.
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

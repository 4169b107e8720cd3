import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { QuestionKind } from '../evaluation/evaluation.entity';
import { ProgrammeEntity } from '../programme/programme.entity';

/** A dated point in the programme's plan, counted in months from its start. */
export interface Milestone {
  /** 0 = the start month, 6 = six months in. */
  month: number;
  title: string;
}

/** The closing questionnaire the programme plans to run, opened through the evaluation module. */
export interface PlannedQuestionnaire {
  title: string;
  /** Month of the programme in which it is due (the last month, usually). */
  month: number;
  questions: { kind: QuestionKind; prompt: string }[];
}

/**
 * How a programme is designed, beyond its dates and cadence: the template it was made from, the
 * words it uses for each side, whether training gates a pair's start, its milestones and its
 * closing questionnaire. Copied from a template on creation and edited freely afterwards.
 * A programme without a row uses the reciprocal defaults.
 */
@Entity('programme_design')
export class ProgrammeDesignEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @OneToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ name: 'template_key', type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ name: 'senior_label', type: 'text' })
  seniorLabel: string;

  @Column({ name: 'junior_label', type: 'text' })
  juniorLabel: string;

  /** A pair starts (its contract takes effect) only once both have completed their side's training. */
  @Column({ name: 'training_required', type: 'boolean', default: false })
  trainingRequired: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  milestones: Milestone[];

  @Column({ name: 'closing_questionnaire', type: 'jsonb', nullable: true })
  closingQuestionnaire: PlannedQuestionnaire | null;
}

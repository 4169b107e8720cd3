import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ProgrammeEntity } from '../programme/programme.entity';

/** Something to read, watch or use before a session: a link, a short text, or both. */
export interface CurriculumResource {
  title: string;
  url: string | null;
  text: string | null;
}

/** One month of a programme's plan: its topic, guidance for the pair, resources and reflection prompts. */
@Entity('curriculum_month')
@Unique('curriculum_month_programme_month_key', ['programmeId', 'month'])
export class CurriculumMonthEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  /** 1 = the programme's first month. */
  @Column({ type: 'int' })
  month: number;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text', default: '' })
  guidance: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  resources: CurriculumResource[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prompts: string[];
}

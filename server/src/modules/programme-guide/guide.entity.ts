import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ProgrammeEntity } from '../programme/programme.entity';

/** The stages of running a programme, in order. */
export enum GuideStepKey {
  RECRUIT = 'RECRUIT',
  TRAIN = 'TRAIN',
  MATCH = 'MATCH',
  LAUNCH = 'LAUNCH',
  MID_POINT = 'MID_POINT',
  EVALUATE = 'EVALUATE',
  REPORT = 'REPORT',
  CELEBRATE = 'CELEBRATE',
}

/** One step of the programme manager's guide; done when the app sees it done, or a manager marks it. */
@Entity('guide_step')
@Unique('guide_step_programme_key', ['programmeId', 'key'])
export class GuideStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'enum', enum: GuideStepKey, enumName: 'guide_step_key' })
  key: GuideStepKey;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  guidance: string;

  /** Months from the programme's start when it is due (negative: before it starts); the date follows the programme's. */
  @Column({ name: 'due_month', type: 'int', nullable: true })
  dueMonth: number | null;

  @Column({ name: 'marked_done_at', type: 'timestamptz', precision: 3, nullable: true })
  markedDoneAt: Date | null;

  @Column({ name: 'marked_done_by_id', type: 'uuid', nullable: true })
  markedDoneById: string | null;
}

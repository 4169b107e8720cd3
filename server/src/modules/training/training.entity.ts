import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity } from '../programme/programme.entity';

/** Which side of a pair a training module is for. */
export enum TrainingSide {
  SENIOR = 'SENIOR',
  JUNIOR = 'JUNIOR',
  BOTH = 'BOTH',
}

/** Training a programme asks of one side (or both) before or while they are paired. */
@Entity('training_module')
@Index('training_module_programme_idx', ['programmeId'])
export class TrainingModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'enum', enum: TrainingSide, enumName: 'training_side' })
  side: TrainingSide;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'expected_hours', type: 'real', default: 0 })
  expectedHours: number;

  @Column({ type: 'int', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** That a person completed a module: recorded by them or by a programme manager, and when. */
@Entity('training_completion')
@Unique('training_completion_module_person_key', ['moduleId', 'personId'])
@Index('training_completion_person_idx', ['personId'])
export class TrainingCompletionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => TrainingModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: TrainingModuleEntity;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz', precision: 3 })
  completedAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from '../person/person.entity';

/**
 * One entry of a person's reflective journal. Readable by its author alone: not the partner, a
 * manager or an admin. The text is encrypted at rest with the notes key (AES-256-GCM), like
 * private session notes, so no dump, export or report shows it.
 */
@Entity('journal_entry')
@Index('journal_entry_author_created_idx', ['authorId', 'createdAt'])
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_journal_entry_author' })
  author?: PersonEntity;

  @Column({ name: 'body_cipher', type: 'text' })
  bodyCipher: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export enum GoalStage {
  START = 'START',
  END = 'END',
}

/**
 * A person's own rating of their goals (what they hoped to learn) at the start or end of a
 * programme. The goals text is encrypted like the journal; the partner sees a rating only when
 * its author shares it; programme figures cover five people or more.
 */
@Entity('goal_rating')
@Unique('goal_rating_person_programme_stage_key', ['personId', 'programmeId', 'stage'])
@Check('goal_rating_rating_check', '"rating" BETWEEN 1 AND 5')
export class GoalRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Index('goal_rating_programme_idx')
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ type: 'enum', enum: GoalStage, enumName: 'goal_stage' })
  stage: GoalStage;

  @Column({ name: 'goals_cipher', type: 'text' })
  goalsCipher: string;

  /** 1 (not at all) to 5 (fully), how far the person feels they have reached their goals. */
  @Column({ type: 'int' })
  rating: number;

  @Column({ name: 'shared_with_partner', type: 'boolean', default: false })
  sharedWithPartner: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

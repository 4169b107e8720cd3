import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A comment on a barrier or on a change; visible to whoever may see its subject. */
@Entity('comment')
@Index('comment_barrier_idx', ['barrierId', 'createdAt'])
@Index('comment_change_idx', ['changeId', 'createdAt'])
@Check('comment_one_subject', '(barrier_id IS NULL) <> (change_id IS NULL)')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'barrier_id', type: 'uuid', nullable: true })
  barrierId: string | null;

  @Column({ name: 'change_id', type: 'uuid', nullable: true })
  changeId: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

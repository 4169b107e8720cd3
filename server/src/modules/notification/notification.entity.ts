import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Facts } from '../history/event.entity';

export enum NotificationKind {
  CHANGE_SUBMITTED = 'CHANGE_SUBMITTED',
  CHANGE_DECIDED = 'CHANGE_DECIDED',
  CHANGE_STARTED = 'CHANGE_STARTED',
  CHANGE_PROGRESSED = 'CHANGE_PROGRESSED',
  CHANGE_ADOPTED = 'CHANGE_ADOPTED',
  COMMENT_ADDED = 'COMMENT_ADDED',
}

/** An in-app notification for one person. */
@Entity('notification')
@Index('notification_recipient_created_idx', ['recipientId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'barrier_id', type: 'uuid', nullable: true })
  barrierId: string | null;

  @Column({ name: 'change_id', type: 'uuid', nullable: true })
  changeId: string | null;

  @Column({ name: 'comment_id', type: 'uuid', nullable: true })
  commentId: string | null;

  /** Kind-specific facts for the message, e.g. a decision's outcome or a progress %. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Facts;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

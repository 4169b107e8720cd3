import type { MailContent } from './mail.template';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Where a message is on its way out. */
export enum MailStatus {
  /** Written; waiting for the job runner to hand it to a delivery job. */
  PENDING = 'PENDING',
  /** A delivery job holds it. */
  QUEUED = 'QUEUED',
  /** Accepted by the SMTP server. */
  SENT = 'SENT',
  /** No SMTP_URL: kept in the outbox, which the platform admin reads in the app. */
  KEPT = 'KEPT',
  /** The last attempt failed; another is scheduled with backoff. */
  RETRYING = 'RETRYING',
  /** Every attempt failed; the platform admin sees it and can send it again. */
  FAILED = 'FAILED',
  /** Not sent: the recipient left the organisation or turned this kind off before delivery. */
  SUPPRESSED = 'SUPPRESSED',
}

/**
 * One email to one address: the outbox and the delivery log at once. `key` names the event and
 * the recipient, so writing the same message twice (a job run twice, two server processes)
 * keeps one.
 */
@Entity('mail_message')
@Index('mail_message_status_idx', ['status', 'createdAt'])
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('mail_message_key', { unique: true })
  @Column({ type: 'text' })
  key: string;

  /** A notification kind, a reminder kind, INVITATION or DIGEST. */
  @Column({ type: 'text' })
  kind: string;

  /** The person it is for; null for an invitation to someone without an account. */
  @Index('mail_message_recipient_idx')
  @Column({ name: 'recipient_id', type: 'uuid', nullable: true })
  recipientId: string | null;

  /** The organisation the message is about; the recipient must still belong to it when it goes. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  /** What the message says, with links relative to the app; rendered into parts when it goes. */
  @Column({ type: 'jsonb' })
  content: MailContent;

  /** The plain-text part as sent (or kept), with absolute links and the unsubscribe link. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The HTML part as sent (or kept). */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status', default: MailStatus.PENDING })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;
}

/** How a person wants one kind of message: at once, in the daily digest, or not by email. */
export enum MailDelivery {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  OFF = 'OFF',
}

/** A person's choice for one kind; with no row, the kind's default applies. */
@Entity('mail_preference')
export class MailPreferenceEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'enum', enum: MailDelivery, enumName: 'mail_delivery' })
  delivery: MailDelivery;
}

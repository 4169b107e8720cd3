import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { MailDelivery, type MailMessageEntity, MailStatus } from './mail.entity';
import { MailKind } from './mail.kinds';

registerEnumType(MailStatus, {
  name: 'MailStatus',
  description: 'Where an email is on its way out.',
  valuesConfig: {
    PENDING: { description: 'Written; waiting for a delivery job.' },
    QUEUED: { description: 'A delivery job holds it.' },
    SENT: { description: 'Accepted by the SMTP server.' },
    KEPT: { description: 'Kept in the outbox: the server has no SMTP_URL.' },
    RETRYING: { description: 'The last attempt failed; another is scheduled.' },
    FAILED: { description: 'Every attempt failed.' },
    SUPPRESSED: { description: 'Not sent: the recipient left the organisation or turned this kind off.' },
  },
});
registerEnumType(MailDelivery, {
  name: 'MailDelivery',
  description: 'How a person wants one kind of email.',
  valuesConfig: {
    IMMEDIATE: { description: 'An email at once.' },
    DAILY_DIGEST: { description: 'In one summary a day, in the morning where the organisation is.' },
    OFF: { description: 'No email; the in-app notification still appears.' },
  },
});
registerEnumType(MailKind, { name: 'MailKind', description: 'A kind of email a person chooses a delivery for: every notification kind and every reminder.' });

@ObjectType({ description: "The viewer's choice for one kind of email." })
export class MailPreference {
  @Field(() => MailKind)
  kind: MailKind;

  @Field({ description: 'What the kind is, in words.' })
  label: string;

  @Field(() => MailDelivery)
  delivery: MailDelivery;

  @Field(() => [MailDelivery], { description: 'The deliveries this kind offers (reminders are at once or off).' })
  options: MailDelivery[];
}

@ObjectType('MailMessage', { implements: Node, description: 'An email in the outbox and delivery log; only the platform admin reads these.' })
export class MailMessage extends Node {
  @Field({ description: 'A notification kind, a reminder kind, INVITATION or DIGEST.' })
  kind: string;

  @Field({ description: 'The address it goes to.' })
  to: string;

  @Field()
  subject: string;

  @Field(() => String, { nullable: true, description: 'The plain-text part as sent or kept; null until a delivery job has taken it.' })
  text: string | null;

  @Field(() => MailStatus)
  status: MailStatus;

  @Field(() => Int, { description: 'Delivery attempts so far.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, or why it was not sent.' })
  lastError: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it, or it was kept in the outbox.' })
  sentAt: Date | null;

  static from(entity: MailMessageEntity): MailMessage {
    return Object.assign(new MailMessage(), {
      id: toGlobalId('MailMessage', entity.id),
      kind: entity.kind,
      to: entity.toAddress,
      subject: entity.subject,
      text: entity.text,
      status: entity.status,
      attempts: entity.attempts,
      lastError: entity.lastError,
      createdAt: entity.createdAt,
      sentAt: entity.sentAt,
    });
  }
}

@ObjectType('MailMessageConnection')
export class MailMessageConnection extends Connection(MailMessage, 'MailMessage') {}

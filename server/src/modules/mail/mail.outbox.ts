import type { EntityManager } from 'typeorm';
import { MailDelivery, MailMessageEntity, MailPreferenceEntity } from './mail.entity';
import { DIGEST, INVITATION } from './mail.kinds';
import type { MailContent } from './mail.template';

/** A message to write to the outbox, inside the caller's transaction. */
export interface NewMail {
  /** Names the event and the recipient: the same key twice keeps one message. */
  key: string;
  kind: string;
  recipientId: string | null;
  organisationId: string | null;
  toAddress: string;
  content: MailContent;
  /** For back-dated demo messages; otherwise now. */
  createdAt?: Date;
}

/** Writes a message unless one with its key exists; true when written. */
export async function queueMail(tx: EntityManager, mail: NewMail): Promise<boolean> {
  return (await queueMails(tx, [mail])) > 0;
}

/** Writes several messages in one statement (a bulk import's invitations), skipping keys that exist; returns how many were written. */
export async function queueMails(tx: EntityManager, mails: NewMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const result = await tx
    .createQueryBuilder()
    .insert()
    .into(MailMessageEntity)
    .values(
      mails.map((mail) => ({
        key: mail.key,
        kind: mail.kind,
        recipientId: mail.recipientId,
        organisationId: mail.organisationId,
        toAddress: mail.toAddress,
        subject: mail.content.subject,
        content: mail.content,
        ...(mail.createdAt ? { createdAt: mail.createdAt } : {}),
      })),
    )
    .orIgnore()
    .returning(['id'])
    .execute();
  return (result.raw as unknown[]).length;
}

/** Every kind is sent at once until the person chooses otherwise. */
export const DEFAULT_DELIVERY: MailDelivery = MailDelivery.IMMEDIATE;

/** How each of these people wants `kind`, with the default filled in. */
export async function deliveriesOf(tx: EntityManager, personIds: string[], kind: string): Promise<Map<string, MailDelivery>> {
  const chosen = personIds.length
    ? await tx
        .getRepository(MailPreferenceEntity)
        .createQueryBuilder('p')
        .where('p.person_id = ANY(CAST(:ids AS uuid[])) AND p.kind = :kind', { ids: personIds, kind })
        .getMany()
    : [];
  const result = new Map<string, MailDelivery>(personIds.map((id) => [id, DEFAULT_DELIVERY]));
  for (const preference of chosen) result.set(preference.personId, preference.delivery);
  return result;
}

/** Whether a message of this kind may still go to its recipient: kinds a person cannot turn off always may. */
export function isChoosable(kind: string): boolean {
  return kind !== INVITATION && kind !== DIGEST;
}

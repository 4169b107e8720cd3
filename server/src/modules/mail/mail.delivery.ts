import nodemailer from 'nodemailer';
import { IsNull, type DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';
import { MembershipEntity } from '../person/membership.entity';
import { MailDelivery, MailMessageEntity, MailStatus } from './mail.entity';
import { INVITATION } from './mail.kinds';
import { deliveriesOf, isChoosable } from './mail.outbox';
import { renderHtml, renderText, type MailContent } from './mail.template';
import { signUnsubscribe } from './unsubscribe-token';

export interface Mailer {
  /** Hands a message to SMTP, or keeps it in the outbox (status KEPT) when there is no SMTP_URL. */
  deliver(mailId: string, attempt: { retryCount: number; retryLimit: number }): Promise<void>;
  close(): void;
}

/** An absolute link into the app. */
const absolute = (config: Config, path: string) => (/^https?:\/\//.test(path) ? path : `${config.publicUrl}${path}`);

export function unsubscribeUrl(config: Config, personId: string, kind: string): string {
  return `${config.publicUrl}/mail/unsubscribe?token=${encodeURIComponent(signUnsubscribe(config.notesKey!, personId, kind))}`;
}

/** The parts of a message as they go out: absolute links and, for a person's kinds, the unsubscribe link. */
function finish(config: Config, mail: MailMessageEntity): { text: string; html: string; unsubscribe: string | null } {
  const unsubscribe = mail.recipientId && mail.kind !== INVITATION ? unsubscribeUrl(config, mail.recipientId, mail.kind) : null;
  const content: MailContent = {
    ...mail.content,
    action: mail.content.action && { ...mail.content.action, url: absolute(config, mail.content.action.url) },
    unsubscribe: unsubscribe ? { label: 'Stop emails like this one (no sign-in needed)', url: unsubscribe } : undefined,
  };
  return { text: renderText(content), html: renderHtml(content), unsubscribe };
}

/** Why a written message must not go after all: its recipient left or was deactivated, or turned its kind off. */
async function suppression(db: DataSource, mail: MailMessageEntity): Promise<string | null> {
  if (!mail.recipientId) return null;
  if (mail.organisationId && !(await db.getRepository(MembershipEntity).existsBy({ personId: mail.recipientId, organisationId: mail.organisationId, deactivatedAt: IsNull() }))) {
    return 'The recipient is no longer an active member of the organisation.';
  }
  if (isChoosable(mail.kind) && (await deliveriesOf(db.manager, [mail.recipientId], mail.kind)).get(mail.recipientId) === MailDelivery.OFF) {
    return 'The recipient turned this kind of email off.';
  }
  return null;
}

export function createMailer(config: Config, db: DataSource, log: Logger): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const messages = db.getRepository(MailMessageEntity);
  return {
    async deliver(mailId, attempt) {
      const mail = await messages.findOneBy({ id: mailId });
      if (!mail || [MailStatus.SENT, MailStatus.KEPT, MailStatus.SUPPRESSED].includes(mail.status)) return;
      const why = await suppression(db, mail);
      if (why) {
        await messages.update({ id: mail.id }, { status: MailStatus.SUPPRESSED, lastError: why });
        return;
      }
      const parts = finish(config, mail);
      if (!transport) {
        await messages.update({ id: mail.id }, { status: MailStatus.KEPT, text: parts.text, html: parts.html, attempts: mail.attempts + 1, sentAt: new Date(), lastError: null });
        return;
      }
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: mail.toAddress,
          subject: mail.subject,
          text: parts.text,
          html: parts.html,
          // A stable id per message, so a receiving system can drop a duplicate too.
          messageId: `<${mail.id}@${new URL(config.publicUrl).hostname}>`,
          ...(mail.content.calendar ? { icalEvent: { method: mail.content.calendar.method, filename: 'invitation.ics', content: mail.content.calendar.ics } } : {}),
          ...(parts.unsubscribe ? { list: { unsubscribe: parts.unsubscribe } } : {}),
          ...(parts.unsubscribe ? { headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
        });
      } catch (error) {
        const final = attempt.retryCount >= attempt.retryLimit;
        const message = error instanceof Error ? error.message : String(error);
        await messages.update({ id: mail.id }, { status: final ? MailStatus.FAILED : MailStatus.RETRYING, attempts: mail.attempts + 1, lastError: message.slice(0, 500) });
        log.warn('mail delivery failed', { mailId: mail.id, kind: mail.kind, attempt: mail.attempts + 1, final, error: message.slice(0, 200) });
        throw error;
      }
      // An invitation's link is a password-setting token: once delivered, the stored copy drops it.
      const kept = mail.kind === INVITATION ? finish(config, { ...mail, content: { ...mail.content, action: mail.content.action && { ...mail.content.action, url: '/accept-invitation' } } }) : parts;
      await messages.update(
        { id: mail.id },
        { status: MailStatus.SENT, text: kept.text, html: kept.html, ...(mail.kind === INVITATION ? { content: { ...mail.content, action: undefined } } : {}), attempts: mail.attempts + 1, sentAt: new Date(), lastError: null },
      );
    },
    close() {
      transport?.close();
    },
  };
}

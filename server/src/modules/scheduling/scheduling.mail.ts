import type { EntityManager } from 'typeorm';
import type { Config } from '../../config';
import { PersonEntity } from '../person/person.entity';
import { MailDelivery } from '../mail/mail.entity';
import { deliveriesOf, queueMail } from '../mail/mail.outbox';
import type { NotificationKind } from '../notification/notification.entity';
import { organizerOf, renderCalendar, type CalendarEvent } from './scheduling.calendar';
import { describeLocal } from './wall-time';

const HEADLINE: Record<string, string> = {
  SESSION_BOOKED: 'A co-learning session is booked.',
  SESSION_RESCHEDULED: 'A co-learning session has moved.',
  SESSION_CANCELLED: 'A co-learning session is cancelled.',
  GROUP_SESSION_INVITED: 'You are invited to a group co-learning session.',
};

/**
 * Emails a calendar invitation (the .ics attached as a calendar part) to each recipient who wants
 * this kind at once; the message says what the file says and no more: the time, the place or link.
 * Keyed by event, version and recipient, so a retried transaction keeps one message each.
 */
export async function mailInvitation(
  tx: EntityManager,
  config: Config,
  input: { kind: NotificationKind; key: string; organisationId: string; recipientIds: string[]; event: CalendarEvent; path: string },
): Promise<void> {
  if (input.recipientIds.length === 0) return;
  const deliveries = await deliveriesOf(tx, input.recipientIds, input.kind);
  const people = await tx.getRepository(PersonEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids: input.recipientIds }).getMany();
  const calendar = renderCalendar(input.event, organizerOf(config.mailFrom));
  const when = describeLocal(input.event.localStart, input.event.timeZone);
  const where = input.event.videoLink ? `Video link: ${input.event.videoLink}` : input.event.location ? `Place: ${input.event.location}` : null;
  for (const person of people) {
    if (deliveries.get(person.id) !== MailDelivery.IMMEDIATE) continue;
    await queueMail(tx, {
      key: `${input.key}:${input.event.sequence}:${person.id}`,
      kind: input.kind,
      recipientId: person.id,
      organisationId: input.organisationId,
      toAddress: person.email,
      content: {
        subject: `Co-learning session: ${when}${input.event.cancelled ? ' (cancelled)' : ''}`,
        greeting: `Hello ${person.displayName},`,
        paragraphs: [HEADLINE[input.kind] ?? 'A co-learning session has changed.', `When: ${when}, for ${input.event.durationMinutes} minutes.`, ...(where ? [where] : []), 'The calendar invitation is attached; it updates the same event in your calendar.'],
        action: { label: 'Open it in Common Ground', url: input.path },
        calendar,
      },
    });
  }
}

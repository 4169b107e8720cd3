import type { EntityManager } from 'typeorm';
import { NotificationEntity } from '../notification/notification.entity';
import { DIGEST } from './mail.kinds';
import { queueMail } from './mail.outbox';
import { notificationLine } from './notification-mail';

/** Digests go out from this hour of the morning, in the organisation's time zone. */
export const DIGEST_HOUR = 8;

/**
 * For each person and organisation: the notifications of kinds they chose to get daily, since
 * their last digest (at most a day back), when it is past DIGEST_HOUR where the organisation is.
 * Only current members; the key holds the local date, so there is one digest a day at most.
 */
const DUE_SQL = `
  SELECT n.recipient_id, n.organisation_id, o.name AS organisation_name,
         (($1::timestamptz) AT TIME ZONE o.time_zone)::date::text AS local_date,
         array_agg(n.id ORDER BY n.created_at) AS ids
  FROM notification n
  JOIN organisation o ON o.id = n.organisation_id
  JOIN mail_preference mp ON mp.person_id = n.recipient_id AND mp.kind = n.kind::text AND mp.delivery = 'DAILY_DIGEST'
  JOIN membership m ON m.person_id = n.recipient_id AND m.organisation_id = n.organisation_id AND m.deactivated_at IS NULL
  WHERE extract(hour FROM ($1::timestamptz) AT TIME ZONE o.time_zone) >= ${DIGEST_HOUR}
    AND n.created_at <= $1
    AND n.created_at > coalesce(
      (SELECT max(d.created_at) FROM mail_message d WHERE d.kind = '${DIGEST}' AND d.recipient_id = n.recipient_id AND d.organisation_id = n.organisation_id),
      $1::timestamptz - interval '1 day')
  GROUP BY n.recipient_id, n.organisation_id, o.name, o.time_zone`;

/** Writes the day's digests due at `now`; returns how many. */
export async function sendDigests(tx: EntityManager, now: Date): Promise<number> {
  const due: { recipient_id: string; organisation_id: string; organisation_name: string; local_date: string; ids: string[] }[] = await tx.query(DUE_SQL, [now]);
  let written = 0;
  for (const d of due) {
    const notifications = await tx.getRepository(NotificationEntity).find({ where: d.ids.map((id) => ({ id })), order: { createdAt: 'ASC' } });
    const lines = [];
    let recipient: { email: string; name: string } | null = null;
    for (const n of notifications) {
      const found = await notificationLine(tx, n);
      if (!found) continue;
      recipient = { email: found.facts.recipient_email, name: found.facts.recipient_name };
      lines.push(found.line);
    }
    if (!recipient || lines.length === 0) continue;
    const queued = await queueMail(tx, {
      key: `${DIGEST}:${d.recipient_id}:${d.organisation_id}:${d.local_date}`,
      kind: DIGEST,
      recipientId: d.recipient_id,
      organisationId: d.organisation_id,
      toAddress: recipient.email,
      content: {
        subject: `Common Ground: your daily summary for ${d.organisation_name} (${lines.length})`,
        greeting: `Hello ${recipient.name},`,
        paragraphs: [`Since your last summary, in ${d.organisation_name}:`, ...lines.map((line) => `• ${line}`), 'You chose to get these once a day; change that on your email preferences page.'],
        action: { label: 'Open your notifications', url: '/notifications' },
      },
      createdAt: now,
    });
    if (queued) written += 1;
  }
  return written;
}

import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../../common/relay';
import { HIDDEN_PAIR_LABEL } from '../barrier/barrier.masking';
import { NotificationKind, type NotificationEntity } from '../notification/notification.entity';
import { MailDelivery } from './mail.entity';
import { kindLabel } from './mail.kinds';
import { deliveriesOf, queueMail } from './mail.outbox';
import type { MailContent } from './mail.template';

const DECIDED: Record<string, string> = { APPROVE: 'approved', REJECT: 'rejected', REQUEST_CHANGES: 'asked for changes to' };

/** What one notification's email needs to know, read in one statement. */
interface Facts {
  recipient_email: string;
  recipient_name: string;
  actor_name: string | null;
  change_title: string | null;
  case_title: string | null;
  /** The actor is in the pair behind an anonymous barrier that the recipient is not in. */
  actor_hidden: boolean;
}

const FACTS_SQL = `
  SELECT r.email AS recipient_email, r.display_name AS recipient_name, a.display_name AS actor_name,
         c.title AS change_title, sc.title AS case_title,
         coalesce(b.attribution = 'ANONYMOUS' AND $2::uuid IN (bp.senior_id, bp.junior_id)
                  AND $1::uuid NOT IN (bp.senior_id, bp.junior_id), false) AS actor_hidden
  FROM person r
  LEFT JOIN person a ON a.id = $2
  LEFT JOIN change_proposal c ON c.id = $3
  LEFT JOIN barrier b ON b.id = coalesce($4, c.barrier_id)
  LEFT JOIN pair bp ON bp.id = b.pair_id
  LEFT JOIN shared_case sc ON sc.id = $5
  WHERE r.id = $1`;

/** Where in the app the notification leads; the app decides what the reader may see there. */
function pathOf(n: NotificationEntity): string {
  if (n.sharedCaseId) return `/library/cases/${encodeURIComponent(toGlobalId('SharedCase', n.sharedCaseId))}`;
  if (n.changeId) return `/changes/${encodeURIComponent(toGlobalId('Change', n.changeId))}`;
  if (n.barrierId) return `/barriers/${encodeURIComponent(toGlobalId('Barrier', n.barrierId))}`;
  if (n.pairId) return `/pair/${encodeURIComponent(toGlobalId('Pair', n.pairId))}`;
  return '/notifications';
}

/**
 * One sentence per kind. Deliberately less than the app shows: change and case titles, a
 * decision's outcome, a percentage; never comment text, a nudge's words, a barrier's title or
 * evidence, session notes, or who is behind an anonymous barrier. A kind added later gets the
 * generic sentence, so it is mailed safely before anyone writes its own.
 */
function sentence(n: NotificationEntity, facts: Facts): string {
  const actor = facts.actor_hidden ? HIDDEN_PAIR_LABEL : (facts.actor_name ?? 'Someone');
  const title = facts.case_title ?? facts.change_title;
  const about = title ? `“${title}”` : n.barrierId ? 'a barrier' : 'something you follow';
  switch (n.kind) {
    case NotificationKind.CHANGE_SUBMITTED:
      return `${actor} submitted the change ${about} for your decision.`;
    case NotificationKind.CHANGE_DECIDED:
      return `${actor} ${DECIDED[String(n.detail.outcome)] ?? 'decided'} the change ${about}.`;
    case NotificationKind.CHANGE_STARTED:
      return `${actor} started work on the change ${about}.`;
    case NotificationKind.CHANGE_PROGRESSED:
      return `${actor} reported ${Number(n.detail.progress) || 0}% progress on the change ${about}.`;
    case NotificationKind.CHANGE_ADOPTED:
      return `The change ${about} was adopted.`;
    case NotificationKind.CHANGE_ADOPTION_REQUESTED:
      return `${actor} asks you to confirm that the change ${about} is adopted.`;
    case NotificationKind.CHANGE_ADOPTION_DECLINED:
      return `The adoption of the change ${about} was not confirmed; it is in progress again.`;
    case NotificationKind.SUSTAINMENT_REVIEW_MISSED:
      return `The ${Number(n.detail.months) || ''}-month review of the change ${about} was due on ${String(n.detail.dueOn ?? '')} and has not been recorded.`;
    case NotificationKind.CHANGE_LAPSED:
      return `A review found the change ${about} no longer in force; its barrier is open again.`;
    case NotificationKind.COMMENT_ADDED:
      return `${actor} commented on ${about}.`;
    case NotificationKind.CHANGE_OWNER_CHANGED:
      return n.recipientId === n.detail.ownerId ? `${actor} handed the change ${about} to you.` : `${actor} handed the change ${about} to another owner.`;
    case NotificationKind.PAIR_NUDGED:
      return `${actor} asks how your co-learning is going.`;
    case NotificationKind.CASE_CONSENT_NEEDED:
      return `The case ${about} is ready for the library: read it and give your consent.`;
    case NotificationKind.CASE_AWAITING_APPROVAL:
      return `Both co-learners consented to sharing ${about}: it awaits a programme manager's approval.`;
    case NotificationKind.CASE_PUBLISHED:
      return `${actor} published ${about} in the community library.`;
    case NotificationKind.CASE_UNPUBLISHED:
      return `${about} was taken down from the library.`;
    default:
      return `There is something new for you in Common Ground: ${kindLabel(n.kind).toLowerCase()}.`;
  }
}

async function factsOf(tx: EntityManager, n: NotificationEntity): Promise<Facts | undefined> {
  const rows: Facts[] = await tx.query(FACTS_SQL, [n.recipientId, n.actorId, n.changeId, n.barrierId, n.sharedCaseId]);
  return rows[0];
}

/** The email for one notification, or for a day's worth of them (the digest lists one line each). */
export async function notificationLine(tx: EntityManager, n: NotificationEntity): Promise<{ facts: Facts; line: string; path: string } | null> {
  const facts = await factsOf(tx, n);
  return facts ? { facts, line: sentence(n, facts), path: pathOf(n) } : null;
}

/**
 * The mail side of every in-app notification, called by `notify` in the same transaction: each
 * recipient who wants this kind at once gets one message, keyed by the notification (one event,
 * one recipient). Digest and OFF choices are honoured here and by the digest job.
 */
export async function mailNotifications(tx: EntityManager, notifications: NotificationEntity[]): Promise<void> {
  if (notifications.length === 0) return;
  const deliveries = await deliveriesOf(tx, notifications.map((n) => n.recipientId), notifications[0].kind);
  for (const n of notifications) {
    if (deliveries.get(n.recipientId) !== MailDelivery.IMMEDIATE) continue;
    const found = await notificationLine(tx, n);
    if (!found) continue;
    const content: MailContent = {
      subject: `Common Ground: ${kindLabel(n.kind).toLowerCase()}`,
      greeting: `Hello ${found.facts.recipient_name},`,
      paragraphs: [found.line],
      action: { label: 'Open it in Common Ground', url: found.path },
    };
    await queueMail(tx, {
      key: `notification:${n.id}`,
      kind: n.kind,
      recipientId: n.recipientId,
      organisationId: n.organisationId,
      toAddress: found.facts.recipient_email,
      content,
      createdAt: n.createdAt,
    });
  }
}

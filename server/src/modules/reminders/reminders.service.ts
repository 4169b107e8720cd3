import { In, type DataSource, type EntityManager } from 'typeorm';
import { toGlobalId } from '../../common/relay';
import { abortableTransaction } from '../../db/abortable';
import { MailDelivery } from '../mail/mail.entity';
import { ReminderKind } from '../mail/mail.kinds';
import { deliveriesOf, type NewMail, queueMails } from '../mail/mail.outbox';
import { sendDigests } from '../mail/digest';
import { Role } from '../person/membership.entity';
import { activeRoleHolders } from '../person/membership.service';
import { PersonEntity } from '../person/person.entity';
import { flagMissedReviews } from '../sustainment/sustainment.service';
import {
  CONTRACT_PENDING_SQL,
  DECISION_DUE_SQL,
  DECISION_OVERDUE_SQL,
  PAIR_RHYTHM_SQL,
  PROGRESS_STALE_SQL,
  QUESTIONNAIRE_CLOSING_LEAD_DAYS,
  QUESTIONNAIRE_SQL,
  PROGRESS_STALE_DAYS,
} from './reminders.sql';

interface Reminder {
  kind: ReminderKind;
  recipientId: string;
  organisationId: string;
  /** The event this is about, without the recipient: the same event is reminded once per person. */
  event: string;
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
}

const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10);
const changePath = (id: string) => `/changes/${encodeURIComponent(toGlobalId('Change', id))}`;
const pairPath = (id: string) => `/pair/${encodeURIComponent(toGlobalId('Pair', id))}`;

const keyOf = (r: Reminder) => `${r.kind}:${r.event}:${r.recipientId}`;
/** How many keys or messages one statement carries. */
const BATCH = 2_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += BATCH) out.push(items.slice(at, at + BATCH));
  return out;
}

/**
 * Writes each reminder once (key: kind, event, recipient), unless its recipient turned the kind
 * off. A sweep finds again every reminder that is still due, and most of them an earlier sweep
 * wrote already, so those are set aside first, a batch of keys per statement; what is left reads
 * its recipients and their choices in a few statements and is written in batches. (One reminder
 * at a time cost three statements each: fourteen seconds a sweep on a large programme that had
 * nothing new to say.)
 */
async function send(tx: EntityManager, found: Reminder[]): Promise<number> {
  const unique = [...new Map(found.map((r) => [keyOf(r), r])).values()];
  const written = new Set<string>();
  for (const keys of chunks(unique.map(keyOf))) {
    for (const row of await tx.query(`SELECT key FROM mail_message WHERE key = ANY($1::text[])`, [keys])) written.add(row.key);
  }
  const reminders = unique.filter((r) => !written.has(keyOf(r)));
  if (reminders.length === 0) return 0;

  const turnedOff = new Set<string>();
  for (const kind of new Set(reminders.map((r) => r.kind))) {
    const recipients = [...new Set(reminders.filter((r) => r.kind === kind).map((r) => r.recipientId))];
    for (const [personId, delivery] of await deliveriesOf(tx, recipients, kind)) if (delivery === MailDelivery.OFF) turnedOff.add(`${kind}:${personId}`);
  }
  const wanted = reminders.filter((r) => !turnedOff.has(`${r.kind}:${r.recipientId}`));
  const people = new Map<string, PersonEntity>();
  for (const ids of chunks([...new Set(wanted.map((r) => r.recipientId))])) {
    for (const person of await tx.getRepository(PersonEntity).findBy({ id: In(ids) })) people.set(person.id, person);
  }
  const mails: NewMail[] = wanted
    .filter((r) => people.has(r.recipientId))
    .map((r) => {
      const person = people.get(r.recipientId)!;
      return {
        key: keyOf(r),
        kind: r.kind,
        recipientId: r.recipientId,
        organisationId: r.organisationId,
        toAddress: person.email,
        content: { subject: `Common Ground: ${r.subject}`, greeting: `Hello ${person.displayName},`, paragraphs: r.paragraphs, action: r.action },
      };
    });
  let queued = 0;
  for (const batch of chunks(mails)) queued += await queueMails(tx, batch);
  return queued;
}

type Row = Record<string, any>;

async function decisionReminders(tx: EntityManager, now: Date): Promise<Reminder[]> {
  const due: Row[] = await tx.query(DECISION_DUE_SQL, [now]);
  const overdue: Row[] = await tx.query(DECISION_OVERDUE_SQL, [now]);
  // The owner first, then the managers: escalation follows the reminder, never precedes it.
  return [
    ...due.map((c) => ({
      kind: ReminderKind.DECISION_DUE,
      recipientId: c.recipient_id,
      organisationId: c.organisation_id,
      event: `${c.id}:${new Date(c.submitted_at).toISOString()}`,
      subject: `your decision on “${c.title}” is due by ${day(c.due_at)}`,
      paragraphs: [`The change “${c.title}” was submitted for your decision on ${day(c.submitted_at)}. Please approve it, reject it or ask for changes by ${day(c.due_at)}.`],
      action: { label: 'Open your decision queue', url: '/decisions' },
    })),
    ...overdue.map((c) => ({
      kind: ReminderKind.DECISION_OVERDUE,
      recipientId: c.recipient_id,
      organisationId: c.organisation_id,
      event: `${c.id}:${new Date(c.submitted_at).toISOString()}`,
      subject: `the decision on “${c.title}” is overdue`,
      paragraphs: [`${c.owner_name} was asked to decide the change “${c.title}” by ${day(c.due_at)}, and has not yet. They were reminded before it fell due.`],
      action: { label: 'Open the change', url: changePath(c.id) },
    })),
  ];
}

async function pairReminders(tx: EntityManager, now: Date): Promise<Reminder[]> {
  const pairs: Row[] = await tx.query(PAIR_RHYTHM_SQL, [now]);
  const reminders: Reminder[] = [];
  const quietIn = [...new Set(pairs.filter((p) => p.quiet).map((p) => p.organisation_id as string))];
  const managers = await activeRoleHolders(tx, quietIn, Role.PROGRAMME_MANAGER);
  for (const p of pairs) {
    if (p.quiet) {
      for (const manager of managers.get(p.organisation_id)!) {
        reminders.push({
          kind: ReminderKind.PAIR_QUIET,
          recipientId: manager,
          organisationId: p.organisation_id,
          event: `${p.id}:${p.last_held ?? 'none'}`,
          subject: `${p.senior_name} and ${p.junior_name} have gone quiet`,
          paragraphs: [
            p.last_held
              ? `${p.senior_name} and ${p.junior_name} have not logged a co-learning session since ${p.last_held}.`
              : `${p.senior_name} and ${p.junior_name} have not logged a co-learning session yet.`,
            'You can nudge them from the dashboard.',
          ],
          action: { label: 'Open the dashboard', url: '/insight' },
        });
      }
    } else if (!p.booked && p.due_on && p.due_on <= day(now)) {
      // A session booked ahead answers the reminder already.
      for (const [me, partner] of [[p.senior_id, p.junior_name], [p.junior_id, p.senior_name]]) {
        reminders.push({
          kind: ReminderKind.SESSION_DUE,
          recipientId: me,
          organisationId: p.organisation_id,
          event: `${p.id}:${p.due_on}`,
          subject: `your next session with ${partner} is due`,
          paragraphs: [`By your contract's cadence your next co-learning session with ${partner} was due on ${p.due_on}. When you have met, log it in Common Ground.`],
          action: { label: 'Open your pair', url: pairPath(p.id) },
        });
      }
    }
  }
  return reminders;
}

async function contractReminders(tx: EntityManager, now: Date): Promise<Reminder[]> {
  const pending: Row[] = await tx.query(CONTRACT_PENDING_SQL, [now]);
  return pending.map((v) => ({
    kind: ReminderKind.CONTRACT_AGREEMENT_PENDING,
    recipientId: v.recipient_id,
    organisationId: v.organisation_id,
    event: v.id,
    subject: `version ${v.version} of your contract awaits your agreement`,
    paragraphs: [`${v.partner_name} agreed version ${v.version} of your co-learning contract. It takes effect once you agree it too, or propose changes.`],
    action: { label: 'Read the contract', url: pairPath(v.pair_id) },
  }));
}

async function progressReminders(tx: EntityManager, now: Date): Promise<Reminder[]> {
  const stale: Row[] = await tx.query(PROGRESS_STALE_SQL, [now]);
  return stale.flatMap((c) =>
    [c.owner_id, c.senior_id, c.junior_id].map((recipientId: string) => ({
      kind: ReminderKind.PROGRESS_STALE,
      recipientId,
      organisationId: c.organisation_id,
      event: `${c.id}:${new Date(c.last_progress_at).toISOString()}`,
      subject: `no progress reported on “${c.title}” for ${PROGRESS_STALE_DAYS} days`,
      paragraphs: [`The change “${c.title}” is in progress, and nobody has reported progress on it since ${day(c.last_progress_at)}. Its owner reports progress in Common Ground.`],
      action: { label: 'Open the change', url: changePath(c.id) },
    })),
  );
}

async function questionnaireReminders(tx: EntityManager, now: Date): Promise<Reminder[]> {
  const rows: Row[] = await tx.query(QUESTIONNAIRE_SQL, [now]);
  const reminders: Reminder[] = [];
  for (const q of rows) {
    if (q.answered) continue;
    reminders.push({
      kind: ReminderKind.QUESTIONNAIRE_OPENED,
      recipientId: q.recipient_id,
      organisationId: q.organisation_id,
      event: q.id,
      subject: `“${q.title}” is open`,
      paragraphs: [`Your programme's questionnaire, “${q.title}”, is open. Answers are anonymous and read only in groups of five or more.`],
      action: { label: 'Answer the questionnaire', url: '/questionnaires' },
    });
    if (q.closing) {
      reminders.push({
        kind: ReminderKind.QUESTIONNAIRE_CLOSING,
        recipientId: q.recipient_id,
        organisationId: q.organisation_id,
        event: q.id,
        subject: `“${q.title}” closes soon`,
        paragraphs: [`The programme ends on ${q.ends_on}, and “${q.title}” closes with it, in ${QUESTIONNAIRE_CLOSING_LEAD_DAYS} days or fewer. You have not answered yet.`],
        action: { label: 'Answer the questionnaire', url: '/questionnaires' },
      });
    }
  }
  return reminders;
}

/**
 * The scheduled sweep: every reminder and escalation due at `now`, then the daily digests. Run by
 * the job runner every ten minutes with the real clock, and by tests with any clock. Idempotent:
 * each message has a key per event and recipient, so sweeping again (or from two processes) adds
 * nothing. Returns how many messages it wrote. `signal` ends it part-way (a stopping server):
 * then it writes nothing at all, and the next sweep does the work.
 */
export async function runReminderSweep(db: DataSource, now: Date, signal?: AbortSignal): Promise<number> {
  return abortableTransaction(db, signal, async (tx) => {
    const reminders = [
      ...(await decisionReminders(tx, now)),
      ...(await pairReminders(tx, now)),
      ...(await contractReminders(tx, now)),
      ...(await progressReminders(tx, now)),
      ...(await questionnaireReminders(tx, now)),
    ];
    // Missed sustainment reviews are flagged and notified (in-app, and mailed by each manager's choice).
    const missed = await flagMissedReviews(tx, now);
    return missed + (await send(tx, reminders)) + (await sendDigests(tx, now));
  });
}

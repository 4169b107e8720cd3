import type { EntityManager } from 'typeorm';

import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf, paginate } from '../../common/relay';
import { In } from 'typeorm';
import { Change } from '../change/change.type';
import { CONFLICT_SQL } from './adoption-confirmation';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { BarrierEntity, BarrierStatus } from '../barrier/barrier.entity';
import { BarrierService } from '../barrier/barrier.service';
import { ChangeEntity, ChangeStatus } from '../change/change.entity';
import { EventKind } from '../history/event.entity';
import { recordEvent } from '../history/history.service';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { PairEntity } from '../pair/pair.entity';
import { Role } from '../person/membership.entity';
import { activeRoleHolders } from '../person/membership.service';
import { MeasureValueEntity, MeasureValueSource, SustainmentReviewEntity } from './sustainment.entity';
import type { RecordSustainmentReviewInput } from './sustainment.inputs';
import { openReviewOf, sustainmentPolicy } from './sustainment.policy';

/** The review months a programme sets by default. */
export const DEFAULT_REVIEW_MONTHS = [6, 12];

/** The day `months` after `isoDay`, clamped to the month's end (31 August + 6 months is 28/29 February). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export class SustainmentService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /**
   * At confirmed adoption, inside the confirming transaction: one review per month the programme
   * sets, due that many months on; and the measures' values at adoption as the first points.
   */
  async startInTransaction(tx: EntityManager, change: ChangeEntity, actorId: string): Promise<void> {
    const programme: { review_months: number[] }[] = await tx.query(
      `SELECT pr.review_months FROM pair p JOIN programme pr ON pr.id = p.programme_id WHERE p.id = $1`,
      [change.pairId],
    );
    const months = [...new Set(programme[0]?.review_months ?? DEFAULT_REVIEW_MONTHS)].sort((a, b) => a - b);
    const adoptedOn = (change.adoptedAt ?? new Date()).toISOString().slice(0, 10);
    if (months.length) {
      await tx
        .getRepository(SustainmentReviewEntity)
        .createQueryBuilder()
        .insert()
        .values(months.map((m) => ({ organisationId: change.organisationId, changeId: change.id, months: m, dueOn: addMonths(adoptedOn, m) })))
        .orIgnore()
        .execute();
    }
    const values = change.successMeasures.filter((m) => m.current != null);
    if (values.length) {
      await tx.getRepository(MeasureValueEntity).insert(
        values.map((m) => ({ organisationId: change.organisationId, changeId: change.id, metric: m.metric, value: m.current!, source: MeasureValueSource.ADOPTION, recordedById: actorId, recordedAt: change.adoptedAt ?? new Date() })),
      );
    }
  }

  /**
   * The owner records the next open review: still in force or not, a note, and each measure's value
   * now (new points; nothing is overwritten). "No longer in force" cancels the later reviews,
   * reopens the barrier with the reason in its history, and tells the pair.
   */
  async recordReview(input: RecordSustainmentReviewInput): Promise<ChangeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const change = await findForUpdate(tx, ChangeEntity, idOf(input.changeId, 'Change'));
      if (!change || !this.viewer.isMemberOf(change.organisationId)) throw notFound('That change');
      if (!sustainmentPolicy.mayRecord(this.viewer, change)) throw forbidden("Only the change's owner records its sustainment reviews.");
      if (input.expectedVersion != null && input.expectedVersion !== change.version) {
        throw new DomainError(UserErrorCode.CONFLICT, 'Someone else changed this a moment ago. Reload and try again.', ['input', 'expectedVersion']);
      }
      const reviews = await tx.getRepository(SustainmentReviewEntity).find({ where: { changeId: change.id }, order: { months: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const review = change.status === ChangeStatus.ADOPTED ? openReviewOf(reviews) : undefined;
      if (!review) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This change has no sustainment review open: only an adopted change still in force is reviewed.');
      const note = input.note?.trim() || null;
      if (!input.inForce && (!note || note.length < 5)) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Say why the change is no longer in force.', ['input', 'note']);
      }
      const points = this.checkedValues(change, input.measures);

      const now = new Date();
      review.recordedAt = now;
      review.recordedById = this.viewer.personId;
      review.inForce = input.inForce;
      review.note = note;
      await tx.getRepository(SustainmentReviewEntity).save(review);
      if (points.length) {
        await tx.getRepository(MeasureValueEntity).insert(
          points.map((p) => ({ organisationId: change.organisationId, changeId: change.id, reviewId: review.id, metric: p.metric, value: p.value, source: MeasureValueSource.REVIEW, recordedById: this.viewer.personId })),
        );
        // The change's "current" shows the latest value; the series keeps every one.
        change.successMeasures = change.successMeasures.map((m) => ({ ...m, current: points.find((p) => p.metric === m.metric)?.value ?? m.current }));
      }
      const saved = await tx.getRepository(ChangeEntity).save(change);
      await recordEvent(tx, {
        organisationId: change.organisationId,
        kind: EventKind.CHANGE_REVIEW_RECORDED,
        actorId: this.viewer.personId,
        barrierId: change.barrierId,
        changeId: change.id,
        fromStatus: change.status,
        toStatus: change.status,
        detail: { months: review.months, inForce: input.inForce, note },
      });
      if (!input.inForce) await this.lapse(tx, change, reviews, review, note!);
      return saved;
    });
  }

  private async lapse(tx: EntityManager, change: ChangeEntity, reviews: SustainmentReviewEntity[], review: SustainmentReviewEntity, reason: string): Promise<void> {
    const later = reviews.filter((r) => r.months > review.months && !r.recordedAt && !r.cancelledAt).map((r) => r.id);
    if (later.length) await tx.getRepository(SustainmentReviewEntity).update(later, { cancelledAt: new Date() });
    const barrier = await tx.getRepository(BarrierEntity).findOneByOrFail({ id: change.barrierId });
    if (barrier.status !== BarrierStatus.OPEN) {
      await new BarrierService(this.ctx).moveInTransaction(tx, barrier, BarrierStatus.OPEN, this.viewer.personId, {
        reason: `“${change.title}” is no longer in force (${review.months}-month review): ${reason}`,
        changeId: change.id,
      });
    }
    const pair = await tx.getRepository(PairEntity).findOneByOrFail({ id: change.pairId });
    await notify(tx, [pair.seniorId, pair.juniorId], {
      organisationId: change.organisationId,
      kind: NotificationKind.CHANGE_LAPSED,
      actorId: this.viewer.personId,
      barrierId: change.barrierId,
      changeId: change.id,
      detail: { months: review.months, reason },
    });
  }

  /**
   * Adoptions awaiting the viewer's confirmation, oldest request first: as owner where the owner has
   * no conflict of interest, as sponsor (outside the pair and not the owner) where the owner has one.
   */
  adoptionsToConfirm(args: { first: number; after?: string | null }) {
    const sponsorOf = this.viewer.memberships.filter((m) => m.roles.includes(Role.SPONSOR)).map((m) => m.organisationId);
    const query = this.ctx.db
      .getRepository(ChangeEntity)
      .createQueryBuilder('c')
      .where({ status: ChangeStatus.ADOPTION_REQUESTED })
      .andWhere(this.viewer.organisationIds.length ? { organisationId: In(this.viewer.organisationIds) } : '1 = 0')
      .andWhere(
        `((c.owner_id = :me AND NOT ${CONFLICT_SQL})
          OR (c.organisation_id = ANY(:sponsorOf::uuid[]) AND c.owner_id <> :me AND ${CONFLICT_SQL}
              AND NOT EXISTS (SELECT 1 FROM pair mp WHERE mp.id = c.pair_id AND :me IN (mp.senior_id, mp.junior_id))))`,
        { me: this.viewer.personId, sponsorOf },
      );
    return paginate(
      query,
      { name: 'confirm', direction: 'ASC', keys: [{ sql: 'c.updated_at', value: (c) => c.updatedAt }, { sql: 'c.id', value: (c) => c.id }] },
      { first: args.first, after: args.after },
      Change.from,
    );
  }

  private checkedValues(change: ChangeEntity, values: RecordSustainmentReviewInput['measures']): { metric: string; value: number }[] {
    const seen = new Set<string>();
    return values.map((v) => {
      const measure = change.successMeasures.find((m) => m.metric.toLowerCase() === v.metric.trim().toLowerCase());
      if (!measure) throw new DomainError(UserErrorCode.INVALID_INPUT, `This change has no measure called "${v.metric}".`, ['input', 'measures']);
      if (seen.has(measure.metric)) throw new DomainError(UserErrorCode.INVALID_INPUT, `"${measure.metric}" is given twice.`, ['input', 'measures']);
      seen.add(measure.metric);
      return { metric: measure.metric, value: v.current };
    });
  }
}

/**
 * For the scheduled sweep (reminders.service.ts), with any clock: every review whose day has passed
 * without a record is flagged once, recorded in the change's history, and the organisation's
 * programme managers are told (in-app, and by email through the notification's mail). SKIP LOCKED
 * and the missed_at mark keep two processes sweeping at once to one message.
 */
export async function flagMissedReviews(tx: EntityManager, now: Date): Promise<number> {
  const due: { id: string; change_id: string; months: number; due_on: string; organisation_id: string; owner_id: string; barrier_id: string; status: string }[] = await tx.query(
    `SELECT r.id, r.change_id, r.months, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.organisation_id, c.owner_id, c.barrier_id, c.status
       FROM sustainment_review r JOIN change_proposal c ON c.id = r.change_id
      WHERE r.due_on < $1::date AND r.recorded_at IS NULL AND r.cancelled_at IS NULL AND r.missed_at IS NULL
      ORDER BY r.due_on
      FOR UPDATE OF r SKIP LOCKED`,
    [now.toISOString().slice(0, 10)],
  );
  const managers = await activeRoleHolders(tx, [...new Set(due.map((r) => r.organisation_id))], Role.PROGRAMME_MANAGER);
  for (const r of due) {
    await tx.getRepository(SustainmentReviewEntity).update(r.id, { missedAt: now });
    await recordEvent(tx, {
      organisationId: r.organisation_id,
      kind: EventKind.CHANGE_REVIEW_MISSED,
      actorId: r.owner_id,
      barrierId: r.barrier_id,
      changeId: r.change_id,
      fromStatus: r.status,
      toStatus: r.status,
      detail: { months: r.months, dueOn: r.due_on },
    });
    await notify(tx, managers.get(r.organisation_id)!, {
      organisationId: r.organisation_id,
      kind: NotificationKind.SUSTAINMENT_REVIEW_MISSED,
      actorId: r.owner_id,
      barrierId: r.barrier_id,
      changeId: r.change_id,
      detail: { months: r.months, dueOn: r.due_on },
    });
  }
  return due.length;
}


import type { EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf, toGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import type { PairEntity } from '../pair/pair.entity';
import { PairService } from '../pair/pair.service';
import { calendarUid, type CalendarEvent } from './scheduling.calendar';
import { BookingStatus, SessionBookingEntity, SessionType } from './scheduling.entity';
import type { AcceptSessionInput, CancelSessionInput, ProposeSessionInput, RescheduleSessionInput } from './scheduling.inputs';
import { mailInvitation } from './scheduling.mail';
import { schedulingPolicy } from './scheduling.policy';
import { canMove, refusal, type BookingAction } from './scheduling.workflow';
import { fromLocal } from './wall-time';

/** A booking's calendar event as it stands. */
export function bookingEvent(booking: SessionBookingEntity): CalendarEvent {
  return {
    uid: calendarUid('booking', booking.id),
    sequence: booking.sequence,
    localStart: booking.localStart ?? booking.proposedStarts[0],
    timeZone: booking.timeZone,
    durationMinutes: booking.durationMinutes,
    location: booking.location,
    videoLink: booking.videoLink,
    cancelled: booking.status === BookingStatus.CANCELLED,
    stamp: booking.revisedAt,
  };
}

/** The instant of a local time that must exist in the zone and lie ahead; a userError otherwise. */
export function futureInstant(local: string, zone: string, field: string[]): Date {
  const instant = fromLocal(local, zone);
  if (!instant) throw new DomainError(UserErrorCode.INVALID_INPUT, `${local.replace('T', ' ')} is not a time that exists in ${zone} (clocks go forward then): choose another.`, field);
  if (instant.getTime() <= Date.now()) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a time in the future.', field);
  return instant;
}

export async function timeZoneOf(tx: EntityManager, organisationId: string): Promise<string> {
  return (await tx.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId })).timeZone;
}

export class SchedulingService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** Locks a booking and its pair; NOT_FOUND unless the viewer is one of the pair. */
  private async lockBooking(tx: EntityManager, bookingGlobalId: string): Promise<{ booking: SessionBookingEntity; pair: PairEntity }> {
    const booking = await findForUpdate(tx, SessionBookingEntity, idOf(bookingGlobalId, 'SessionBooking'));
    const pair = booking && (await new PairService(this.ctx).lockVisible(tx, toGlobalId('Pair', booking.pairId)).catch(() => null));
    if (!booking || !pair || !schedulingPolicy.canSee(this.viewer, pair)) throw notFound('That session');
    return { booking, pair };
  }

  private assertCan(booking: SessionBookingEntity, action: BookingAction) {
    if (!canMove(booking.status, action)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, refusal(booking.status, action));
  }

  private async announce(tx: EntityManager, pair: PairEntity, booking: SessionBookingEntity, kind: NotificationKind) {
    const pairIds = [pair.seniorId, pair.juniorId];
    await notify(tx, pairIds, { organisationId: pair.organisationId, kind, actorId: this.viewer.personId, pairId: pair.id, detail: { booking: booking.id } }, { mail: false });
    await mailInvitation(tx, this.ctx.config, {
      kind,
      key: `booking:${booking.id}`,
      organisationId: pair.organisationId,
      recipientIds: pairIds,
      event: bookingEvent(booking),
      path: `/pair/${encodeURIComponent(toGlobalId('Pair', pair.id))}`,
    });
  }

  /** One co-learner offers one or more times; the partner is asked to accept one. */
  async propose(input: ProposeSessionInput): Promise<SessionBookingEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await new PairService(this.ctx).lockVisible(tx, input.pairId);
      if (!schedulingPolicy.canSee(this.viewer, pair)) throw forbidden('Only the two co-learners book their sessions.');
      if (!schedulingPolicy.canPropose(this.viewer, pair)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Agree your contract first: sessions are booked for an active pair.');
      if (input.sessionType === SessionType.GROUP) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Group sessions are scheduled by a programme manager or facilitator.', ['input', 'sessionType']);
      const zone = await timeZoneOf(tx, pair.organisationId);
      const starts = [...new Set(input.starts)];
      starts.forEach((local, index) => futureInstant(local, zone, ['input', 'starts', String(index)]));
      const bookings = tx.getRepository(SessionBookingEntity);
      const booking = await bookings.save(
        bookings.create({
          pairId: pair.id,
          organisationId: pair.organisationId,
          proposedById: this.viewer.personId,
          sessionType: input.sessionType,
          proposedStarts: starts,
          timeZone: zone,
          durationMinutes: input.durationMinutes,
          location: input.location?.trim() || null,
          videoLink: input.videoLink?.trim() || null,
          revisedAt: new Date(),
        }),
      );
      await notify(tx, [pair.seniorId, pair.juniorId], { organisationId: pair.organisationId, kind: NotificationKind.SESSION_PROPOSED, actorId: this.viewer.personId, pairId: pair.id, detail: { booking: booking.id } });
      return booking;
    });
  }

  /** The partner accepts one of the offered times; both get the calendar invitation. */
  async accept(input: AcceptSessionInput): Promise<SessionBookingEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { booking, pair } = await this.lockBooking(tx, input.bookingId);
      this.assertCan(booking, 'accept');
      if (!schedulingPolicy.canAccept(this.viewer, pair, booking)) throw forbidden('Your partner accepts the times you offered.');
      if (!booking.proposedStarts.includes(input.start)) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose one of the times offered.', ['input', 'start']);
      booking.startsAt = futureInstant(input.start, booking.timeZone, ['input', 'start']);
      booking.localStart = input.start;
      booking.status = BookingStatus.ACCEPTED;
      booking.revisedAt = new Date();
      const saved = await tx.getRepository(SessionBookingEntity).save(booking);
      await this.announce(tx, pair, saved, NotificationKind.SESSION_BOOKED);
      return saved;
    });
  }

  /** Moves a booked session: the same calendar event, a higher sequence. */
  async reschedule(input: RescheduleSessionInput): Promise<SessionBookingEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { booking, pair } = await this.lockBooking(tx, input.bookingId);
      if (!schedulingPolicy.canChange(this.viewer, pair)) throw forbidden('Only the two co-learners move their sessions.');
      this.assertCan(booking, 'reschedule');
      booking.startsAt = futureInstant(input.start, booking.timeZone, ['input', 'start']);
      booking.localStart = input.start;
      if (input.durationMinutes) booking.durationMinutes = input.durationMinutes;
      if (input.location !== undefined) booking.location = input.location?.trim() || null;
      if (input.videoLink !== undefined) booking.videoLink = input.videoLink?.trim() || null;
      booking.sequence += 1;
      booking.revisedAt = new Date();
      const saved = await tx.getRepository(SessionBookingEntity).save(booking);
      await this.announce(tx, pair, saved, NotificationKind.SESSION_RESCHEDULED);
      return saved;
    });
  }

  /** Withdraws an offer or cancels a booked session; a booked one's invitation is cancelled in calendars. */
  async cancel(input: CancelSessionInput): Promise<SessionBookingEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { booking, pair } = await this.lockBooking(tx, input.bookingId);
      this.assertCan(booking, 'cancel');
      const wasBooked = booking.status === BookingStatus.ACCEPTED;
      booking.status = BookingStatus.CANCELLED;
      booking.sequence += 1;
      booking.revisedAt = new Date();
      const saved = await tx.getRepository(SessionBookingEntity).save(booking);
      if (wasBooked) await this.announce(tx, pair, saved, NotificationKind.SESSION_CANCELLED);
      else await notify(tx, [pair.seniorId, pair.juniorId], { organisationId: pair.organisationId, kind: NotificationKind.SESSION_CANCELLED, actorId: this.viewer.personId, pairId: pair.id, detail: { booking: booking.id } });
      return saved;
    });
  }

  /**
   * Called by the pair service when a session is logged against a booking: the booking becomes
   * HELD and points at the log. Its type is the booking's unless the log says otherwise.
   */
  static async markHeld(tx: EntityManager, pair: PairEntity, bookingGlobalId: string, sessionId: string): Promise<void> {
    const booking = await findForUpdate(tx, SessionBookingEntity, idOf(bookingGlobalId, 'SessionBooking'));
    if (!booking || booking.pairId !== pair.id) throw new DomainError(UserErrorCode.NOT_FOUND, 'That booking is not one of this pair’s.', ['input', 'bookingId']);
    if (!canMove(booking.status, 'log')) throw new DomainError(UserErrorCode.INVALID_TRANSITION, refusal(booking.status, 'log'), ['input', 'bookingId']);
    await tx.getRepository(SessionBookingEntity).update({ id: booking.id }, { status: BookingStatus.HELD, loggedSessionId: sessionId });
  }

  /** The booking's type, to default a log's type from. */
  static async typeOf(tx: EntityManager, bookingGlobalId: string): Promise<SessionType | null> {
    const booking = await tx.getRepository(SessionBookingEntity).findOneBy({ id: idOf(bookingGlobalId, 'SessionBooking') });
    return booking?.sessionType ?? null;
  }

  /** A pair's bookings still to come or to answer, soonest first. */
  async openBookings(pair: PairEntity): Promise<SessionBookingEntity[]> {
    if (!schedulingPolicy.canSee(this.viewer, pair)) return [];
    return this.ctx.db
      .getRepository(SessionBookingEntity)
      .createQueryBuilder('b')
      .where('b.pair_id = :pair', { pair: pair.id })
      .andWhere(`(b.status = 'PROPOSED' OR (b.status = 'ACCEPTED' AND b.starts_at + make_interval(mins => b.duration_minutes) > now()))`)
      .orderBy('b.starts_at', 'ASC', 'NULLS LAST')
      .addOrderBy('b.created_at', 'ASC')
      .limit(50)
      .getMany();
  }

  /** A booking the viewer may read (its pair), or null. */
  async visible(id: string): Promise<SessionBookingEntity | null> {
    const booking = await this.ctx.db.getRepository(SessionBookingEntity).findOneBy({ id });
    const pair = booking && (await this.ctx.loaders.pair.pair.load(booking.pairId));
    return booking && pair && schedulingPolicy.canSee(this.viewer, pair) ? booking : null;
  }
}

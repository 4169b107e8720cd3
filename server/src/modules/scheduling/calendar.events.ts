import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { GroupSessionEntity } from '../group-session/group-session.entity';
import { groupSessionPolicy } from '../group-session/group-session.policy';
import { GroupSessionService, groupEvent } from '../group-session/group-session.service';
import { PairEntity } from '../pair/pair.entity';
import type { EventFinder } from './calendar.router';
import { BookingStatus, SessionBookingEntity } from './scheduling.entity';
import { schedulingPolicy } from './scheduling.policy';
import { bookingEvent } from './scheduling.service';

/** The calendar events behind /calendar/sessions/:id.ics: a pair's booking (once a time is agreed) or a group session. */
export const findCalendarEvent: EventFinder = async (db: DataSource, viewer: Viewer, type: string, id: string) => {
  if (type === 'SessionBooking') {
    const booking = await db.getRepository(SessionBookingEntity).findOneBy({ id });
    const pair = booking && (await db.getRepository(PairEntity).findOneBy({ id: booking.pairId }));
    if (!booking || !pair || !schedulingPolicy.canSee(viewer, pair) || booking.status === BookingStatus.PROPOSED || !booking.localStart) return null;
    return bookingEvent(booking);
  }
  if (type === 'GroupSession') {
    const session = await db.getRepository(GroupSessionEntity).findOneBy({ id });
    if (!session) return null;
    const invited = await GroupSessionService.isInvited(db.manager, session.id, viewer.personId);
    return groupSessionPolicy.canSee(viewer, session, invited) ? groupEvent(session) : null;
  }
  return null;
};

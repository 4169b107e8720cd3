import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { fromLocal } from './wall-time';

/**
 * What an invitation carries, and nothing more: the words "Co-learning session", the time, and
 * the place or link. Never names, topics, notes or journal text; the same file for every invitee.
 */
export interface CalendarEvent {
  /** Stable across reschedules: calendars update the event with this UID. */
  uid: string;
  sequence: number;
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  location: string | null;
  videoLink: string | null;
  cancelled: boolean;
  /** When this version of the event was written (DTSTAMP), so every download of it is identical. */
  stamp: Date;
}

export const CALENDAR_SUMMARY = 'Co-learning session';

export function calendarUid(kind: 'booking' | 'group', id: string): string {
  return `${kind}-${id}@common-ground`;
}

/** An RFC 5545 file for one event, with UTC times computed from the stored wall time and zone. */
export function renderCalendar(event: CalendarEvent, organizer: { name: string; email: string }): { method: 'REQUEST' | 'CANCEL'; ics: string } {
  const start = fromLocal(event.localStart, event.timeZone)!;
  const end = new Date(start.getTime() + event.durationMinutes * 60_000);
  const method = event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Common Ground', product: 'Common Ground', language: 'EN' }, method });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: event.stamp,
    start,
    end,
    summary: CALENDAR_SUMMARY,
    location: event.location ?? event.videoLink ?? undefined,
    url: event.videoLink ?? undefined,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
  });
  return { method: event.cancelled ? 'CANCEL' : 'REQUEST', ics: calendar.toString() };
}

/** "Common Ground <no-reply@x>" → its parts, for the ORGANIZER line. */
export function organizerOf(mailFrom: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match ? { name: match[1] || 'Common Ground', email: match[2] } : { name: 'Common Ground', email: mailFrom.trim() };
}

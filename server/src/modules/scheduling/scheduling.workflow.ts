import { BookingStatus } from './scheduling.entity';

export type BookingAction = 'accept' | 'reschedule' | 'cancel' | 'log';

/** Which status each action moves a booking from, and to. */
export const BOOKING_TRANSITIONS: Record<BookingAction, { from: BookingStatus[]; to: BookingStatus }> = {
  accept: { from: [BookingStatus.PROPOSED], to: BookingStatus.ACCEPTED },
  reschedule: { from: [BookingStatus.ACCEPTED], to: BookingStatus.ACCEPTED },
  cancel: { from: [BookingStatus.PROPOSED, BookingStatus.ACCEPTED], to: BookingStatus.CANCELLED },
  log: { from: [BookingStatus.ACCEPTED], to: BookingStatus.HELD },
};

const WORDS: Record<BookingAction, string> = { accept: 'accepted', reschedule: 'rescheduled', cancel: 'cancelled', log: 'logged' };

export function canMove(status: BookingStatus, action: BookingAction): boolean {
  return BOOKING_TRANSITIONS[action].from.includes(status);
}

/** The refusal, derived from the table. */
export function refusal(status: BookingStatus, action: BookingAction): string {
  const from = BOOKING_TRANSITIONS[action].from.map((s) => s.toLowerCase()).join(' or ');
  return `This session is ${status.toLowerCase()}: only a ${from} session can be ${WORDS[action]}.`;
}

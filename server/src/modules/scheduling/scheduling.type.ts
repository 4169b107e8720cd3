import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import { BookingStatus, type SessionBookingEntity, SessionType } from './scheduling.entity';

registerEnumType(SessionType, { name: 'SessionType', description: 'CONVERSATION (the pair talks), SHADOWING (a visit or shadowing day), GROUP (with other pairs).' });
registerEnumType(BookingStatus, { name: 'BookingStatus', description: 'PROPOSED → ACCEPTED → HELD (logged), or CANCELLED.' });

@ObjectType('SessionBooking', { implements: Node, description: "A planned session of a pair: proposed times, the one accepted, and its calendar invitation. The pair's alone." })
export class SessionBooking extends Node {
  entity: SessionBookingEntity;

  @Field(() => BookingStatus)
  status: BookingStatus;

  @Field(() => SessionType)
  sessionType: SessionType;

  @Field(() => [String], { description: 'Times offered, local wall times (YYYY-MM-DDTHH:mm) in `timeZone`.' })
  proposedStarts: string[];

  @Field(() => String, { nullable: true, description: 'The time agreed, local wall time in `timeZone`.' })
  localStart: string | null;

  @Field({ description: "The organisation's IANA time zone the times are in." })
  timeZone: string;

  @Field(() => Date, { nullable: true, description: 'The instant the agreed local time falls on.' })
  startsAt: Date | null;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  videoLink: string | null;

  @Field(() => Int, { description: 'The calendar event’s sequence: it rises with every reschedule and cancellation.' })
  sequence: number;

  @Field({ description: 'Where the invitation (.ics) downloads from, for the two co-learners.' })
  calendarUrl: string;

  static from(entity: SessionBookingEntity): SessionBooking {
    const id = toGlobalId('SessionBooking', entity.id);
    return Object.assign(new SessionBooking(), {
      entity,
      id,
      status: entity.status,
      sessionType: entity.sessionType,
      proposedStarts: entity.proposedStarts,
      localStart: entity.localStart,
      timeZone: entity.timeZone,
      startsAt: entity.startsAt,
      durationMinutes: entity.durationMinutes,
      location: entity.location,
      videoLink: entity.videoLink,
      sequence: entity.sequence,
      calendarUrl: `/calendar/sessions/${id}.ics`,
    });
  }
}

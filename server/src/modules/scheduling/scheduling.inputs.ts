import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SessionType } from './scheduling.entity';
import { LOCAL_TIME } from './wall-time';

const TIME_MESSAGE = 'Give a local time such as 2027-03-14T09:30.';

/** Where a session happens: a place, a video link, or both. Pair bookings and group sessions share it. */
@InputType('SessionPlaceInput', { description: 'Where a session happens (the fields of proposeSession, rescheduleSession and scheduleGroupSession).' })
export abstract class SessionPlaceInput {
  @Field(() => String, { nullable: true, description: 'Where to meet.' })
  @IsOptional()
  @Length(0, 200)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'A video call link (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Give the full https:// link of the call.' })
  videoLink?: string | null;
}

@InputType()
export class ProposeSessionInput extends SessionPlaceInput {
  @Field(() => ID)
  pairId: string;

  @Field(() => [String], { description: "Times to choose from, as local wall times in the organisation's time zone (YYYY-MM-DDTHH:mm)." })
  @ArrayMinSize(1, { message: 'Offer at least one time.' })
  @ArrayMaxSize(5, { message: 'Offer at most five times.' })
  @Matches(LOCAL_TIME, { each: true, message: TIME_MESSAGE })
  starts: string[];

  @Field(() => Int, { defaultValue: 60 })
  @Min(15, { message: 'A session lasts at least 15 minutes.' })
  @Max(480, { message: 'A session lasts at most 8 hours (a shadowing day).' })
  durationMinutes: number = 60;

  @Field(() => SessionType, { defaultValue: SessionType.CONVERSATION })
  sessionType: SessionType = SessionType.CONVERSATION;
}

@InputType()
export class AcceptSessionInput {
  @Field(() => ID)
  bookingId: string;

  @Field({ description: 'One of the times offered.' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  start: string;
}

@InputType()
export class RescheduleSessionInput extends SessionPlaceInput {
  @Field(() => ID)
  bookingId: string;

  @Field({ description: "The new local time (YYYY-MM-DDTHH:mm) in the organisation's time zone." })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  start: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(15)
  @Max(480)
  durationMinutes?: number | null;
}

@InputType()
export class CancelSessionInput {
  @Field(() => ID)
  bookingId: string;
}

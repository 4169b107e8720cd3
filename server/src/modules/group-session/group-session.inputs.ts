import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../common/relay';
import { LOCAL_TIME } from '../scheduling/wall-time';
import { SessionPlaceInput } from '../scheduling/scheduling.inputs';
import { GroupSessionKind } from './group-session.entity';

@InputType()
export class ScheduleGroupSessionInput extends SessionPlaceInput {
  @Field(() => ID)
  programmeId: string;

  @Field()
  @Length(3, 160, { message: 'Give the session a title of 3 to 160 characters.' })
  title: string;

  @Field(() => GroupSessionKind)
  kind: GroupSessionKind;

  @Field(() => [ID], { nullable: true, description: "The pairs invited; leave out for the programme's whole cohort (every active pair)." })
  @IsOptional()
  @ArrayMaxSize(200)
  pairIds?: string[] | null;

  @Field({ description: "Local wall time (YYYY-MM-DDTHH:mm) in the organisation's time zone." })
  @Matches(LOCAL_TIME, { message: 'Give a local time such as 2027-03-14T09:30.' })
  start: string;

  @Field(() => Int, { defaultValue: 90 })
  @Min(15)
  @Max(480)
  durationMinutes: number = 90;

  @Field(() => ID, { nullable: true, description: 'A person of the organisation who runs it; the managers can always run it.' })
  @IsOptional()
  facilitatorId?: string | null;
}

@InputType()
export class RecordGroupAttendanceInput {
  @Field(() => ID)
  groupSessionId: string;

  @Field(() => [ID], { description: 'The invitees who came (Person ids); every other invitee is recorded as absent.' })
  @ArrayMaxSize(400)
  attendeeIds: string[];
}

@InputType()
export class AddGroupLearningInput {
  @Field(() => ID)
  groupSessionId: string;

  @Field({ description: 'What the set learned, written without naming who said it.' })
  @Length(3, 4000, { message: 'Write the learning in 3 to 4000 characters.' })
  body: string;
}

@InputType()
export class RescheduleGroupSessionInput {
  @Field(() => ID)
  groupSessionId: string;

  @Field({ description: "The new local wall time (YYYY-MM-DDTHH:mm) in the organisation's time zone." })
  @Matches(LOCAL_TIME, { message: 'Give a local time such as 2027-03-14T09:30.' })
  start: string;
}

@InputType()
export class CancelGroupSessionInput {
  @Field(() => ID)
  groupSessionId: string;
}

@ArgsType()
export class GroupSessionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;
}

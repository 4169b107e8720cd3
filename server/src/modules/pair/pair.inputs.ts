import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { ConnectionArgs } from '../../common/relay';
import { Cadence } from '../programme/programme.entity';
import { PairStatus } from './pair.entity';
import { SessionType } from '../scheduling/session-type';

@InputType()
export class CreatePairInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => ID, { description: 'The senior co-learner (a Person id).' })
  seniorId: string;

  @Field(() => ID, { description: 'The junior co-learner (a Person id).' })
  juniorId: string;
}

@InputType()
export class NudgePairInput {
  @Field(() => ID)
  pairId: string;

  @Field(() => String, { nullable: true, description: 'A word from the manager, shown to both co-learners.' })
  @IsOptional()
  @Length(0, 500, { message: 'Keep the message under 500 characters.' })
  message?: string | null;
}

@InputType()
export class EndPairInput {
  @Field(() => ID)
  pairId: string;

  @Field()
  @Length(3, 1000, { message: 'Say briefly why the pair is ending.' })
  reason: string;
}

@InputType()
export class ProposeContractInput {
  @Field(() => ID)
  pairId: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'Name at least one focus topic.' })
  @ArrayMaxSize(12)
  @Length(2, 120, { each: true, message: 'Each topic needs 2 to 120 characters.' })
  focusTopics: string[];

  @Field(() => Cadence)
  cadence: Cadence;

  @Field()
  @Length(5, 4000, { message: 'Write the ground rules you agree (at least a sentence).' })
  groundRules: string;

  @Field()
  @Length(5, 4000, { message: 'Say what stays between you and what may be shared.' })
  confidentiality: string;
}

@InputType()
export class AgreeContractInput {
  @Field(() => ID)
  pairId: string;

  @Field(() => Int, { description: 'The version you read; agreeing an outdated version is refused.' })
  version: number;
}

@InputType()
export class LogSessionInput {
  @Field(() => ID)
  pairId: string;

  @Field({ description: 'YYYY-MM-DD; not in the future.' })
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-03-14.' })
  heldOn: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'Name at least one topic you discussed.' })
  @ArrayMaxSize(12)
  @Length(2, 120, { each: true })
  topics: string[];

  @Field(() => String, { nullable: true, description: 'Readable by the two of you only; stored encrypted.' })
  @IsOptional()
  @Length(0, 20000)
  privateNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  sharedTakeaways?: string | null;

  @Field(() => SessionType, { nullable: true, description: "What kind of session it was; the booking's type when logged against one, else a conversation." })
  @IsOptional()
  sessionType?: SessionType | null;

  @Field(() => ID, { nullable: true, description: 'The booked session this log records; the booking becomes HELD.' })
  @IsOptional()
  bookingId?: string | null;
}

@ArgsType()
export class PairsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field({ defaultValue: false, description: "Only the viewer's own pairs." })
  mine: boolean = false;

  @Field(() => [PairStatus], { nullable: true })
  status?: PairStatus[] | null;
}

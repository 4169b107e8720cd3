import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AffectedGroup } from '../barrier/barrier.entity';
import { Availability } from './matching.entity';
import { MatchingFocus } from './matching.rules';

@InputType()
export class SaveMatchingProfileInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => [String], { description: 'Topics to explore, e.g. "flexible working" (up to 10).' })
  @ArrayMaxSize(10, { message: 'Choose up to 10 topics.' })
  @Length(2, 80, { each: true, message: 'Each topic needs 2 to 80 characters.' })
  topics: string[];

  @Field(() => [Availability])
  @IsEnum(Availability, { each: true })
  availability: Availability[];

  @Field(() => String, { nullable: true, description: 'What they hope to learn; optional.' })
  @IsOptional()
  @MaxLength(2000, { message: 'Keep your hopes under 2,000 characters.' })
  hopes?: string | null;

  @Field(() => [AffectedGroup], { description: 'Protected characteristics the person chooses to tell the programme about; optional.' })
  @IsEnum(AffectedGroup, { each: true })
  volunteeredCharacteristics: AffectedGroup[];

  @Field({ description: 'Whether the assistant may use the volunteered characteristics for matching; without it they are never used.' })
  @IsBoolean()
  useCharacteristics: boolean;
}

@InputType()
export class ProgrammeMatchingInput {
  @Field(() => ID)
  programmeId: string;
}

@InputType()
export class RunMatchingInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => MatchingFocus, { defaultValue: MatchingFocus.MUTUAL })
  focus: MatchingFocus;

  @Field(() => Int, { nullable: true, description: 'People at or above this grade are seniors; left out, the grade that splits the cohort most evenly.' })
  @IsOptional()
  @IsInt()
  @Min(2, { message: 'Give a grade from 2 to 20.' })
  @Max(20, { message: 'Give a grade from 2 to 20.' })
  seniorFromGrade?: number | null;
}

@InputType()
export class SetMatchingProposalFixedInput {
  @Field(() => ID)
  proposalId: string;

  @Field()
  fixed: boolean;
}

@InputType()
export class FixMatchingCoupleInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => ID, { description: 'The senior (a Person id).' })
  seniorId: string;

  @Field(() => ID, { description: 'The junior (a Person id).' })
  juniorId: string;

  @Field(() => ID, { nullable: true, description: 'The proposal this couple replaces, if any.' })
  @IsOptional()
  replacesProposalId?: string | null;
}

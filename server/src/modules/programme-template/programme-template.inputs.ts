import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { ProgrammeTemplateKey } from './templates';

@InputType({ description: 'A new PLANNED programme with everything the template prefills, to edit afterwards.' })
export class CreateProgrammeFromTemplateInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the viewer's home organisation." })
  organisationId?: string | null;

  @Field(() => ProgrammeTemplateKey)
  templateKey: ProgrammeTemplateKey;

  @Field()
  @Length(2, 160, { message: 'Give a name of 2 to 160 characters.' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  description?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-01-31.' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; defaults to the template's length from startsOn." })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-12-31.' })
  endsOn?: string | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => Int, { description: 'Months from the start; negative for before it starts.' })
  @IsInt()
  @Min(-12)
  @Max(60)
  month: number;

  @Field()
  @Length(2, 200, { message: 'Give a milestone of 2 to 200 characters.' })
  title: string;
}

@InputType({ description: "Edits a programme's design until it closes; fields left out keep their value." })
export class UpdateProgrammeDesignInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 60, { message: 'Give a label of 2 to 60 characters.' })
  seniorLabel?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 60, { message: 'Give a label of 2 to 60 characters.' })
  juniorLabel?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  trainingRequired?: boolean | null;

  @Field(() => [MilestoneInput], { nullable: true, description: 'Replaces the milestones.' })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'Keep to 30 milestones.' })
  @ValidateNested({ each: true })
  milestones?: MilestoneInput[] | null;
}

@InputType()
export class OpenClosingQuestionnaireInput {
  @Field(() => ID)
  programmeId: string;
}

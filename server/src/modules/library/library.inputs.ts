import { ArrayMaxSize, IsDateString, IsNumber, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { AffectedGroup, BarrierCategory } from '../barrier/barrier.entity';
import { Sector } from '../organisation/organisation.entity';
import { CaseOutcome } from './library.entity';

export enum RedactionAction {
  ACCEPT = 'ACCEPT',
  EDIT = 'EDIT',
  DISMISS = 'DISMISS',
}
registerEnumType(RedactionAction, {
  name: 'RedactionAction',
  description: 'What to do with a flagged item.',
  valuesConfig: {
    ACCEPT: { description: 'Put the proposed replacement in the text.' },
    EDIT: { description: 'Put your own replacement (`replacement`) in the text.' },
    DISMISS: { description: 'It is not personal data: keep the text as it is.' },
  },
});

const TAG_RULES = { each: true, message: 'Give each tag in 1 to 40 characters.' };

@InputType({ description: 'Filters of the community library; several values of one filter match any of them.' })
export class SharedCaseFilter {
  @Field(() => [Sector], { nullable: true })
  @IsOptional()
  sectors?: Sector[] | null;

  @Field(() => [BarrierCategory], { nullable: true })
  @IsOptional()
  categories?: BarrierCategory[] | null;

  @Field(() => [AffectedGroup], { nullable: true })
  @IsOptional()
  affectedGroups?: AffectedGroup[] | null;

  @Field(() => [CaseOutcome], { nullable: true })
  @IsOptional()
  outcomes?: CaseOutcome[] | null;

  @Field(() => [String], { nullable: true, description: 'Cases carrying any of these tags.' })
  @IsOptional()
  @ArrayMaxSize(20)
  tags?: string[] | null;
}

@InputType()
export class RequestCasePublicationInput {
  @Field(() => ID, { description: 'The barrier to write up; one of your pair\'s.' })
  barrierId: string;

  @Field(() => [ID], { nullable: true, description: 'The changes to include; by default every change past the draft stage and not withdrawn.' })
  @IsOptional()
  @ArrayMaxSize(20)
  changeIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Tags; the pair's contract focus topics that the case is about are added." })
  @IsOptional()
  @ArrayMaxSize(12)
  @Length(1, 40, TAG_RULES)
  tags?: string[] | null;
}

@InputType({ description: 'A measure of success as it should read in the case.' })
export class CaseMeasureInput {
  @Field()
  @Length(1, 200)
  metric: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  unit?: string | null;

  @Field(() => Float)
  @IsNumber()
  baseline: number;

  @Field(() => Float)
  @IsNumber()
  target: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  current?: number | null;
}

@InputType({ description: "Edit a case's text before publication; the redaction assistant reads it again and consents are asked again." })
export class EditSharedCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(10, 8000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(10, 8000)
  whatChanged?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 8000)
  outcomeSummary?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  @Length(1, 40, TAG_RULES)
  tags?: string[] | null;

  @Field(() => [CaseMeasureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measures?: CaseMeasureInput[] | null;
}

@InputType()
export class ResolveRedactionInput {
  @Field(() => ID)
  redactionId: string;

  @Field(() => RedactionAction)
  action: RedactionAction;

  @Field(() => String, { nullable: true, description: 'Your replacement, for EDIT; it may be empty to drop the words.' })
  @IsOptional()
  @MaxLength(200)
  replacement?: string | null;
}

@InputType()
export class ConsentToCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field({ defaultValue: true, description: 'false withdraws your consent; a published case is then taken down.' })
  consent: boolean = true;
}

@InputType()
export class ApproveCasePublicationInput {
  @Field(() => ID)
  caseId: string;

  @Field({ defaultValue: false, description: "Show the organisation's name; otherwise only its sector shows." })
  showOrganisationName: boolean = false;
}

@InputType()
export class UnpublishCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'Why it is taken down; the authors see it.' })
  @Length(3, 500, { message: 'Give a reason of 3 to 500 characters.' })
  reason: string;
}

@InputType({ description: 'A programme manager returns a case to its co-learners, or declines it, with a reason they see.' })
export class ReviewCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'What the co-learners should change (sending back), or why it will not be published (declining).' })
  @Length(3, 1000, { message: 'Give a reason of 3 to 1000 characters.' })
  reason: string;
}

@InputType()
export class EndorseCaseInput {
  @Field(() => ID)
  caseId: string;
}

@InputType()
export class AdaptCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID, { description: 'The pair in your organisation who will take it forward.' })
  pairId: string;

  @Field(() => ID, { description: 'The owner (a person with the OWNER role there) who would decide the change.' })
  ownerId: string;

  @Field(() => String, { nullable: true, description: "The barrier's title in your organisation; the case's by default." })
  @IsOptional()
  @Length(3, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The draft change\'s title; "Act on: <the barrier\'s title>" by default.' })
  @IsOptional()
  @Length(5, 200, { message: 'Give a title of 5 to 200 characters.' })
  changeTitle?: string | null;

  @Field({
    description:
      "What you expect the change to achieve in your organisation, in your own words. The case's outcome and figures are shown beside the change as reference; they are not copied in.",
  })
  @Length(10, 4000, { message: 'Describe the expected impact in your organisation in at least 10 characters.' })
  expectedImpact: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; six months from today by default.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'Give a date as YYYY-MM-DD.' })
  targetDate?: string | null;

  @Field({ defaultValue: false, description: "Let the case's readers see your organisation's name and how far the change gets." })
  shareProgress: boolean = false;
}

@InputType()
export class SetAdaptationSharingInput {
  @Field(() => ID)
  adaptationId: string;

  @Field()
  shareProgress: boolean;
}


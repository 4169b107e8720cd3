import { ArrayMaxSize, IsInt, IsNumber, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { ConnectionArgs } from '../../common/relay';
import { ChangeStatus, DecisionOutcome } from './change.entity';

@InputType({ description: 'How success will be measured.' })
export class SuccessMeasureInput {
  @Field({ description: 'e.g. "Share of shortlists with at least one ethnic-minority candidate".' })
  @Length(3, 200, { message: 'Name the metric in 3 to 200 characters.' })
  metric: string;

  @Field(() => String, { nullable: true, description: 'e.g. "%", "days".' })
  @IsOptional()
  @Length(1, 40)
  unit?: string | null;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number;
}

@InputType()
export class ProposeChangeInput {
  @Field(() => ID)
  barrierId: string;

  @Field(() => ID, { nullable: true, description: "The viewer's pair proposing it; needed only if the viewer has several." })
  pairId?: string | null;

  @Field(() => ID, { description: 'The person with the OWNER role who can make the change and will decide it.' })
  ownerId: string;

  @Field()
  @Length(5, 200, { message: 'Give a title of 5 to 200 characters.' })
  title: string;

  @Field({ description: 'What policy or process changes, and how.' })
  @Length(20, 10000, { message: 'Describe what changes in at least 20 characters.' })
  whatChanges: string;

  @Field()
  @Length(10, 4000, { message: 'Describe the expected impact in at least 10 characters.' })
  expectedImpact: string;

  @Field({ description: 'YYYY-MM-DD, today or later.' })
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-09-30.' })
  targetDate: string;

  @Field(() => [SuccessMeasureInput], { defaultValue: [] })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  successMeasures: SuccessMeasureInput[];
}

@InputType({ description: 'The change being acted on, and the version the viewer last saw.' })
export class ChangeActionInput {
  @Field(() => ID)
  changeId: string;

  @Field(() => Int, { nullable: true, description: 'If given and the change has moved on since, the action is refused with CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}

@InputType()
export class ReviseChangeInput extends ChangeActionInput {
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(5, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(20, 10000)
  whatChanges?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(10, 4000)
  expectedImpact?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-09-30.' })
  targetDate?: string | null;

  @Field(() => [SuccessMeasureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  successMeasures?: SuccessMeasureInput[] | null;
}

@InputType()
export class DecideChangeInput {
  @Field(() => ID)
  changeId: string;

  @Field(() => Int, { description: 'The version the owner read; a decision on a change that has moved on is refused with CONFLICT.' })
  @IsInt()
  expectedVersion: number;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field({ description: 'Why: shown to the pair and kept in the history.' })
  @Length(10, 4000, { message: 'Give your reasons in at least 10 characters.' })
  rationale: string;
}

@InputType()
export class MeasureValueInput {
  @Field({ description: 'The metric, as named in the change.' })
  @Length(1, 200, { message: 'Name the metric, as the change names it.' })
  metric: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  current: number;
}

@InputType()
export class ReportChangeProgressInput extends ChangeActionInput {
  @Field(() => Int, { description: '0 to 100.' })
  @IsInt()
  @Min(0, { message: 'Progress is between 0 and 100.' })
  @Max(100, { message: 'Progress is between 0 and 100.' })
  progress: number;

  @Field()
  @Length(3, 4000, { message: 'Say what happened since the last report.' })
  note: string;

  @Field(() => [MeasureValueInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  measures: MeasureValueInput[];
}

@InputType({ description: 'What changed, from when, and where the proof is.' })
export class AdoptionEvidenceInput {
  @Field({ description: 'The policy or process that changed.' })
  @Length(5, 500, { message: 'Name the policy or process that changed.' })
  policyOrProcess: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-09-30.' })
  effectiveFrom: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'Give a full web address starting with https://.' })
  link?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  summary?: string | null;
}

@InputType()
export class AdoptChangeInput extends ChangeActionInput {
  @Field(() => AdoptionEvidenceInput)
  @ValidateNested()
  evidence: AdoptionEvidenceInput;

  @Field(() => [MeasureValueInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  measures: MeasureValueInput[];
}

@InputType()
export class WithdrawChangeInput extends ChangeActionInput {
  @Field()
  @Length(5, 2000, { message: 'Say why the change is withdrawn.' })
  reason: string;
}

@InputType()
export class ReassignChangeOwnerInput extends ChangeActionInput {
  @Field(() => ID, { description: 'A person with the owner role in the organisation.' })
  ownerId: string;

  @Field({ description: 'Why: shown to the pair and both owners, and kept in the history.' })
  @Length(5, 2000, { message: 'Say why the change has a new owner.' })
  reason: string;
}

@InputType({ description: 'Narrows a list of changes; every given condition must hold.' })
export class ChangeFilter {
  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => [ChangeStatus], { nullable: true })
  status?: ChangeStatus[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  barrierId?: string | null;

  @Field(() => ID, { nullable: true })
  pairId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Past the target date and not finished.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Proposed by the viewer's pairs or owned by the viewer." })
  mine?: boolean | null;
}

export enum ChangeOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  TARGET_DATE = 'TARGET_DATE',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
}
registerEnumType(ChangeOrder, { name: 'ChangeOrder' });

@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => ChangeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ChangeFilter | null;

  @Field(() => ChangeOrder, { defaultValue: ChangeOrder.NEWEST })
  orderBy: ChangeOrder = ChangeOrder.NEWEST;
}

@InputType()
export class ConfirmAdoptionInput extends ChangeActionInput {
  @Field(() => String, { nullable: true, description: 'Anything the confirmer wants on the record.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@InputType()
export class DeclineAdoptionInput extends ChangeActionInput {
  @Field({ description: 'Why the adoption is not confirmed yet: the pair and the owner read it.' })
  @Length(5, 2000, { message: 'Say why the adoption is not confirmed.' })
  reason: string;
}

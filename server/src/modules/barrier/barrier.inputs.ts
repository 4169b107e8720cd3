import { ArrayMaxSize, ArrayMinSize, IsNumber, IsOptional, IsUrl, Length, ValidateIf, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../../common/relay';
import { AffectedGroup, Attribution, BarrierCategory, BarrierStatus, EvidenceKind } from './barrier.entity';

@InputType()
export class EvidenceInput {
  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field({ description: 'What the evidence shows.' })
  @Length(2, 2000, { message: 'Describe the evidence in 2 to 2000 characters.' })
  text: string;

  @Field(() => String, { nullable: true, description: 'Required for LINK.' })
  @ValidateIf((e: EvidenceInput) => e.kind === EvidenceKind.LINK || Boolean(e.url))
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'Give a full web address starting with https://.' })
  url?: string | null;

  @Field(() => Float, { nullable: true, description: 'Required for FIGURE.' })
  @ValidateIf((e: EvidenceInput) => e.kind === EvidenceKind.FIGURE)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'A figure needs a value.' })
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "%", "days", "applicants".' })
  @IsOptional()
  @Length(1, 40)
  unit?: string | null;
}

@InputType()
export class RaiseBarrierInput {
  @Field(() => ID, { description: 'The pair raising it; the viewer must be one of its co-learners.' })
  pairId: string;

  @Field()
  @Length(5, 200, { message: 'Give a title of 5 to 200 characters.' })
  title: string;

  @Field()
  @Length(20, 10000, { message: 'Describe the barrier in at least 20 characters.' })
  description: string;

  @Field(() => BarrierCategory)
  category: BarrierCategory;

  @Field(() => [AffectedGroup])
  @ArrayMinSize(1, { message: 'Choose at least one affected group.' })
  affectedGroups: AffectedGroup[];

  @Field(() => [EvidenceInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[];

  @Field(() => Attribution, { defaultValue: Attribution.NAMED, description: 'NAMED asks the other co-learner to agree; the barrier shows as anonymous until they do.' })
  attribution: Attribution = Attribution.NAMED;

  @Field(() => ID, {
    nullable: true,
    description: 'Raise it on behalf of the set of a held group session you came to (with this pair): it shows as the set’s and is always anonymous.',
  })
  groupSessionId?: string | null;
}

@InputType()
export class CorroborateBarrierInput {
  @Field(() => ID)
  barrierId: string;

  @Field(() => ID, { nullable: true, description: "The viewer's pair that corroborates; needed only if the viewer has several." })
  pairId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  note?: string | null;

  @Field(() => [EvidenceInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  evidence: EvidenceInput[];
}

@InputType()
export class CloseBarrierInput {
  @Field(() => ID)
  barrierId: string;

  @Field({ description: 'Why it is closed: a duplicate, no longer true, dealt with elsewhere…' })
  @Length(5, 2000, { message: 'Say why the barrier is closed.' })
  reason: string;
}

export enum NamingAnswer {
  AGREE = 'AGREE',
  DECLINE = 'DECLINE',
}
registerEnumType(NamingAnswer, { name: 'NamingAnswer', description: 'Whether the other co-learner agrees that a barrier names their pair.' });

@InputType()
export class AnswerBarrierNamingInput {
  @Field(() => ID, { description: 'A barrier your partner raised as named, awaiting your answer.' })
  barrierId: string;

  @Field(() => NamingAnswer, { description: 'AGREE names your pair on it; DECLINE keeps it anonymous.' })
  answer: NamingAnswer;
}

@InputType({ description: 'Narrows a list of barriers; every given condition must hold.' })
export class BarrierFilter {
  @Field(() => ID, { nullable: true, description: "Defaults to all of the viewer's organisations." })
  organisationId?: string | null;

  @Field(() => [BarrierStatus], { nullable: true })
  status?: BarrierStatus[] | null;

  @Field(() => [BarrierCategory], { nullable: true })
  category?: BarrierCategory[] | null;

  @Field(() => [AffectedGroup], { nullable: true, description: 'Barriers affecting any of these groups.' })
  affectedGroup?: AffectedGroup[] | null;

  @Field(() => String, { nullable: true, description: 'Full-text search in titles and descriptions.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Barriers raised by this pair.' })
  pairId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only barriers your partner raised as named that await your agreement to name your pair.' })
  awaitingViewersNaming?: boolean | null;
}

export enum BarrierOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  MOST_CORROBORATED = 'MOST_CORROBORATED',
}
registerEnumType(BarrierOrder, { name: 'BarrierOrder' });

@ArgsType()
export class BarriersArgs extends ConnectionArgs {
  @Field(() => BarrierFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: BarrierFilter | null;

  @Field(() => BarrierOrder, { defaultValue: BarrierOrder.NEWEST })
  orderBy: BarrierOrder = BarrierOrder.NEWEST;
}

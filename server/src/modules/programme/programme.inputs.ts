import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { ConnectionArgs } from '../../common/relay';
import { Cadence, ProgrammeStatus } from './programme.entity';

@InputType()
export class CreateProgrammeInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the viewer's home organisation." })
  organisationId?: string | null;

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

  @Field({ description: 'YYYY-MM-DD, after startsOn' })
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-12-31.' })
  endsOn: string;

  @Field(() => Cadence, { defaultValue: Cadence.MONTHLY })
  sessionCadence: Cadence = Cadence.MONTHLY;

  @Field(() => [Int], { nullable: true, description: 'When adopted changes are reviewed, in months after adoption (default 6 and 12).' })
  @ReviewMonthsRules()
  reviewMonths?: number[] | null;
}

/** When adopted changes are reviewed: one to six different months, each from 1 to 60. */
function ReviewMonthsRules(): PropertyDecorator {
  const rules = [
    IsOptional(),
    ArrayMinSize(1, { message: 'Choose at least one review month.' }),
    ArrayMaxSize(6, { message: 'Choose at most six review months.' }),
    ArrayUnique({ message: 'Give each review month once.' }),
    IsInt({ each: true }),
    Min(1, { each: true, message: 'Review months are from 1 to 60.' }),
    Max(60, { each: true, message: 'Review months are from 1 to 60.' }),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}

@InputType({ description: 'Corrects a programme that has not closed; fields left out keep their value.' })
export class UpdateProgrammeInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 160, { message: 'Give a name of 2 to 160 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty text removes it.' })
  @IsOptional()
  @Length(0, 2000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-01-31.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after startsOn' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'Use a date such as 2026-12-31.' })
  endsOn?: string | null;

  @Field(() => Cadence, { nullable: true })
  @IsOptional()
  sessionCadence?: Cadence | null;

  @Field(() => [Int], { nullable: true, description: 'When adopted changes are reviewed, in months after adoption; applies to adoptions confirmed from now on.' })
  @ReviewMonthsRules()
  reviewMonths?: number[] | null;
}

@InputType()
export class ProgrammeInput {
  @Field(() => ID)
  programmeId: string;
}

@ArgsType()
export class ProgrammesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Defaults to the viewer's organisations." })
  organisationId?: string | null;

  @Field(() => [ProgrammeStatus], { nullable: true })
  status?: ProgrammeStatus[] | null;
}

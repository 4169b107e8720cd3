import { ArrayMaxSize, IsInt, IsOptional, IsUrl, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class CurriculumResourceInput {
  @Field()
  @Length(2, 200, { message: 'Give the resource a title of 2 to 200 characters.' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Give a web address starting with https://.' })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  text?: string | null;
}

@InputType({ description: "Sets one month of a programme's curriculum, replacing what that month held." })
export class SaveCurriculumMonthInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'Months count from 1.' })
  @Max(60, { message: 'A programme plan covers at most 60 months.' })
  month: number;

  @Field()
  @Length(2, 200, { message: 'Give a topic of 2 to 200 characters.' })
  topic: string;

  @Field({ defaultValue: '' })
  @Length(0, 4000)
  guidance: string = '';

  @Field(() => [CurriculumResourceInput], { defaultValue: [] })
  @ArrayMaxSize(20, { message: 'Keep to 20 resources a month.' })
  @ValidateNested({ each: true })
  resources!: CurriculumResourceInput[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(10, { message: 'Keep to 10 prompts a month.' })
  @Length(2, 500, { each: true, message: 'Write each prompt in 2 to 500 characters.' })
  prompts!: string[];
}

@InputType()
export class RemoveCurriculumMonthInput {
  @Field(() => ID)
  curriculumMonthId: string;
}

import { IsNumber, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { TrainingSide } from './training.entity';

@InputType({ description: 'Adds a training module to a programme, or edits one (with trainingModuleId).' })
export class SaveTrainingModuleInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => ID, { nullable: true, description: 'The module to edit; leave out to add one.' })
  @IsOptional()
  trainingModuleId?: string | null;

  @Field(() => TrainingSide)
  side: TrainingSide;

  @Field()
  @Length(2, 200, { message: 'Give a title of 2 to 200 characters.' })
  title: string;

  @Field({ defaultValue: '' })
  @Length(0, 2000)
  description: string = '';

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber({}, { message: 'Give the expected hours as a number.' })
  @Min(0, { message: 'Expected hours cannot be negative.' })
  @Max(200, { message: 'Expected hours are at most 200.' })
  expectedHours: number = 0;
}

@InputType()
export class RemoveTrainingModuleInput {
  @Field(() => ID)
  trainingModuleId: string;
}

@InputType({ description: 'Records that a person completed a module: yourself, or (as a programme manager) anyone in the organisation.' })
export class RecordTrainingCompletionInput {
  @Field(() => ID)
  trainingModuleId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer.' })
  @IsOptional()
  personId?: string | null;
}

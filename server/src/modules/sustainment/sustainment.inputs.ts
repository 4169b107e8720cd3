import { ArrayMaxSize, IsBoolean, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChangeActionInput, MeasureValueInput } from '../change/change.inputs';

@InputType({ description: "The owner's sustainment review of an adopted change: the next review that is open." })
export class RecordSustainmentReviewInput extends ChangeActionInput {
  @Field({ description: 'Is the change still in force? No reopens its barrier.' })
  @IsBoolean()
  inForce: boolean;

  @Field(() => String, { nullable: true, description: 'What the owner saw; required (the reason) when the change is no longer in force.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;

  @Field(() => [MeasureValueInput], { defaultValue: [], description: "Each measure's value now; kept as a new point of its series." })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  measures: MeasureValueInput[];
}

import { IsBoolean, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GoalStage } from './journal.entity';

@InputType()
export class WriteJournalEntryInput {
  @Field({ description: 'Your reflection; readable by you alone, stored encrypted.' })
  @Length(1, 20000, { message: 'Write up to 20,000 characters.' })
  body: string;
}

@InputType()
export class DeleteJournalEntryInput {
  @Field(() => ID)
  entryId: string;
}

@InputType()
export class RateMyGoalsInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => GoalStage)
  stage: GoalStage;

  @Field({ description: 'What you hoped to learn; stored encrypted.' })
  @Length(3, 4000, { message: 'Say in 3 to 4000 characters what you hope to learn.' })
  goals: string;

  @Field(() => Int, { description: '1 (not at all) to 5 (fully): how far you have reached these goals.' })
  @Min(1, { message: 'Rate from 1 to 5.' })
  @Max(5, { message: 'Rate from 1 to 5.' })
  rating: number;

  @Field({ defaultValue: false, description: 'Let your partner see this rating and your goals.' })
  @IsBoolean()
  shareWithPartner: boolean = false;
}

import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A manager ticks (or unticks) a step of the guide.' })
export class MarkGuideStepInput {
  @Field(() => ID)
  guideStepId: string;

  @Field()
  done: boolean;
}

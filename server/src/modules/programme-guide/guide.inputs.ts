import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AddProgrammeGuideInput {
  @Field(() => ID)
  programmeId: string;
}

@InputType({ description: 'A manager ticks (or unticks) a step of the guide.' })
export class MarkGuideStepInput {
  @Field(() => ID)
  guideStepId: string;

  @Field()
  done: boolean;
}

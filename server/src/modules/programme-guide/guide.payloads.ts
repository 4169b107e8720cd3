import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { GuideStep } from './guide.type';

@ObjectType()
export class ProgrammeGuidePayload extends MutationPayload {
  @Field(() => [GuideStep], { nullable: true })
  guide?: GuideStep[] | null;
}

@ObjectType()
export class GuideStepPayload extends MutationPayload {
  @Field(() => GuideStep, { nullable: true })
  guideStep?: GuideStep | null;
}

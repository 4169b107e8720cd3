import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { GuideStep } from './guide.type';

@ObjectType()
export class GuideStepPayload extends MutationPayload {
  @Field(() => GuideStep, { nullable: true })
  guideStep?: GuideStep | null;
}

import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Pair } from '../pair/pair.type';
import { MatchingAssistant, MatchingProfile } from './matching.type';

@ObjectType()
export class MatchingProfilePayload extends MutationPayload {
  @Field(() => MatchingProfile, { nullable: true })
  profile?: MatchingProfile | null;
}

@ObjectType()
export class WithdrawMatchingProfilePayload extends MutationPayload {
  @Field({ description: 'True once the profile is gone.' })
  withdrawn: boolean = false;
}

@ObjectType({ description: 'The assistant after the change.' })
export class MatchingAssistantPayload extends MutationPayload {
  @Field(() => MatchingAssistant, { nullable: true })
  assistant?: MatchingAssistant | null;
}

@ObjectType()
export class ConfirmMatchingPayload extends MutationPayload {
  @Field(() => [Pair], { description: 'The pairs created, one per proposal; each co-learner is notified.' })
  pairs: Pair[] = [];
}

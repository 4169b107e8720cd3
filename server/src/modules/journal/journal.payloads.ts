import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { GoalRating, JournalEntry } from './journal.type';

@ObjectType()
export class JournalEntryPayload extends MutationPayload {
  @Field(() => JournalEntry, { nullable: true })
  entry?: JournalEntry | null;
}

@ObjectType()
export class GoalRatingPayload extends MutationPayload {
  @Field(() => GoalRating, { nullable: true })
  rating?: GoalRating | null;
}

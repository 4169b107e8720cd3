import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Comment } from './comment.type';

@ObjectType()
export class AddCommentPayload extends MutationPayload {
  @Field(() => Comment, { nullable: true })
  comment?: Comment | null;
}

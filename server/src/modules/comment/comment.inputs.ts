import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AddCommentInput {
  @Field(() => ID, { description: 'The barrier or change to comment on.' })
  subjectId: string;

  @Field()
  @Length(1, 4000, { message: 'Write a comment of up to 4000 characters.' })
  body: string;
}

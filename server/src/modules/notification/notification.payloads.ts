import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';

@ObjectType()
export class MarkNotificationsReadPayload extends MutationPayload {
  @Field(() => Int, { description: 'How many were marked read.' })
  marked: number = 0;

  @Field(() => Int, { description: 'Unread notifications left.' })
  unreadCount: number = 0;
}

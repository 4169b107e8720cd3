import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Change } from './change.type';

@ObjectType({ description: 'The change after the action, or userErrors saying why it was refused.' })
export class ChangePayload extends MutationPayload {
  @Field(() => Change, { nullable: true })
  change?: Change | null;
}

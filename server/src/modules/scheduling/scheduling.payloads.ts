import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { SessionBooking } from './scheduling.type';

@ObjectType()
export class SessionBookingPayload extends MutationPayload {
  @Field(() => SessionBooking, { nullable: true })
  booking?: SessionBooking | null;
}

import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { MailMessage, MailPreference } from './mail.type';

@ObjectType()
export class SetMailPreferencePayload extends MutationPayload {
  @Field(() => MailPreference, { nullable: true, description: 'The choice as saved.' })
  preference?: MailPreference | null;
}

@ObjectType()
export class RetryMailMessagePayload extends MutationPayload {
  @Field(() => MailMessage, { nullable: true, description: 'The message, PENDING again.' })
  message?: MailMessage | null;
}

import { IsOptional } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/relay';
import { MailDelivery, MailStatus } from './mail.entity';
import { MailKind } from './mail.kinds';

@InputType({ description: 'How the viewer wants one kind of email.' })
export class SetMailPreferenceInput {
  @Field(() => MailKind)
  kind: MailKind;

  @Field(() => MailDelivery)
  delivery: MailDelivery;
}

@ArgsType()
export class MailMessagesArgs extends ConnectionArgs {
  @Field(() => MailStatus, { nullable: true, description: 'Only messages in this state, e.g. FAILED.' })
  @IsOptional()
  status?: MailStatus | null;
}

@InputType({ description: 'An email whose delivery failed, to try again.' })
export class RetryMailMessageInput {
  @Field(() => ID)
  id: string;
}

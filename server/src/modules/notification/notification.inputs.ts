import { ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/relay';

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field({ defaultValue: false })
  unreadOnly: boolean = false;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; ignored when `all` is true.' })
  @ArrayMaxSize(100)
  ids?: string[] | null;

  @Field({ defaultValue: false, description: 'Every unread notification of the viewer.' })
  all: boolean = false;
}

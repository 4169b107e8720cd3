import { Args, Ctx, FieldResolver, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized, PLATFORM_ADMIN } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { ViewerType } from '../auth/auth.type';
import { MailMessagesArgs, RetryMailMessageInput, SetMailPreferenceInput } from './mail.inputs';
import { RetryMailMessagePayload, SetMailPreferencePayload } from './mail.payloads';
import { MailService } from './mail.service';
import { MailMessageConnection, MailPreference } from './mail.type';

@Resolver()
export class MailResolver {
  @Authorized(PLATFORM_ADMIN)
  @Query(() => MailMessageConnection, { description: 'Every email the platform wrote, newest first: the outbox when there is no SMTP server, and the delivery log. Platform admin only.' })
  mailMessages(@Args() args: MailMessagesArgs, @Ctx() ctx: Context) {
    return new MailService(ctx).outbox(args, args.status);
  }

  @Authorized()
  @Mutation(() => SetMailPreferencePayload, { description: 'Chooses how the viewer gets one kind of email: at once, in a daily summary, or not at all.' })
  setMailPreference(@InputArg(SetMailPreferenceInput) input: SetMailPreferenceInput, @Ctx() ctx: Context) {
    return mutate(SetMailPreferencePayload, input, async () => ({ preference: await new MailService(ctx).setPreference(input.kind, input.delivery) }));
  }

  @Authorized(PLATFORM_ADMIN)
  @Mutation(() => RetryMailMessagePayload, { description: 'Sends an email whose delivery failed again. Platform admin only.' })
  retryMailMessage(@InputArg(RetryMailMessageInput) input: RetryMailMessageInput, @Ctx() ctx: Context) {
    return mutate(RetryMailMessagePayload, input, async () => ({ message: await new MailService(ctx).retry(idOf(input.id, 'MailMessage')) }));
  }
}

@Resolver(() => ViewerType)
export class ViewerMailResolver {
  @Authorized()
  @FieldResolver(() => [MailPreference], { description: 'How the viewer gets each kind of email.' })
  mailPreferences(@Ctx() ctx: Context): Promise<MailPreference[]> {
    return new MailService(ctx).preferences();
  }
}

import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized, PLATFORM_ADMIN, PUBLIC } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { Organisation } from '../organisation/organisation.type';
import { Role } from '../person/membership.entity';
import { ConfigureIdentityProviderInput, SetSingleSignOnUseInput, TestIdentityProviderInput } from './identity-provider.inputs';
import { IdentityProviderPayload } from './identity-provider.payloads';
import { IdentityProviderService, type ConfiguredProvider } from './identity-provider.service';
import { IdentityProvider, SignInMethod } from './identity-provider.type';

const typed = (ctx: Context, configured: ConfiguredProvider) => ({ identityProvider: IdentityProvider.from(configured, new IdentityProviderService(ctx).redirectUri()) });

@Resolver(() => Organisation)
export class OrganisationIdentityProviderResolver {
  @Authorized()
  @FieldResolver(() => IdentityProvider, { nullable: true, description: 'Its single sign-on; visible to its programme managers and platform admins, null for others or when none is set up.' })
  async identityProvider(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<IdentityProvider | null> {
    const service = new IdentityProviderService(ctx);
    const found = await service.find(organisation.entity.id);
    return found && IdentityProvider.from(found, service.redirectUri());
  }
}

@Resolver()
export class IdentityProviderResolver {
  @Authorized(PUBLIC)
  @Query(() => SignInMethod, { description: "How an address signs in (the sign-in page asks first). Says only whether its domain has single sign-on, never whether the person has an account." })
  async signInMethod(@Arg('email') email: string, @Ctx() ctx: Context): Promise<SignInMethod> {
    const found = /^[^@\s]+@[^@\s]+$/.test(email.trim()) ? await new IdentityProviderService(ctx).enabledFor(email) : null;
    return Object.assign(new SignInMethod(), {
      singleSignOn: Boolean(found),
      organisationName: found?.organisation.name ?? null,
      startUrl: found ? `/auth/sso/start?email=${encodeURIComponent(email.trim())}` : null,
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => IdentityProviderPayload, { description: "Set up or change the organisation's identity provider. A changed connection must be tested again." })
  configureIdentityProvider(@InputArg(ConfigureIdentityProviderInput) input: ConfigureIdentityProviderInput, @Ctx() ctx: Context) {
    return mutate(IdentityProviderPayload, input, async () => typed(ctx, await new IdentityProviderService(ctx).configure(idOf(input.organisationId, 'Organisation'), input)));
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => IdentityProviderPayload, { description: "Test the connection: fetch the provider's discovery document; a userError says what is wrong." })
  testIdentityProvider(@InputArg(TestIdentityProviderInput) input: TestIdentityProviderInput, @Ctx() ctx: Context) {
    return mutate(IdentityProviderPayload, input, async () => typed(ctx, await new IdentityProviderService(ctx).test(idOf(input.organisationId, 'Organisation'))));
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => IdentityProviderPayload, { description: 'Turn sign-in through the provider on or off, and whether members must use it.' })
  setSingleSignOnUse(@InputArg(SetSingleSignOnUseInput) input: SetSingleSignOnUseInput, @Ctx() ctx: Context) {
    return mutate(IdentityProviderPayload, input, async () => typed(ctx, await new IdentityProviderService(ctx).setUse(idOf(input.organisationId, 'Organisation'), input)));
  }
}

import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized, PUBLIC } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import { Organisation } from '../organisation/organisation.type';
import { Role } from '../person/membership.entity';
import { ChangePasswordInput, CreateRecoveryCodeInput, LoginInput, LogoutInput, RecoverAccountInput } from './auth.inputs';
import { ChangePasswordPayload, CreateRecoveryCodePayload, LoginPayload, LogoutPayload, RecoverAccountPayload } from './auth.payloads';
import { AuthService } from './auth.service';
import { ViewerType } from './auth.type';

@Resolver(() => ViewerType)
export class AuthResolver {
  @Authorized(PUBLIC)
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  viewer(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer ? ViewerType.from(ctx.viewer) : null;
  }

  @Authorized()
  @FieldResolver(() => Organisation, { nullable: true, description: "The viewer's home organisation: their first membership's." })
  async organisation(@Root() root: ViewerType, @Ctx() ctx: Context): Promise<Organisation | null> {
    const id = root.viewer.homeOrganisationId;
    const entity = id ? await ctx.loaders.identity.organisation.load(id) : null;
    return entity ? Organisation.from(entity) : null;
  }

  @Authorized()
  @FieldResolver(() => [Role], { description: 'Roles in the home organisation.' })
  roles(@Root() root: ViewerType): Role[] {
    return root.viewer.memberships[0]?.roles ?? [];
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer holds an unused recovery code for a forgotten password.' })
  hasRecoveryCode(@Root() root: ViewerType, @Ctx() ctx: Context): Promise<boolean> {
    return new AuthService(ctx).hasRecoveryCode(root.viewer.personId);
  }

  @Authorized(PUBLIC)
  @Mutation(() => LoginPayload, { description: 'Sign in with email and password. Failed attempts are rate-limited.' })
  login(@InputArg(LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    return mutate(LoginPayload, input, async () => {
      const { viewer, token } = await new AuthService(ctx).login(input.email, input.password);
      return { viewer: ViewerType.from(viewer), token };
    });
  }

  @Authorized(PUBLIC)
  @Mutation(() => LogoutPayload, { description: 'End the current session on the server and clear the cookie.' })
  logout(@InputArg(LogoutInput) input: LogoutInput, @Ctx() ctx: Context): Promise<LogoutPayload> {
    return mutate(LogoutPayload, input, async () => {
      await new AuthService(ctx).logout(input.everywhere);
      return { signedOut: true };
    });
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, { description: 'Change your password; your other sessions are signed out.' })
  changePassword(@InputArg(ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: Context): Promise<ChangePasswordPayload> {
    return mutate(ChangePasswordPayload, input, async () => ({
      changed: true,
      otherSessionsEnded: await new AuthService(ctx).changePassword(input.currentPassword, input.newPassword),
    }));
  }

  @Authorized()
  @Mutation(() => CreateRecoveryCodePayload, { description: 'Make a recovery code for a forgotten password (shown once; replaces any earlier one).' })
  createRecoveryCode(@InputArg(CreateRecoveryCodeInput) input: CreateRecoveryCodeInput, @Ctx() ctx: Context): Promise<CreateRecoveryCodePayload> {
    return mutate(CreateRecoveryCodePayload, input, async () => ({ recoveryCode: await new AuthService(ctx).createRecoveryCode(input.currentPassword) }));
  }

  @Authorized(PUBLIC)
  @Mutation(() => RecoverAccountPayload, { description: 'Set a new password with a recovery code; every session ends and this one signs in. Rate-limited like sign-in.' })
  recoverAccount(@InputArg(RecoverAccountInput) input: RecoverAccountInput, @Ctx() ctx: Context): Promise<RecoverAccountPayload> {
    return mutate(RecoverAccountPayload, input, async () => {
      const { viewer, token } = await new AuthService(ctx).recoverAccount(input.email, input.recoveryCode, input.newPassword);
      return { viewer: ViewerType.from(viewer), token };
    });
  }
}

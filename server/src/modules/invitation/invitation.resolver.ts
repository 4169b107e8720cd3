import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized, PLATFORM_ADMIN, PUBLIC } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { AcceptInvitationPayload } from '../auth/auth.payloads';
import { ViewerType } from '../auth/auth.type';
import { Role } from '../person/membership.entity';
import { AcceptInvitationInput, InviteMemberInput, RevokeInvitationInput } from './invitation.inputs';
import { InviteMemberPayload, RevokeInvitationPayload } from './invitation.payloads';
import { InvitationService } from './invitation.service';
import { Invitation, InvitationPreview, IssuedInvitationType } from './invitation.type';

@Resolver()
export class InvitationResolver {
  @Authorized(PUBLIC)
  @Query(() => InvitationPreview, { nullable: true, description: 'What an invitation link offers; null for an unknown link.' })
  async invitation(@Arg('token') token: string, @Ctx() ctx: Context): Promise<InvitationPreview | null> {
    const found = await new InvitationService(ctx).preview(token);
    return found ? InvitationPreview.from(found.invitation, found.hasAccount) : null;
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => InviteMemberPayload, { description: 'Invite a person by email with roles; returns the link to send them.' })
  inviteMember(@InputArg(InviteMemberInput) input: InviteMemberInput, @Ctx() ctx: Context) {
    return mutate(InviteMemberPayload, input, async () => {
      const issued = await new InvitationService(ctx).invite(idOf(input.organisationId, 'Organisation'), input);
      return { issued: IssuedInvitationType.from(issued) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => RevokeInvitationPayload, { description: 'Withdraw an invitation nobody has accepted yet; its link stops working.' })
  revokeInvitation(@InputArg(RevokeInvitationInput) input: RevokeInvitationInput, @Ctx() ctx: Context) {
    return mutate(RevokeInvitationPayload, input, async () => {
      const invitation = await new InvitationService(ctx).revoke(idOf(input.invitationId, 'Invitation'));
      return { invitation: Invitation.from(invitation) };
    });
  }

  @Authorized(PUBLIC)
  @Mutation(() => AcceptInvitationPayload, { description: 'Accept an invitation: set a password and sign in.' })
  acceptInvitation(@InputArg(AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: Context) {
    return mutate(AcceptInvitationPayload, input, async () => {
      const { viewer, token } = await new InvitationService(ctx).accept(input.token, input.password, input.displayName);
      return { viewer: ViewerType.from(viewer), token };
    });
  }
}

import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized, PLATFORM_ADMIN } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import { ConnectionArgs, Connection } from '../../common/relay';
import type { Context } from '../../context';
import { Invitation, IssuedInvitationType } from '../invitation/invitation.type';
import { InvitationService } from '../invitation/invitation.service';
import { Role } from '../person/membership.entity';
import { MembershipConnection } from '../person/person.type';
import { CreateOrganisationInput } from './organisation.inputs';
import { CreateOrganisationPayload } from './organisation.payloads';
import { OrganisationService } from './organisation.service';
import { Organisation } from './organisation.type';
import { ObjectType } from 'type-graphql';

@ObjectType('OrganisationConnection')
export class OrganisationConnection extends Connection(Organisation, 'Organisation') {}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Authorized()
  @Query(() => OrganisationConnection, { description: 'Your organisations; every organisation for a platform admin.' })
  organisations(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new OrganisationService(ctx).visible(args);
  }

  @Authorized(PLATFORM_ADMIN)
  @Mutation(() => CreateOrganisationPayload, { description: 'Create an organisation and invite its first programme manager.' })
  createOrganisation(@InputArg(CreateOrganisationInput) input: CreateOrganisationInput, @Ctx() ctx: Context) {
    return mutate(CreateOrganisationPayload, input, async () => {
      const { organisation, invitation } = await new OrganisationService(ctx).create(input);
      return { organisation: Organisation.from(organisation), managerInvitation: IssuedInvitationType.from(invitation) };
    });
  }

  @Authorized()
  @FieldResolver(() => MembershipConnection, { description: "The organisation's members; visible to its members." })
  members(
    @Root() organisation: Organisation,
    @Args() args: ConnectionArgs,
    @Arg('roles', () => [Role], { nullable: true, description: 'Only members holding one of these roles.' }) roles: Role[] | null,
    @Ctx() ctx: Context,
  ) {
    return new OrganisationService(ctx).members(organisation.entity.id, args, roles);
  }

  @Authorized()
  @FieldResolver(() => [Invitation], { description: 'Invitations not yet accepted; visible to programme managers.', complexity: unpagedList })
  async pendingInvitations(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Invitation[]> {
    return (await new InvitationService(ctx).pendingFor(organisation.entity.id)).map(Invitation.from);
  }
}

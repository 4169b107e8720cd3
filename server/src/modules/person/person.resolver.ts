import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisation/organisation.type';
import { Role } from './membership.entity';
import { RemoveMemberInput, UpdateMembershipInput } from './membership.inputs';
import { MembershipPayload, RemoveMemberPayload } from './membership.payloads';
import { MembershipService } from './membership.service';
import { identityPolicy } from './person.policy';
import { Membership, Person } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Visible to the person and to people who share an organisation with them.' })
  async email(@Root() person: Person, @Ctx() ctx: Context): Promise<string | null> {
    const theirs = await ctx.loaders.identity.membershipsByPerson.load(person.entity.id);
    return identityPolicy.canSeePerson(ctx.viewer as Viewer, person.entity.id, theirs) ? person.entity.email : null;
  }

  @Authorized()
  @FieldResolver(() => [Membership], { description: "The person's memberships in organisations the viewer belongs to." })
  async memberships(@Root() person: Person, @Ctx() ctx: Context): Promise<Membership[]> {
    const viewer = ctx.viewer as Viewer;
    const theirs = await ctx.loaders.identity.membershipsByPerson.load(person.entity.id);
    return theirs.filter((m) => identityPolicy.canSeeMembersOf(viewer, m.organisationId)).map(Membership.from);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Authorized()
  @FieldResolver(() => Person)
  async person(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(membership.entity.personId))!);
  }

  @Authorized()
  @FieldResolver(() => Organisation)
  async organisation(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Organisation> {
    return Organisation.from((await ctx.loaders.identity.organisation.load(membership.entity.organisationId))!);
  }

  @Authorized()
  @FieldResolver(() => Membership, { nullable: true, description: "The line manager's membership in the same organisation; the chain upwards is the reporting line." })
  async lineManager(@Root() membership: Membership, @Ctx() ctx: Context): Promise<Membership | null> {
    if (!membership.entity.lineManagerId) return null;
    const manager = await ctx.loaders.identity.membership.load(membership.entity.lineManagerId);
    return manager ? Membership.from(manager) : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may change these roles or remove the person (programme managers of the organisation).' })
  viewerCanManage(@Root() membership: Membership, @Ctx() ctx: Context): boolean {
    return identityPolicy.canManageMembersOf(ctx.viewer as Viewer, membership.entity.organisationId);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => MembershipPayload, { description: "Change a member's roles, job title or division." })
  updateMembership(@InputArg(UpdateMembershipInput) input: UpdateMembershipInput, @Ctx() ctx: Context) {
    return mutate(MembershipPayload, input, async () => {
      const lineManagerId = input.lineManagerId ? idOf(input.lineManagerId, 'Membership') : input.lineManagerId;
      const membership = await new MembershipService(ctx).update(idOf(input.membershipId, 'Membership'), { ...input, lineManagerId });
      return { membership: Membership.from(membership) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => RemoveMemberPayload, { description: 'Remove a person from the organisation: they lose access to it at once. What they wrote stays.' })
  removeMember(@InputArg(RemoveMemberInput) input: RemoveMemberInput, @Ctx() ctx: Context) {
    return mutate(RemoveMemberPayload, input, async () => {
      await new MembershipService(ctx).remove(idOf(input.membershipId, 'Membership'));
      return { removedMembershipId: input.membershipId };
    });
  }
}

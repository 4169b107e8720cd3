import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisation/organisation.type';
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
}


import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import { Organisation } from '../organisation/organisation.type';
import { MembershipAuditEntry, MembershipAuditEntryConnection } from './membership-audit.type';
import { membershipAudit } from './membership-audit.service';

@Resolver(() => Organisation)
export class OrganisationMembershipAuditResolver {
  @Authorized()
  @FieldResolver(() => MembershipAuditEntryConnection, { description: 'Who invited, let in, changed the roles of or removed whom, newest first; programme managers only.' })
  membershipAudit(@Root() organisation: Organisation, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return membershipAudit(ctx, organisation.entity.id, args);
  }
}

@Resolver(() => MembershipAuditEntry)
export class MembershipAuditEntryResolver {
  @Authorized()
  @FieldResolver(() => String, { description: 'Who did it.' })
  async actorName(@Root() entry: MembershipAuditEntry, @Ctx() ctx: Context): Promise<string> {
    if (!entry.entity.actorId) return "The organisation's provisioning service";
    return (await ctx.loaders.identity.person.load(entry.entity.actorId))?.displayName ?? 'Someone';
  }
}

import type { Node } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { InvitationEntity } from '../invitation/invitation.entity';
import { Invitation } from '../invitation/invitation.type';
import { libraryPolicy } from '../library/library.policy';
import { CaseAdaptation, CaseRedaction, SharedCase } from '../library/library.type';
import { Organisation } from '../organisation/organisation.type';
import { identityPolicy } from '../person/person.policy';
import { Membership, Person } from '../person/person.type';

/** Fetches one record by database id if the viewer may see it, else null (existence is not revealed). */
export type NodeFetcher = (ctx: Context, viewer: Viewer, id: string) => Promise<Node | null>;

export const nodeFetchers: Record<string, NodeFetcher> = {
  async Organisation(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.organisation.load(id);
    return entity && identityPolicy.canSeeMembersOf(viewer, entity.id) ? Organisation.from(entity) : null;
  },
  async Person(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.person.load(id);
    if (!entity) return null;
    const theirs = await ctx.loaders.identity.membershipsByPerson.load(id);
    return identityPolicy.canSeePerson(viewer, id, theirs) ? Person.from(entity) : null;
  },
  async Membership(ctx, viewer, id) {
    const entity = await ctx.loaders.identity.membership.load(id);
    return entity && identityPolicy.canSeeMembersOf(viewer, entity.organisationId) ? Membership.from(entity) : null;
  },
  async Invitation(ctx, viewer, id) {
    const entity = await ctx.db.getRepository(InvitationEntity).findOneBy({ id });
    return entity && identityPolicy.canInviteTo(viewer, entity.organisationId) ? Invitation.from(entity) : null;
  },
  async SharedCase(ctx, viewer, id) {
    const entity = await ctx.loaders.library.sharedCase.load(id);
    const pair = entity && (await ctx.loaders.library.pair.load(entity.pairId));
    return entity && pair && libraryPolicy.canSee(viewer, entity, pair) ? SharedCase.from(entity) : null;
  },
  async CaseRedaction(ctx, viewer, id) {
    const flag = await ctx.loaders.library.redaction.load(id);
    const entity = flag && (await ctx.loaders.library.sharedCase.load(flag.caseId));
    const pair = entity && (await ctx.loaders.library.pair.load(entity.pairId));
    return flag && entity && pair && libraryPolicy.isInsider(viewer, entity, pair) ? CaseRedaction.from(flag, entity) : null;
  },
  async CaseAdaptation(ctx, viewer, id) {
    const adaptation = await ctx.loaders.library.adaptation.load(id);
    const entity = adaptation && (await ctx.loaders.library.sharedCase.load(adaptation.caseId));
    const pair = entity && (await ctx.loaders.library.pair.load(entity.pairId));
    return adaptation && entity && pair && libraryPolicy.canSee(viewer, entity, pair) ? CaseAdaptation.from(adaptation) : null;
  },
};

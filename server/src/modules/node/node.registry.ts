import type { Node } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { EvaluationService } from '../evaluation/evaluation.service';
import { Questionnaire } from '../evaluation/evaluation.type';
import { InvitationEntity } from '../invitation/invitation.entity';
import { Invitation } from '../invitation/invitation.type';
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
  async Questionnaire(ctx, _viewer, id) {
    const entity = await new EvaluationService(ctx).visible(id);
    return entity && Questionnaire.from(entity);
  },
};

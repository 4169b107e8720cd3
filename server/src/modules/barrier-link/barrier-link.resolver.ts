import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { SharedCase } from '../library/library.type';
import { reachFor } from './barrier-link.service';
import { CrossOrganisationReach } from './barrier-link.type';

@Resolver(() => SharedCase)
export class SharedCaseReachResolver {
  @Authorized()
  @FieldResolver(() => CrossOrganisationReach, {
    description: 'In how many organisations a barrier like this one is reported, how many adopted a change, how many kept it in force; only where five or more other organisations match, and never which.',
  })
  async alikeAcrossOrganisations(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<CrossOrganisationReach> {
    const { organisations, inForce } = await ctx.loaders.barrierLink.reach.load(sharedCase.entity.id);
    return CrossOrganisationReach.from(reachFor(ctx.viewer as Viewer, organisations, inForce));
  }
}

import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { badInput } from '../../common/errors';
import { fromGlobalId, Node } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { nodeFetchers } from './node.registry';

export const MAX_NODES = 100;

async function fetchNode(ctx: Context, globalId: string): Promise<Node | null> {
  const { type, id } = fromGlobalId(globalId);
  const fetch = nodeFetchers[type];
  if (!fetch) throw badInput(`"${globalId.slice(0, 60)}" is not a valid id.`);
  return fetch(ctx, ctx.viewer as Viewer, id);
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Fetch any object by its global id; null if it is not visible to you.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return fetchNode(ctx, id);
  }

  @Authorized()
  @Query(() => [Node], { nullable: 'items', description: `Fetch up to ${MAX_NODES} objects by global id, in order.` })
  nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
  ): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODES) throw badInput(`Ask for at most ${MAX_NODES} ids at once.`);
    return Promise.all(ids.map((id) => fetchNode(ctx, id)));
  }
}

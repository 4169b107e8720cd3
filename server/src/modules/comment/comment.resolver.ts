import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { dayOf } from '../../common/anonymity';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import { hidesIdentity, HIDDEN_PAIR_LABEL } from '../barrier/barrier.masking';
import { Person } from '../person/person.type';
import { AddCommentInput } from './comment.inputs';
import { AddCommentPayload } from './comment.payloads';
import { CommentService } from './comment.service';
import { Comment } from './comment.type';

/** The barrier a comment's author might be anonymous on: the comment's barrier, or its change's. */
async function barrierOf(ctx: Context, comment: Comment): Promise<string | null> {
  if (comment.entity.barrierId) return comment.entity.barrierId;
  const change = comment.entity.changeId ? await ctx.loaders.change.change.load(comment.entity.changeId) : null;
  return change?.barrierId ?? null;
}

@Resolver(() => Comment)
export class CommentResolver {
  @Authorized()
  @Mutation(() => AddCommentPayload, { description: 'Comment on a barrier or a change; those following it are notified.' })
  addComment(@InputArg(AddCommentInput) input: AddCommentInput, @Ctx() ctx: Context) {
    return mutate(AddCommentPayload, input, async () => ({ comment: Comment.from(await new CommentService(ctx).add(input.subjectId, input.body)) }));
  }

  @Authorized()
  @FieldResolver(() => Person, { nullable: true, description: 'Null where an anonymous barrier hides the raising pair.' })
  async author(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Person | null> {
    if (await hidesIdentity(ctx, await barrierOf(ctx, comment), comment.entity.authorId)) return null;
    const person = await ctx.loaders.identity.person.load(comment.entity.authorId);
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => String)
  async authorName(@Root() comment: Comment, @Ctx() ctx: Context): Promise<string> {
    if (await hidesIdentity(ctx, await barrierOf(ctx, comment), comment.entity.authorId)) return HIDDEN_PAIR_LABEL;
    return (await ctx.loaders.identity.person.load(comment.entity.authorId))?.displayName ?? 'Someone';
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it was written; the day only where an anonymous barrier hides its author, so it cannot be lined up with a session.' })
  async createdAt(@Root() comment: Comment, @Ctx() ctx: Context): Promise<Date> {
    const hidden = await hidesIdentity(ctx, await barrierOf(ctx, comment), comment.entity.authorId);
    return hidden ? dayOf(comment.entity.createdAt) : comment.entity.createdAt;
  }
}

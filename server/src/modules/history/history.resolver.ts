import { dayOf } from '../../common/anonymity';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import type { Context } from '../../context';
import { hidesIdentity, HIDDEN_PAIR_LABEL } from '../barrier/barrier.masking';
import { Person } from '../person/person.type';
import { HistoryEvent } from './history.type';

@Resolver(() => HistoryEvent)
export class HistoryEventResolver {
  @Authorized()
  @FieldResolver(() => Person, { nullable: true, description: 'Who did it; null where an anonymous barrier hides the raising pair.' })
  async actor(@Root() event: HistoryEvent, @Ctx() ctx: Context): Promise<Person | null> {
    if (await hidesIdentity(ctx, event.entity.barrierId, event.entity.actorId)) return null;
    const person = await ctx.loaders.identity.person.load(event.entity.actorId);
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => Date, { description: 'When it happened; the day only (midnight UTC) where an anonymous barrier hides who did it.' })
  async at(@Root() event: HistoryEvent, @Ctx() ctx: Context): Promise<Date> {
    return (await hidesIdentity(ctx, event.entity.barrierId, event.entity.actorId)) ? dayOf(event.entity.createdAt) : event.entity.createdAt;
  }

  @Authorized()
  @FieldResolver(() => Person, { nullable: true, description: 'Who a change was handed to (CHANGE_OWNER_CHANGED); owners are never anonymous.' })
  async newOwner(@Root() event: HistoryEvent, @Ctx() ctx: Context): Promise<Person | null> {
    const person = event.ownerId ? await ctx.loaders.identity.person.load(event.ownerId) : null;
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'The name to show for who did it.' })
  async actorName(@Root() event: HistoryEvent, @Ctx() ctx: Context): Promise<string> {
    if (await hidesIdentity(ctx, event.entity.barrierId, event.entity.actorId)) return HIDDEN_PAIR_LABEL;
    return (await ctx.loaders.identity.person.load(event.entity.actorId))?.displayName ?? 'Someone';
  }
}

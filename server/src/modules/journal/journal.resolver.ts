import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import { Pair } from '../pair/pair.type';
import { Programme } from '../programme/programme.type';
import { DeleteJournalEntryInput, RateMyGoalsInput, WriteJournalEntryInput } from './journal.inputs';
import { GoalRatingPayload, JournalEntryPayload } from './journal.payloads';
import { JournalService } from './journal.service';
import { GoalChangeFigure, GoalRating, JournalEntry, JournalEntryConnection } from './journal.type';

@Resolver(() => JournalEntry)
export class JournalResolver {
  @Authorized()
  @Query(() => JournalEntryConnection, { description: "The viewer's own reflective journal, newest first. Nobody else's can be listed." })
  myJournal(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new JournalService(ctx).mine(args);
  }

  @Authorized()
  @Mutation(() => JournalEntryPayload, { description: 'Write a journal entry; readable by you alone, stored encrypted.' })
  writeJournalEntry(@InputArg(WriteJournalEntryInput) input: WriteJournalEntryInput, @Ctx() ctx: Context) {
    return mutate(JournalEntryPayload, input, async () => ({ entry: await new JournalService(ctx).write(input) }));
  }

  @Authorized()
  @Mutation(() => JournalEntryPayload, { description: 'Delete one of your journal entries.' })
  deleteJournalEntry(@InputArg(DeleteJournalEntryInput) input: DeleteJournalEntryInput, @Ctx() ctx: Context) {
    return mutate(JournalEntryPayload, input, async () => {
      await new JournalService(ctx).delete(input);
      return { entry: null };
    });
  }

  @Authorized()
  @Mutation(() => GoalRatingPayload, { description: 'Rate your own goals at the start or end of a programme; share with your partner if you choose.' })
  rateMyGoals(@InputArg(RateMyGoalsInput) input: RateMyGoalsInput, @Ctx() ctx: Context) {
    return mutate(GoalRatingPayload, input, async () => ({ rating: await new JournalService(ctx).rate(input) }));
  }
}

@Resolver(() => Pair)
export class PairGoalsResolver {
  @Authorized()
  @FieldResolver(() => [GoalRating], { description: "Goal ratings in the pair's programme: your own, and your partner's that they shared. Empty for anyone else." })
  goalRatings(@Root() pair: Pair, @Ctx() ctx: Context): Promise<GoalRating[]> {
    return new JournalService(ctx).ofPair(pair.entity);
  }
}

@Resolver(() => Programme)
export class ProgrammeGoalsResolver {
  @Authorized()
  @FieldResolver(() => GoalChangeFigure, { nullable: true, description: 'How goal self-ratings moved from start to end; for programme managers, withheld under five people.' })
  goalChange(@Root() programme: Programme, @Ctx() ctx: Context): Promise<GoalChangeFigure | null> {
    return new JournalService(ctx).changeOf(programme.entity);
  }
}

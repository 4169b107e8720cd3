import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { pairPolicy } from '../pair/pair.policy';
import { Pair } from '../pair/pair.type';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { programmePolicy } from '../programme/programme.policy';
import { Programme } from '../programme/programme.type';
import { RecordTrainingCompletionInput, RemoveTrainingModuleInput, SaveTrainingModuleInput } from './training.inputs';
import { TrainingCompletionPayload, TrainingModulePayload } from './training.payloads';
import { modulesForSide, sideIn, TrainingService } from './training.service';
import { type PairSide, TrainingCompletion, TrainingModule, TrainingStatus } from './training.type';

async function statusOf(ctx: Context, programmeId: string, personId: string, side: PairSide | null): Promise<TrainingStatus> {
  const modules = await ctx.loaders.training.modulesByProgramme.load(programmeId);
  const completions = await ctx.loaders.training.completionsByModule.loadMany(modules.map((m) => m.id));
  const isDone = (moduleId: string) => modules.some((m, i) => m.id === moduleId && Array.isArray(completions[i]) && (completions[i] as { personId: string }[]).some((c) => c.personId === personId));
  const expected = side ? modulesForSide(modules, side) : modules;
  return Object.assign(new TrainingStatus(), {
    personId,
    side,
    completed: expected.filter((m) => isDone(m.id)).map(TrainingModule.from),
    missing: side ? expected.filter((m) => !isDone(m.id)).map(TrainingModule.from) : [],
  });
}

@Resolver(() => Programme)
export class ProgrammeTrainingResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => TrainingModulePayload, { description: 'Add a training module to a programme, or edit one, until it closes.' })
  saveTrainingModule(@InputArg(SaveTrainingModuleInput) input: SaveTrainingModuleInput, @Ctx() ctx: Context) {
    return mutate(TrainingModulePayload, input, async () => {
      const { programme, module } = await new TrainingService(ctx).save(input);
      return { programme: Programme.from(programme), trainingModule: TrainingModule.from(module) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => TrainingModulePayload, { description: 'Take a training module out of a programme (its completions go with it; the history keeps them).' })
  removeTrainingModule(@InputArg(RemoveTrainingModuleInput) input: RemoveTrainingModuleInput, @Ctx() ctx: Context) {
    return mutate(TrainingModulePayload, input, async () => ({ programme: Programme.from(await new TrainingService(ctx).remove(input)) }));
  }

  @Authorized()
  @Mutation(() => TrainingCompletionPayload, { description: 'Record that you (or, as a programme manager, someone) completed a training module.' })
  recordTrainingCompletion(@InputArg(RecordTrainingCompletionInput) input: RecordTrainingCompletionInput, @Ctx() ctx: Context) {
    return mutate(TrainingCompletionPayload, input, async () => {
      const { module, completion } = await new TrainingService(ctx).record(input);
      return { trainingModule: TrainingModule.from(module), completion: TrainingCompletion.from(completion) };
    });
  }

  @Authorized()
  @FieldResolver(() => [TrainingModule], { description: 'Training modules per side, in order.', complexity: unpagedList })
  async trainingModules(@Root() programme: Programme, @Ctx() ctx: Context): Promise<TrainingModule[]> {
    return (await ctx.loaders.training.modulesByProgramme.load(programme.entity.id)).map(TrainingModule.from);
  }

  @Authorized()
  @FieldResolver(() => [TrainingStatus], {
    description: "Who has completed what: everyone in the programme for its managers; the viewer's own for anyone else.",
    complexity: unpagedList,
  })
  async trainingProgress(@Root() programme: Programme, @Ctx() ctx: Context): Promise<TrainingStatus[]> {
    const viewer = ctx.viewer as Viewer;
    const participants = await new TrainingService(ctx).participants(programme.entity);
    if (programmePolicy.canManage(viewer, programme.entity.organisationId)) {
      return Promise.all(participants.map((p) => statusOf(ctx, programme.entity.id, p.personId, p.side)));
    }
    const mine = participants.find((p) => p.personId === viewer.personId);
    return [await statusOf(ctx, programme.entity.id, viewer.personId, mine?.side ?? null)];
  }

  @Authorized()
  @FieldResolver(() => [TrainingCompletion], { description: 'Every completion recorded, newest first; for its programme managers.', complexity: unpagedList })
  async trainingHistory(@Root() programme: Programme, @Ctx() ctx: Context): Promise<TrainingCompletion[]> {
    if (!programmePolicy.canManage(ctx.viewer as Viewer, programme.entity.organisationId)) return [];
    const modules = await ctx.loaders.training.modulesByProgramme.load(programme.entity.id);
    const completions = (await ctx.loaders.training.completionsByModule.loadMany(modules.map((m) => m.id))).flatMap((c) => (Array.isArray(c) ? c : []));
    return completions.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime()).map(TrainingCompletion.from);
  }
}

@Resolver(() => TrainingModule)
export class TrainingModuleResolver {
  @Authorized()
  @FieldResolver(() => TrainingCompletion, { nullable: true, description: 'When the viewer completed it, if they have.' })
  async viewerCompletion(@Root() module: TrainingModule, @Ctx() ctx: Context): Promise<TrainingCompletion | null> {
    const mine = (await ctx.loaders.training.completionsByModule.load(module.entity.id)).find((c) => c.personId === (ctx.viewer as Viewer).personId);
    return mine ? TrainingCompletion.from(mine) : null;
  }
}

@Resolver(() => TrainingCompletion)
export class TrainingCompletionResolver {
  @Authorized()
  @FieldResolver(() => Person, { nullable: true, description: 'Who completed it.' })
  async person(@Root() completion: TrainingCompletion, @Ctx() ctx: Context): Promise<Person | null> {
    const person = await ctx.loaders.identity.person.load(completion.entity.personId);
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => Person, { nullable: true, description: 'Who recorded it: the person or a programme manager.' })
  async recordedBy(@Root() completion: TrainingCompletion, @Ctx() ctx: Context): Promise<Person | null> {
    const person = await ctx.loaders.identity.person.load(completion.entity.recordedById);
    return person ? Person.from(person) : null;
  }

  @Authorized()
  @FieldResolver(() => TrainingModule, { nullable: true })
  async module(@Root() completion: TrainingCompletion, @Ctx() ctx: Context): Promise<TrainingModule | null> {
    const programmeModules = await ctx.loaders.training.moduleById.load(completion.entity.moduleId);
    return programmeModules ? TrainingModule.from(programmeModules) : null;
  }
}

@Resolver(() => TrainingStatus)
export class TrainingStatusResolver {
  @Authorized()
  @FieldResolver(() => Person, { nullable: true })
  async person(@Root() status: TrainingStatus, @Ctx() ctx: Context): Promise<Person | null> {
    const person = await ctx.loaders.identity.person.load(status.personId);
    return person ? Person.from(person) : null;
  }
}

@Resolver(() => Pair)
export class PairTrainingResolver {
  @Authorized()
  @FieldResolver(() => [TrainingStatus], {
    nullable: true,
    description: "Each co-learner's training for their side; for the pair and its programme managers (null for others).",
    complexity: unpagedList,
  })
  async training(@Root() pair: Pair, @Ctx() ctx: Context): Promise<TrainingStatus[] | null> {
    const viewer = ctx.viewer as Viewer;
    if (!pairPolicy.isMember(viewer, pair.entity) && !pairPolicy.canManage(viewer, pair.entity)) return null;
    const people = [pair.entity.seniorId, pair.entity.juniorId];
    return Promise.all(people.map((personId) => statusOf(ctx, pair.entity.programmeId, personId, sideIn(pair.entity, personId))));
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "Whether the programme holds this pair's start until both have completed their training." })
  async trainingRequired(@Root() pair: Pair, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.loaders.programmeTemplate.designByProgramme.load(pair.entity.programmeId))?.trainingRequired ?? false;
  }
}


import { In, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { EventKind } from '../history/event.entity';
import { recordEvent } from '../history/history.service';
import { OPEN_PAIR, PairEntity } from '../pair/pair.entity';
import { MembershipEntity } from '../person/membership.entity';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeDesignEntity } from '../programme-template/programme-design.entity';
import { lockEditableProgramme } from '../programme-template/programme-template.service';
import { ProgrammeEntity } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { TrainingCompletionEntity, TrainingModuleEntity, TrainingSide } from './training.entity';
import type { RecordTrainingCompletionInput, RemoveTrainingModuleInput, SaveTrainingModuleInput } from './training.inputs';
import { trainingPolicy } from './training.policy';
import type { PairSide } from './training.type';

/** The modules one side of a pair must complete: its own and those for both sides. */
export const modulesForSide = (modules: TrainingModuleEntity[], side: PairSide) => modules.filter((m) => m.side === side || m.side === TrainingSide.BOTH);

/** A person's side in a pair. */
export const sideIn = (pair: PairEntity, personId: string): PairSide | null =>
  pair.seniorId === personId ? TrainingSide.SENIOR : pair.juniorId === personId ? TrainingSide.JUNIOR : null;

/** Who sits on which side of a programme's pair: a pair, or a proposal the matching assistant made. */
export type Couple = Pick<PairEntity, 'programmeId' | 'seniorId' | 'juniorId'>;

export interface TrainingGap {
  personId: string;
  side: PairSide;
  missing: TrainingModuleEntity[];
}

/** What each co-learner of a pair still has to complete for their side, given the programme's modules and completions. */
export function gapsOf(pair: Couple, modules: TrainingModuleEntity[], done: Pick<TrainingCompletionEntity, 'moduleId' | 'personId'>[]): TrainingGap[] {
  const gaps: TrainingGap[] = [];
  for (const [personId, side] of [[pair.seniorId, TrainingSide.SENIOR], [pair.juniorId, TrainingSide.JUNIOR]] as const) {
    const missing = modulesForSide(modules, side).filter((m) => !done.some((c) => c.moduleId === m.id && c.personId === personId));
    if (missing.length) gaps.push({ personId, side, missing });
  }
  return gaps;
}

/** What each co-learner of a pair still has to complete for their side, read inside a transaction; empty when both are done. */
export async function trainingGaps(tx: EntityManager, pair: PairEntity): Promise<TrainingGap[]> {
  const modules = await tx.getRepository(TrainingModuleEntity).find({ where: { programmeId: pair.programmeId }, order: { position: 'ASC' } });
  if (!modules.length) return [];
  const done = await tx.getRepository(TrainingCompletionEntity).find({ where: { moduleId: In(modules.map((m) => m.id)), personId: In([pair.seniorId, pair.juniorId]) } });
  return gapsOf(pair, modules, done);
}

/** The same, through the request's loaders: one query per kind of row whatever the number of pairs. */
export async function loadedTrainingGaps(ctx: Context, pair: Couple): Promise<TrainingGap[]> {
  const modules = await ctx.loaders.training.modulesByProgramme.load(pair.programmeId);
  const completions = (await ctx.loaders.training.completionsByModule.loadMany(modules.map((m) => m.id))).flatMap((c) => (Array.isArray(c) ? c : []));
  return gapsOf(pair, modules, completions);
}

/**
 * The programme rule "a pair starts only when both have completed their side's training": throws
 * TRAINING_INCOMPLETE naming who is missing what, when the rule is on and the pair is not ready.
 */
export async function assertPairMayStart(tx: EntityManager, pair: PairEntity): Promise<void> {
  const design = await tx.getRepository(ProgrammeDesignEntity).findOneBy({ programmeId: pair.programmeId });
  if (!design?.trainingRequired) return;
  const gaps = await trainingGaps(tx, pair);
  if (!gaps.length) return;
  const people = await tx.getRepository(PersonEntity).findBy({ id: In(gaps.map((g) => g.personId)) });
  const who = gaps.map((g) => `${people.find((p) => p.id === g.personId)?.displayName ?? 'A co-learner'} still has to complete ${g.missing.map((m) => `“${m.title}”`).join(', ')}`);
  throw new DomainError(UserErrorCode.TRAINING_INCOMPLETE, `This programme starts a pair only when both have completed their training: ${who.join('; ')}.`);
}

export class TrainingService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  async save(input: SaveTrainingModuleInput): Promise<{ programme: ProgrammeEntity; module: TrainingModuleEntity }> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await lockEditableProgramme(tx, this.viewer, idOf(input.programmeId, 'Programme'));
      const modules = tx.getRepository(TrainingModuleEntity);
      let module: TrainingModuleEntity;
      if (input.trainingModuleId) {
        const found = await modules.findOneBy({ id: idOf(input.trainingModuleId, 'TrainingModule'), programmeId: programme.id });
        if (!found) throw new DomainError(UserErrorCode.NOT_FOUND, 'That module is not part of this programme.', ['input', 'trainingModuleId']);
        module = found;
      } else {
        module = modules.create({ programmeId: programme.id, position: await modules.countBy({ programmeId: programme.id }) });
      }
      Object.assign(module, { side: input.side, title: input.title.trim(), description: input.description.trim(), expectedHours: input.expectedHours });
      return { programme, module: await modules.save(module) };
    });
  }

  async remove(input: RemoveTrainingModuleInput): Promise<ProgrammeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const module = await tx.getRepository(TrainingModuleEntity).findOneBy({ id: idOf(input.trainingModuleId, 'TrainingModule') });
      if (!module) throw notFound('That training module');
      const programme = await lockEditableProgramme(tx, this.viewer, module.programmeId);
      await tx.getRepository(TrainingModuleEntity).delete({ id: module.id });
      return programme;
    });
  }

  /** Records a completion (once per person and module) with who recorded it, and adds it to the history. */
  async record(input: RecordTrainingCompletionInput): Promise<{ module: TrainingModuleEntity; completion: TrainingCompletionEntity }> {
    return this.ctx.db.transaction(async (tx) => {
      const module = await tx.getRepository(TrainingModuleEntity).findOneBy({ id: idOf(input.trainingModuleId, 'TrainingModule') });
      const programme = module && (await findForUpdate(tx, ProgrammeEntity, module.programmeId));
      if (!module || !programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That training module');
      const personId = input.personId ? idOf(input.personId, 'Person') : this.viewer.personId;
      if (!trainingPolicy.canRecordFor(this.viewer, programme.organisationId, personId)) throw forbidden("Only a programme manager can record someone else's training.");
      const member = await tx.getRepository(MembershipEntity).findOneBy({ organisationId: programme.organisationId, personId });
      if (!member) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a member of this organisation.', ['input', 'personId']);
      const completions = tx.getRepository(TrainingCompletionEntity);
      if (await completions.findOneBy({ moduleId: module.id, personId })) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'This training is already recorded as completed.', ['input', 'trainingModuleId']);
      }
      const completion = await completions.save(completions.create({ moduleId: module.id, personId, recordedById: this.viewer.personId }));
      await recordEvent(tx, {
        organisationId: programme.organisationId,
        kind: EventKind.TRAINING_COMPLETED,
        actorId: this.viewer.personId,
        detail: { programmeId: programme.id, trainingModuleId: module.id, personId, title: module.title },
      });
      return { module, completion };
    });
  }

  /** Everyone in the programme's open pairs, and anyone who has completed one of its modules, with their side. */
  async participants(programme: ProgrammeEntity): Promise<{ personId: string; side: PairSide | null }[]> {
    const pairs = (await this.ctx.loaders.training.pairsByProgramme.load(programme.id)).filter((p) => OPEN_PAIR.includes(p.status));
    const modules = await this.ctx.loaders.training.modulesByProgramme.load(programme.id);
    const completions = (await this.ctx.loaders.training.completionsByModule.loadMany(modules.map((m) => m.id))).flatMap((c) => (Array.isArray(c) ? c : []));
    const people = new Map<string, PairSide | null>();
    for (const pair of pairs) {
      people.set(pair.seniorId, TrainingSide.SENIOR);
      people.set(pair.juniorId, TrainingSide.JUNIOR);
    }
    for (const c of completions) if (!people.has(c.personId)) people.set(c.personId, null);
    return [...people].map(([personId, side]) => ({ personId, side }));
  }
}

import { today } from '../../common/dates';
import { assertUnreachable, DomainError, notFound, UserErrorCode } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { QuestionnaireStatus } from '../evaluation/evaluation.entity';
import { OPEN_PAIR, PairStatus } from '../pair/pair.entity';
import { addMonths, lockEditableProgramme, planDate, programmeMonthOn } from '../programme-template/programme-template.service';
import { guide as standardGuide } from '../programme-template/templates';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { loadedTrainingGaps } from '../training/training.service';
import { GuideStepEntity, GuideStepKey } from './guide.entity';
import type { AddProgrammeGuideInput, MarkGuideStepInput } from './guide.inputs';
import { GuideStep } from './guide.type';

/** What the app looks for, step by step; REPORT and CELEBRATE are for a manager to mark. */
export const EVIDENCE: Record<GuideStepKey, string> = {
  [GuideStepKey.RECRUIT]: 'At least two co-learners belong to the organisation.',
  [GuideStepKey.TRAIN]: 'Everyone in a current pair has completed their side’s training.',
  [GuideStepKey.MATCH]: 'The programme has pairs.',
  [GuideStepKey.LAUNCH]: 'The programme has started.',
  [GuideStepKey.MID_POINT]: 'The mid-point has passed and a questionnaire has been opened.',
  [GuideStepKey.EVALUATE]: 'The programme’s questionnaire has been closed.',
  [GuideStepKey.REPORT]: 'Marked by a manager once the report has gone to its audience.',
  [GuideStepKey.CELEBRATE]: 'Marked by a manager.',
};

/** The programme manager's checklist, ticked from what the app sees and from what managers mark. */
export class GuideService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** What the app sees done for each step of one programme, read through the request's loaders (no query per programme). */
  private async seen(programme: ProgrammeEntity, steps: GuideStepEntity[]): Promise<Map<GuideStepKey, boolean>> {
    const loaders = this.ctx.loaders;
    const coLearners = await loaders.guide.coLearnersByOrganisation.load(programme.organisationId);
    const pairs = (await loaders.training.pairsByProgramme.load(programme.id)).filter((p) => p.status !== PairStatus.ENDED);
    const current = pairs.filter((p) => OPEN_PAIR.includes(p.status));
    const gaps = await Promise.all(current.map((p) => loadedTrainingGaps(this.ctx, p)));
    const questionnaire = await loaders.guide.questionnaireByProgramme.load(programme.id);
    const midStep = steps.find((s) => s.key === GuideStepKey.MID_POINT);
    const midPoint = addMonths(programme.startsOn, midStep?.dueMonth ?? 0);
    const result = new Map<GuideStepKey, boolean>();
    for (const key of Object.values(GuideStepKey)) {
      switch (key) {
        case GuideStepKey.RECRUIT:
          result.set(key, coLearners >= 2);
          break;
        case GuideStepKey.TRAIN:
          result.set(key, current.length > 0 && gaps.every((g) => g.length === 0));
          break;
        case GuideStepKey.MATCH:
          result.set(key, pairs.length > 0);
          break;
        case GuideStepKey.LAUNCH:
          result.set(key, programme.status !== ProgrammeStatus.PLANNED);
          break;
        case GuideStepKey.MID_POINT:
          result.set(key, today() >= midPoint && questionnaire !== null);
          break;
        case GuideStepKey.EVALUATE:
          result.set(key, questionnaire?.status === QuestionnaireStatus.CLOSED);
          break;
        case GuideStepKey.REPORT:
        case GuideStepKey.CELEBRATE:
          result.set(key, false);
          break;
        default:
          assertUnreachable(key);
      }
    }
    return result;
  }

  async stepsOf(programme: ProgrammeEntity): Promise<GuideStep[]> {
    const steps = await this.ctx.loaders.guide.stepsByProgramme.load(programme.id);
    if (!steps.length) return [];
    const seen = await this.seen(programme, steps);
    return steps.map((s) => GuideStep.from(s, s.dueMonth === null ? null : planDate(programme, s.dueMonth), seen.get(s.key) ?? false, EVIDENCE[s.key]));
  }

  /** Gives a programme made blank the standard eight-step guide, timed to its own length. */
  async addStandard(input: AddProgrammeGuideInput): Promise<GuideStep[]> {
    const programme = await this.ctx.db.transaction(async (tx) => {
      const locked = await lockEditableProgramme(tx, this.viewer, idOf(input.programmeId, 'Programme'));
      if (await tx.getRepository(GuideStepEntity).existsBy({ programmeId: locked.id })) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'This programme already has its guide.', ['input', 'programmeId']);
      }
      const steps = standardGuide(programmeMonthOn(locked, locked.endsOn), {});
      await tx.getRepository(GuideStepEntity).insert(steps.map((s, position) => ({ programmeId: locked.id, position, key: s.key, title: s.title, guidance: s.guidance, dueMonth: s.dueMonth })));
      return locked;
    });
    this.ctx.loaders.guide.stepsByProgramme.clear(programme.id);
    return this.stepsOf(programme);
  }

  async mark(input: MarkGuideStepInput): Promise<GuideStep> {
    const step = await this.ctx.db.transaction(async (tx) => {
      const found = await tx.getRepository(GuideStepEntity).findOneBy({ id: idOf(input.guideStepId, 'GuideStep') });
      if (!found) throw notFound('That guide step');
      await lockEditableProgramme(tx, this.viewer, found.programmeId);
      Object.assign(found, input.done ? { markedDoneAt: new Date(), markedDoneById: this.viewer.personId } : { markedDoneAt: null, markedDoneById: null });
      return tx.getRepository(GuideStepEntity).save(found);
    });
    const programme = await this.ctx.db.getRepository(ProgrammeEntity).findOneByOrFail({ id: step.programmeId });
    this.ctx.loaders.guide.stepsByProgramme.clear(programme.id);
    return (await this.stepsOf(programme)).find((s) => s.entity.id === step.id)!;
  }
}

import type { EntityManager } from 'typeorm';
import { addDays, isIsoDate } from '../../common/dates';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { CurriculumMonthEntity } from '../curriculum/curriculum.entity';
import { EvaluationService } from '../evaluation/evaluation.service';
import { QuestionnairePhase, type QuestionnaireEntity } from '../evaluation/evaluation.entity';
import { GuideStepEntity } from '../programme-guide/guide.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { targetOrganisation } from '../programme/programme.service';
import { TrainingModuleEntity } from '../training/training.entity';
import { ProgrammeDesignEntity } from './programme-design.entity';
import type { CreateProgrammeFromTemplateInput, UpdateProgrammeDesignInput } from './programme-template.inputs';
import type { ProgrammeDesign } from './programme-template.type';
import { DEFAULT_WORDING, type ProgrammeTemplateDefinition, templateOf } from './templates';

/** The date `months` calendar months after an ISO date (negative for before); the 31st falls back to the month's end. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The date a plan item `month` months from the start falls on, never after the programme's last day. */
export function planDate(programme: Pick<ProgrammeEntity, 'startsOn' | 'endsOn'>, month: number): string {
  const date = addMonths(programme.startsOn, month);
  return date > programme.endsOn ? programme.endsOn : date;
}

/** Which month of the programme a date falls in: 1 for its first month, clamped to [1, last]. */
export function programmeMonthOn(programme: Pick<ProgrammeEntity, 'startsOn' | 'endsOn'>, isoDate: string): number {
  const [sy, sm, sd] = programme.startsOn.split('-').map(Number);
  const [y, m, d] = isoDate.split('-').map(Number);
  const elapsed = (y - sy) * 12 + (m - sm) - (d < sd ? 1 : 0);
  const [ey, em, ed] = programme.endsOn.split('-').map(Number);
  const last = (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0) + 1;
  return Math.min(Math.max(elapsed + 1, 1), Math.max(last, 1));
}

/**
 * Locks a programme whose design the viewer may edit: visible (NOT_FOUND otherwise), managed
 * (FORBIDDEN otherwise), and not closed (INVALID_TRANSITION). Every design edit goes through here.
 */
export async function lockEditableProgramme(tx: EntityManager, viewer: Viewer, programmeId: string): Promise<ProgrammeEntity> {
  const programme = await findForUpdate(tx, ProgrammeEntity, programmeId);
  if (!programme || !programmePolicy.canSee(viewer, programme.organisationId)) throw notFound('That programme');
  if (!programmePolicy.canManage(viewer, programme.organisationId)) throw forbidden('Only a programme manager can change how a programme is designed.');
  if (!programmePolicy.canEdit(viewer, programme)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme has closed; it can no longer be edited.');
  return programme;
}

/** A programme's design, with the reciprocal defaults for a programme made blank. */
export function designView(programme: ProgrammeEntity, row: ProgrammeDesignEntity | null): ProgrammeDesign {
  const planned = row?.closingQuestionnaire ?? null;
  return {
    templateKey: (row?.templateKey as ProgrammeDesign['templateKey']) ?? null,
    seniorLabel: row?.seniorLabel ?? DEFAULT_WORDING.seniorLabel,
    juniorLabel: row?.juniorLabel ?? DEFAULT_WORDING.juniorLabel,
    trainingRequired: row?.trainingRequired ?? false,
    milestones: (row?.milestones ?? []).map((m) => ({ ...m, dueOn: planDate(programme, m.month) })),
    closingQuestionnaire: planned && { ...planned, dueOn: planDate(programme, planned.month) },
  };
}

/**
 * Copies a template into a programme's own rows (design, curriculum, training, guide), so that a
 * later change to the template never changes a programme made from it.
 */
export async function copyTemplate(tx: EntityManager, programme: ProgrammeEntity, template: ProgrammeTemplateDefinition): Promise<void> {
  await tx.getRepository(ProgrammeDesignEntity).insert({
    programmeId: programme.id,
    templateKey: template.key,
    seniorLabel: template.seniorLabel,
    juniorLabel: template.juniorLabel,
    trainingRequired: template.trainingRequired,
    milestones: template.milestones.map((m) => ({ ...m })),
    closingQuestionnaire: { ...template.questionnaire, questions: template.questionnaire.questions.map((q) => ({ ...q })) },
  });
  await tx.getRepository(CurriculumMonthEntity).insert(
    template.curriculum.map((m) => ({ programmeId: programme.id, month: m.month, topic: m.topic, guidance: m.guidance, resources: m.resources.map((r) => ({ ...r })), prompts: [...m.prompts] })),
  );
  await tx.getRepository(TrainingModuleEntity).insert(template.training.map((t, position) => ({ programmeId: programme.id, position, ...t })));
  await tx.getRepository(GuideStepEntity).insert(
    template.guide.map((s, position) => ({ programmeId: programme.id, position, key: s.key, title: s.title, guidance: s.guidance, dueMonth: s.dueMonth })),
  );
}

export class ProgrammeTemplateService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** Creates a PLANNED programme and copies the template into its own rows, all in one transaction. */
  async createFromTemplate(input: CreateProgrammeFromTemplateInput): Promise<ProgrammeEntity> {
    const template = templateOf(input.templateKey);
    if (!template) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose one of the offered templates.', ['input', 'templateKey']);
    const organisationId = targetOrganisation(this.viewer, input.organisationId);
    if (!programmePolicy.canManage(this.viewer, organisationId)) throw forbidden('Only a programme manager can create programmes.');
    if (!isIsoDate(input.startsOn)) throw new DomainError(UserErrorCode.INVALID_INPUT, 'That start date does not exist.', ['input', 'startsOn']);
    const endsOn = input.endsOn ?? addDays(addMonths(input.startsOn, template.lengthMonths), -1);
    if (!isIsoDate(endsOn) || endsOn <= input.startsOn) throw new DomainError(UserErrorCode.INVALID_INPUT, 'The programme must end after it starts.', ['input', 'endsOn']);

    return this.ctx.db.transaction(async (tx) => {
      const programme = await tx.getRepository(ProgrammeEntity).save(
        tx.getRepository(ProgrammeEntity).create({
          organisationId,
          name: input.name.trim(),
          description: input.description?.trim() || template.summary,
          startsOn: input.startsOn,
          endsOn,
          sessionCadence: template.sessionCadence,
        }),
      );
      await copyTemplate(tx, programme, template);
      return programme;
    });
  }

  /** Wording, the training rule and milestones, editable until the programme closes. */
  async updateDesign(input: UpdateProgrammeDesignInput): Promise<{ programme: ProgrammeEntity; design: ProgrammeDesignEntity }> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await lockEditableProgramme(tx, this.viewer, idOf(input.programmeId, 'Programme'));
      const designs = tx.getRepository(ProgrammeDesignEntity);
      const design =
        (await designs.findOneBy({ programmeId: programme.id })) ??
        designs.create({ programmeId: programme.id, templateKey: null, ...DEFAULT_WORDING, trainingRequired: false, milestones: [], closingQuestionnaire: null });
      if (input.seniorLabel) design.seniorLabel = input.seniorLabel.trim();
      if (input.juniorLabel) design.juniorLabel = input.juniorLabel.trim();
      if (design.seniorLabel.toLowerCase() === design.juniorLabel.toLowerCase()) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Give the two sides different names, so people can tell them apart.', ['input', 'juniorLabel']);
      }
      if (input.trainingRequired !== undefined && input.trainingRequired !== null) design.trainingRequired = input.trainingRequired;
      if (input.milestones) design.milestones = [...input.milestones].sort((a, b) => a.month - b.month).map((m) => ({ month: m.month, title: m.title.trim() }));
      return { programme, design: await designs.save(design) };
    });
  }

  /** Opens the questionnaire the programme planned, through the evaluation module's own rules. */
  async openClosingQuestionnaire(programmeGlobalId: string): Promise<QuestionnaireEntity> {
    const programmeId = idOf(programmeGlobalId, 'Programme');
    const programme = await this.ctx.db.getRepository(ProgrammeEntity).findOneBy({ id: programmeId });
    if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
    if (programme.status === ProgrammeStatus.PLANNED) {
      throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Start the programme before opening its closing questionnaire.', ['input', 'programmeId']);
    }
    const planned = (await this.ctx.db.getRepository(ProgrammeDesignEntity).findOneBy({ programmeId }))?.closingQuestionnaire;
    return new EvaluationService(this.ctx).open({ programmeId, phase: QuestionnairePhase.CLOSING, title: planned?.title, questions: planned?.questions });
  }
}

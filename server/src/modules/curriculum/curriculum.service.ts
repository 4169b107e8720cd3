import { notFound } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import type { ProgrammeEntity } from '../programme/programme.entity';
import { lockEditableProgramme } from '../programme-template/programme-template.service';
import { CurriculumMonthEntity } from './curriculum.entity';
import type { RemoveCurriculumMonthInput, SaveCurriculumMonthInput } from './curriculum.inputs';

/** The month-by-month plan: managers edit it until the programme closes; its members read it. */
export class CurriculumService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  async save(input: SaveCurriculumMonthInput): Promise<{ programme: ProgrammeEntity; month: CurriculumMonthEntity }> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await lockEditableProgramme(tx, this.viewer, idOf(input.programmeId, 'Programme'));
      const months = tx.getRepository(CurriculumMonthEntity);
      const month = (await months.findOneBy({ programmeId: programme.id, month: input.month })) ?? months.create({ programmeId: programme.id, month: input.month });
      Object.assign(month, {
        topic: input.topic.trim(),
        guidance: input.guidance.trim(),
        resources: input.resources.map((r) => ({ title: r.title.trim(), url: r.url?.trim() || null, text: r.text?.trim() || null })),
        prompts: input.prompts.map((p) => p.trim()),
      });
      return { programme, month: await months.save(month) };
    });
  }

  async remove(input: RemoveCurriculumMonthInput): Promise<ProgrammeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const month = await tx.getRepository(CurriculumMonthEntity).findOneBy({ id: idOf(input.curriculumMonthId, 'CurriculumMonth') });
      if (!month) throw notFound('That curriculum month');
      const programme = await lockEditableProgramme(tx, this.viewer, month.programmeId);
      await tx.getRepository(CurriculumMonthEntity).delete({ id: month.id });
      return programme;
    });
  }
}

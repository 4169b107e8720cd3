import type { DataSource } from 'typeorm';
import { addDays } from '../../common/dates';
import { EventKind } from '../history/event.entity';
import { recordEvent } from '../history/history.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PairEntity } from '../pair/pair.entity';
import { PersonEntity } from '../person/person.entity';
import { GuideStepEntity, GuideStepKey } from '../programme-guide/guide.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { TrainingCompletionEntity, TrainingModuleEntity } from '../training/training.entity';
import { modulesForSide, sideIn } from '../training/training.service';
import { ProgrammeDesignEntity } from './programme-design.entity';
import { addMonths, copyTemplate } from './programme-template.service';
import { ProgrammeTemplateKey, templateOf } from './templates';

/**
 * Demo data for programme design: one Northshore programme per template. The running 2026 cohort is
 * the reciprocal one (its four co-learners trained before they were paired, as the NHS model asks);
 * a board-led reverse mentoring programme and a mutual mentoring pilot in Surgery are planned for
 * next year, ready to edit and start. Call after seedDemo(db); does nothing if already done.
 */
export async function seedDemoProgrammeDesign(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const northshore = await tx.getRepository(OrganisationEntity).findOneBy({ slug: 'northshore' });
    const pat = await tx.getRepository(PersonEntity).findOneBy({ email: 'pat.manager@northshore.example' });
    if (!northshore || !pat) return;
    const running = await tx.getRepository(ProgrammeEntity).findOne({ where: { organisationId: northshore.id, status: ProgrammeStatus.ACTIVE }, order: { startsOn: 'ASC' } });
    if (!running || (await tx.getRepository(ProgrammeDesignEntity).existsBy({ programmeId: running.id }))) return;

    await copyTemplate(tx, running, templateOf(ProgrammeTemplateKey.RECIPROCAL)!);
    const modules = await tx.getRepository(TrainingModuleEntity).findBy({ programmeId: running.id });
    const pairs = await tx.getRepository(PairEntity).findBy({ programmeId: running.id });
    const trainedOn = new Date(`${addMonths(running.startsOn, -1)}T10:00:00Z`);
    for (const pair of pairs) {
      for (const personId of [pair.seniorId, pair.juniorId]) {
        for (const module of modulesForSide(modules, sideIn(pair, personId)!)) {
          await tx.getRepository(TrainingCompletionEntity).insert({ moduleId: module.id, personId, recordedById: pat.id, completedAt: trainedOn });
          await recordEvent(tx, {
            organisationId: northshore.id,
            kind: EventKind.TRAINING_COMPLETED,
            actorId: pat.id,
            detail: { programmeId: running.id, trainingModuleId: module.id, personId, title: module.title },
          });
        }
      }
    }

    const nextYear = new Date().getUTCFullYear() + 1;
    for (const [key, name, startsOn, description] of [
      [ProgrammeTemplateKey.BOARD_REVERSE_6_MONTH, 'Board reverse mentoring 2027', `${nextYear}-02-01`, 'Every board member is mentored for six months by a colleague from an under-represented group; the results go to the July board.'],
      [ProgrammeTemplateKey.MUTUAL_12_MONTH, 'Mutual mentoring pilot: Surgery', `${nextYear}-04-01`, 'A year-long pilot in the Surgery division before the programme goes trust-wide.'],
    ] as const) {
      const template = templateOf(key)!;
      const programme = await tx.getRepository(ProgrammeEntity).save({
        organisationId: northshore.id,
        name,
        description,
        startsOn,
        endsOn: addDays(addMonths(startsOn, template.lengthMonths), -1),
        sessionCadence: Cadence.MONTHLY,
        status: ProgrammeStatus.PLANNED,
      });
      await copyTemplate(tx, programme, template);
    }
    // Recruitment for the board programme is under way: Pat has ticked it by hand.
    const board = await tx.getRepository(ProgrammeEntity).findOneByOrFail({ organisationId: northshore.id, name: 'Board reverse mentoring 2027' });
    await tx.getRepository(GuideStepEntity).update({ programmeId: board.id, key: GuideStepKey.RECRUIT }, { markedDoneAt: new Date(), markedDoneById: pat.id });
  });
}

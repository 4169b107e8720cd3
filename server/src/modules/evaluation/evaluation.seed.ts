import type { DataSource } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { QuestionBankQuestionEntity, QuestionKind, QuestionnaireEntity, QuestionnaireParticipationEntity, QuestionnairePhase, QuestionnaireResponseEntity, QuestionnaireStatus, RespondentGroup } from './evaluation.entity';
import { ensureStandardQuestions } from './evaluation.bank';
import { DEFAULT_QUESTIONS } from './evaluation.service';

/**
 * Demo data for the evaluation: Northshore's active programme gets its end-of-programme
 * questionnaire, opened by Pat, after a closed baseline questionnaire (so the board report has a
 * comparison to show, withheld for groups under five), and the co-learners of every started pair but Sam and Jo's answer
 * it, so Sam and Jo can try answering. With fewer than five seniors and five juniors, the results
 * page shows the "fewer than 5 responses" rule at work.
 * Call after seedDemo(db); does nothing if Northshore or its active programme is missing, or if
 * the questionnaire exists already.
 */
export async function seedDemoInsight(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const northshore = await tx.getRepository(OrganisationEntity).findOneBy({ slug: 'northshore' });
    const pat = await tx.getRepository(PersonEntity).findOneBy({ email: 'pat.manager@northshore.example' });
    if (!northshore || !pat) return;
    const programme = await tx.getRepository(ProgrammeEntity).findOne({ where: { organisationId: northshore.id, status: ProgrammeStatus.ACTIVE }, order: { startsOn: 'ASC' } });
    if (!programme || (await tx.getRepository(QuestionnaireEntity).existsBy({ programmeId: programme.id }))) return;

    await ensureStandardQuestions(tx.getRepository(QuestionBankQuestionEntity).manager, northshore.id);
    const bank = await tx.getRepository(QuestionBankQuestionEntity).findBy({ organisationId: northshore.id, standard: true });
    const items = DEFAULT_QUESTIONS.map((q, i) => ({ key: `q${i + 1}`, kind: q.kind, prompt: q.prompt, bankQuestionId: bank.find((b) => b.prompt === q.prompt)?.id }));
    const baseline = await tx.getRepository(QuestionnaireEntity).save({
      organisationId: northshore.id,
      programmeId: programme.id,
      phase: QuestionnairePhase.BASELINE,
      title: `${programme.name}: baseline questionnaire`,
      items: items.filter((item) => item.kind === QuestionKind.LIKERT),
      openedById: pat.id,
      status: QuestionnaireStatus.CLOSED,
      closedAt: new Date(),
    });
    const questionnaire = await tx.getRepository(QuestionnaireEntity).save({
      organisationId: northshore.id,
      programmeId: programme.id,
      phase: QuestionnairePhase.CLOSING,
      title: `${programme.name}: end-of-programme questionnaire`,
      items,
      openedById: pat.id,
    });
    const pairs: { senior_id: string; junior_id: string }[] = await tx.query(
      `SELECT senior_id, junior_id FROM pair WHERE programme_id = $1 AND status <> 'PROPOSED'
          AND senior_id NOT IN (SELECT id FROM person WHERE email = 'sam.senior@northshore.example') ORDER BY created_at`,
      [programme.id],
    );
    const comments = ['Hearing how rotas land on night staff changed my mind.', 'More time for the pairs to meet the owners.', 'Seeing a policy actually change.', 'Shorter forms for evidence.'];
    let n = 0;
    for (const pair of pairs) {
      for (const [personId, group] of [[pair.senior_id, RespondentGroup.SENIOR], [pair.junior_id, RespondentGroup.JUNIOR]] as const) {
        const likert = Object.fromEntries(
          questionnaire.items.filter((item) => item.kind === QuestionKind.LIKERT).map((item, i) => [item.key, [5, 4, 4, 3][(i + n) % 4]]),
        );
        const texts = { q5: comments[n % comments.length] };
        // The baseline, answered at the start: a little less agreement. Its rows are written apart from the closing ones.
        const before = Object.fromEntries(Object.entries(likert).map(([key, value]) => [key, Math.max(1, value - 1)]));
        await tx.getRepository(QuestionnaireParticipationEntity).insert({ questionnaireId: baseline.id, personId });
        await tx.getRepository(QuestionnaireResponseEntity).insert({ questionnaireId: baseline.id, group, likert: before, texts: {} });
        await tx.getRepository(QuestionnaireParticipationEntity).insert({ questionnaireId: questionnaire.id, personId });
        await tx.getRepository(QuestionnaireResponseEntity).insert({ questionnaireId: questionnaire.id, group, likert, texts });
        n++;
      }
    }
  });
}

import type { DataSource } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { QuestionKind, QuestionnaireEntity, QuestionnaireParticipationEntity, QuestionnaireResponseEntity, RespondentGroup } from './evaluation.entity';
import { DEFAULT_QUESTIONS } from './evaluation.service';

/**
 * Demo data for the evaluation: Northshore's active programme gets its end-of-programme
 * questionnaire, opened by Pat, and the co-learners of every started pair but Sam and Jo's answer
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

    const questionnaire = await tx.getRepository(QuestionnaireEntity).save({
      organisationId: northshore.id,
      programmeId: programme.id,
      title: `${programme.name}: end-of-programme questionnaire`,
      items: DEFAULT_QUESTIONS.map((q, i) => ({ key: `q${i + 1}`, kind: q.kind, prompt: q.prompt })),
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
        await tx.getRepository(QuestionnaireParticipationEntity).insert({ questionnaireId: questionnaire.id, personId });
        await tx.getRepository(QuestionnaireResponseEntity).insert({ questionnaireId: questionnaire.id, group, likert, texts });
        n++;
      }
    }
  });
}

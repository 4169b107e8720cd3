import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { manyBy, oneBy } from '../../common/loader-utils';
import { QuestionnaireEntity } from '../evaluation/evaluation.entity';
import { Role } from '../person/membership.entity';
import { GuideStepEntity } from './guide.entity';

export function createGuideLoaders(db: DataSource) {
  return {
    stepsByProgramme: manyBy(db, GuideStepEntity, 'programmeId', { position: 'ASC' }),
    questionnaireByProgramme: oneBy(db, QuestionnaireEntity, 'programmeId'),
    /** How many co-learners each organisation has, in one grouped count. */
    coLearnersByOrganisation: new DataLoader<string, number>(async (organisationIds) => {
      const rows: { organisation_id: string; count: string }[] = await db.query(
        `SELECT organisation_id, count(*) AS count FROM membership WHERE organisation_id = ANY($1::uuid[]) AND $2::role = ANY(roles) AND deactivated_at IS NULL GROUP BY organisation_id`,
        [[...organisationIds], Role.CO_LEARNER],
      );
      const counts = new Map(rows.map((row) => [row.organisation_id, Number(row.count)]));
      return organisationIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

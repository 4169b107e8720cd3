import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byId } from '../../common/loader-utils';
import { QuestionnaireEntity, RespondentGroup } from './evaluation.entity';

/** A key for "this person in this programme / questionnaire". */
export const personKey = (scopeId: string, personId: string) => `${scopeId}:${personId}`;

function splitKeys(keys: readonly string[]): { scopeIds: string[]; personIds: string[] } {
  const pairs = keys.map((key) => key.split(':'));
  return { scopeIds: [...new Set(pairs.map(([scope]) => scope))], personIds: [...new Set(pairs.map(([, person]) => person))] };
}

export function createEvaluationLoaders(db: DataSource) {
  return {
    questionnaire: byId(db, QuestionnaireEntity),

    /** A person's side (SENIOR / JUNIOR) in a programme's pairs, or null; key: personKey(programmeId, personId). */
    groupInProgramme: new DataLoader<string, RespondentGroup | null>(async (keys) => {
      const { scopeIds, personIds } = splitKeys(keys);
      const rows: { programme_id: string; senior_id: string; junior_id: string }[] = await db.query(
        `SELECT programme_id, senior_id, junior_id FROM pair
         WHERE programme_id = ANY($1::uuid[]) AND (senior_id = ANY($2::uuid[]) OR junior_id = ANY($2::uuid[])) AND status <> 'PROPOSED'`,
        [scopeIds, personIds],
      );
      const groups = new Map<string, RespondentGroup>();
      for (const row of rows) {
        groups.set(personKey(row.programme_id, row.senior_id), RespondentGroup.SENIOR);
        if (!groups.has(personKey(row.programme_id, row.junior_id))) groups.set(personKey(row.programme_id, row.junior_id), RespondentGroup.JUNIOR);
      }
      return keys.map((key) => groups.get(key) ?? null);
    }),

    /** Whether a person has responded; key: personKey(questionnaireId, personId). */
    hasResponded: new DataLoader<string, boolean>(async (keys) => {
      const { scopeIds, personIds } = splitKeys(keys);
      const rows: { questionnaire_id: string; person_id: string }[] = await db.query(
        `SELECT questionnaire_id, person_id FROM questionnaire_participation
         WHERE questionnaire_id = ANY($1::uuid[]) AND person_id = ANY($2::uuid[])`,
        [scopeIds, personIds],
      );
      const responded = new Set(rows.map((row) => personKey(row.questionnaire_id, row.person_id)));
      return keys.map((key) => responded.has(key));
    }),
  };
}

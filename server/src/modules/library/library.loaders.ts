import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { CaseAdaptationEntity, CaseConsentEntity, CaseEndorsementEntity, CaseRedactionEntity, SharedCaseEntity } from './library.entity';

/** A loader of the one row (or none) whose `property` equals each key. */
function oneBy<T extends object>(db: DataSource, entity: new () => T, property: keyof T & string) {
  const many = manyBy(db, entity, property);
  return new DataLoader<string, T | null>(async (keys) => (await many.loadMany(keys)).map((rows) => (Array.isArray(rows) ? (rows[0] ?? null) : null)));
}

/** A loader of one number per case, from a grouped count. */
function countBy(db: DataSource, sql: (ids: string) => string) {
  return new DataLoader<string, number>(async (caseIds) => {
    const rows: { case_id: string; count: number }[] = await db.query(sql('$1'), [[...caseIds]]);
    const counts = new Map(rows.map((r) => [r.case_id, r.count]));
    return caseIds.map((id) => counts.get(id) ?? 0);
  });
}

export function createLibraryLoaders(db: DataSource) {
  return {
    sharedCase: byId(db, SharedCaseEntity),
    redaction: byId(db, CaseRedactionEntity),
    adaptation: byId(db, CaseAdaptationEntity),
    caseByBarrier: oneBy(db, SharedCaseEntity, 'sourceBarrierId'),
    adaptationByBarrier: oneBy(db, CaseAdaptationEntity, 'barrierId'),
    redactionsByCase: manyBy(db, CaseRedactionEntity, 'caseId', { createdAt: 'ASC' }),
    consentsByCase: manyBy(db, CaseConsentEntity, 'caseId'),
    endorsementCount: countBy(db, (ids) => `SELECT case_id, count(*)::int AS count FROM case_endorsement WHERE case_id = ANY(${ids}::uuid[]) GROUP BY case_id`),
    /** In how many organisations each case was adapted. */
    adaptationCount: countBy(
      db,
      (ids) => `SELECT case_id, count(DISTINCT organisation_id)::int AS count FROM case_adaptation WHERE case_id = ANY(${ids}::uuid[]) GROUP BY case_id`,
    ),
    /** Keyed by `${caseId}:${personId}`: whether that person endorsed that case. */
    endorsed: new DataLoader<string, boolean>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows = await db.getRepository(CaseEndorsementEntity).findBy({
        caseId: In([...new Set(pairs.map(([c]) => c))]),
        personId: In([...new Set(pairs.map(([, p]) => p))]),
      });
      const found = new Set(rows.map((r) => `${r.caseId}:${r.personId}`));
      return keys.map((k) => found.has(k));
    }),
  };
}

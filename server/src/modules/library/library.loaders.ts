import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byId, countBy, manyBy, oneBy } from '../../common/loader-utils';
import { CaseAdaptationEntity, CaseConsentEntity, CaseEndorsementEntity, CaseRedactionEntity, SharedCaseEntity } from './library.entity';

export function createLibraryLoaders(db: DataSource) {
  return {
    sharedCase: byId(db, SharedCaseEntity),
    redaction: byId(db, CaseRedactionEntity),
    adaptation: byId(db, CaseAdaptationEntity),
    caseByBarrier: oneBy(db, SharedCaseEntity, 'sourceBarrierId'),
    adaptationByBarrier: oneBy(db, CaseAdaptationEntity, 'barrierId'),
    adaptationByChange: oneBy(db, CaseAdaptationEntity, 'changeId'),
    redactionsByCase: manyBy(db, CaseRedactionEntity, 'caseId', { createdAt: 'ASC' }),
    consentsByCase: manyBy(db, CaseConsentEntity, 'caseId'),
    endorsementCount: countBy(db, CaseEndorsementEntity, 'caseId'),
    /** In how many organisations each case was adapted. */
    adaptationCount: countBy(db, CaseAdaptationEntity, 'caseId', 'organisationId'),
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

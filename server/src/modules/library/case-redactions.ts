import type { EntityManager } from 'typeorm';
import { identifiersFor } from '../identifier/identifier.lookup';
import { MembershipEntity } from '../person/membership.entity';
import { caseTextParts } from './case-text';
import { CaseRedactionEntity, RedactionStatus, type SharedCaseEntity } from './library.entity';
import { type DetectionContext, detectPersonalData } from './redaction';

/** What the detector needs to know about an organisation: its members' names and job titles, and what identifies it. */
export async function detectionContextFor(tx: EntityManager, organisationId: string): Promise<DetectionContext> {
  const rows: { name: string; jobTitle: string | null }[] = await tx
    .getRepository(MembershipEntity)
    .createQueryBuilder('m')
    .innerJoin('person', 'p', 'p.id = m.person_id')
    .select('p.display_name', 'name')
    .addSelect('m.job_title', 'jobTitle')
    .where('m.organisation_id = :organisationId', { organisationId })
    .getRawMany();
  const holders = new Map<string, { title: string; holders: number }>();
  for (const row of rows) {
    const title = row.jobTitle?.trim();
    if (!title) continue;
    const key = title.toLowerCase();
    holders.set(key, { title, holders: (holders.get(key)?.holders ?? 0) + 1 });
  }
  return { members: rows, jobTitles: [...holders.values()], identifiers: await identifiersFor(tx, organisationId) };
}

const keyOf = (r: Pick<CaseRedactionEntity, 'field' | 'measureIndex' | 'kind' | 'found'>) =>
  `${r.field}|${r.measureIndex ?? ''}|${r.kind}|${r.found.toLowerCase()}`;

/**
 * Runs the detector over the case's current text and brings its OPEN flags in line: a find that is
 * still there keeps its flag (and id) with fresh offsets, a new find gets a flag, a flag whose text
 * is gone is dropped. Finds the authors dismissed are not flagged again. Returns the open count.
 */
export async function syncRedactions(tx: EntityManager, sharedCase: SharedCaseEntity): Promise<number> {
  const repository = tx.getRepository(CaseRedactionEntity);
  const context = await detectionContextFor(tx, sharedCase.organisationId);
  const existing = await repository.find({ where: { caseId: sharedCase.id }, order: { createdAt: 'ASC' } });
  const dismissed = new Set(existing.filter((r) => r.status === RedactionStatus.DISMISSED).map(keyOf));
  const unmatched = existing.filter((r) => r.status === RedactionStatus.OPEN);
  const keep: CaseRedactionEntity[] = [];

  for (const part of caseTextParts(sharedCase)) {
    for (const finding of detectPersonalData(part.text, context)) {
      const candidate = { field: part.field, measureIndex: part.measureIndex, kind: finding.kind, found: finding.text };
      if (dismissed.has(keyOf(candidate))) continue;
      const index = unmatched.findIndex((r) => keyOf(r) === keyOf(candidate));
      const flag = index >= 0 ? unmatched.splice(index, 1)[0] : repository.create({ caseId: sharedCase.id, status: RedactionStatus.OPEN, ...candidate });
      Object.assign(flag, { found: finding.text, startOffset: finding.start, endOffset: finding.end, proposedReplacement: finding.replacement });
      keep.push(flag);
    }
  }
  if (unmatched.length) await repository.delete(unmatched.map((r) => r.id));
  if (keep.length) await repository.save(keep);
  return keep.length;
}

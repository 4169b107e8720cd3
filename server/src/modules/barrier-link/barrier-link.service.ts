import type { DataSource } from 'typeorm';
import { K_ANONYMITY } from '../../common/anonymity';
import type { Viewer } from '../auth/viewer';

/** pg_trgm `similarity()` from which two titles, or two descriptions, count as alike (pg_trgm's own default). */
export const SIMILARITY_THRESHOLD = 0.3;

/** One organisation with at least one barrier alike a case's, and its adopted changes on those barriers. */
export interface AlikeOrganisation {
  caseId: string;
  organisationId: string;
  adoptedChangeIds: string[];
}

/** What a viewer may see of how far a case's barrier reaches across organisations. */
export interface Reach {
  shown: boolean;
  organisations: number | null;
  withAdoptedChange: number | null;
  inForceAtTwelveMonths: number | null;
}

/**
 * Barriers alike a case's source barrier, across every organisation, grouped by organisation: one
 * statement for any number of cases (a DataLoader batches a library page into one call).
 *
 * "Alike" means: the barrier the case was adapted into, or any barrier with the same category, at
 * least one shared affected group, and a similar title or description (pg_trgm similarity ≥ 0.3).
 * The case's own barrier is counted, so its organisation is one of the N.
 *
 * Organisation ids never leave the server: callers reduce these rows to counts (reachFor).
 */
export async function alikeOrganisations(db: DataSource, caseIds: readonly string[]): Promise<AlikeOrganisation[]> {
  const rows: { case_id: string; organisation_id: string; adopted: string[] | null }[] = await db.query(
    `WITH anchor AS (
       SELECT c.id AS case_id, b.id AS barrier_id, b.category, b.affected_groups, b.title, b.description
       FROM shared_case c JOIN barrier b ON b.id = c.source_barrier_id
       WHERE c.id = ANY($1::uuid[])
     ), alike AS (
       SELECT a.case_id, o.id AS barrier_id, o.organisation_id
       FROM anchor a JOIN barrier o ON o.category = a.category AND o.affected_groups && a.affected_groups
       WHERE o.id = a.barrier_id OR similarity(o.title, a.title) >= $2 OR similarity(o.description, a.description) >= $2
       UNION
       SELECT a.case_id, ad.barrier_id, ad.organisation_id FROM anchor a JOIN case_adaptation ad ON ad.case_id = a.case_id
     )
     SELECT l.case_id, l.organisation_id, array_agg(DISTINCT ch.id) FILTER (WHERE ch.id IS NOT NULL) AS adopted
     FROM alike l LEFT JOIN change_proposal ch ON ch.barrier_id = l.barrier_id AND ch.status = 'ADOPTED'
     GROUP BY l.case_id, l.organisation_id`,
    [caseIds, SIMILARITY_THRESHOLD],
  );
  return rows.map((row) => ({ caseId: row.case_id, organisationId: row.organisation_id, adoptedChangeIds: row.adopted ?? [] }));
}

/**
 * Which of these adopted changes were still in force at 12 months: a change counts when its
 * sustainment review at 12 months was recorded with the change in force.
 *
 * The reviews belong to the sustainment module (`sustainment_review`: one row per change and
 * review month, `in_force` recorded by the owner; a review not yet recorded counts for nothing).
 */
export async function changesInForceAtTwelveMonths(db: DataSource, adoptedChangeIds: string[]): Promise<Set<string>> {
  if (adoptedChangeIds.length === 0) return new Set();
  const rows: { change_id: string }[] = await db.query(
    `SELECT DISTINCT change_id FROM sustainment_review
     WHERE change_id = ANY($1::uuid[]) AND months = 12 AND recorded_at IS NOT NULL AND in_force IS TRUE`,
    [adoptedChangeIds],
  );
  return new Set(rows.map((row) => row.change_id));
}

/**
 * The figures for one case, for one viewer.
 *
 * - N counts every organisation with an alike barrier, the viewer's own and the case's included;
 *   M those with an adopted change on one; K those with such a change still in force at 12 months.
 * - They are shown only when at least K_ANONYMITY organisations OTHER than the viewer's own match:
 *   a viewer knows their own organisation's part, so what they learn about the others must cover
 *   five of them. It also means nothing the viewer's organisation records can move a case across
 *   the threshold, so the viewer cannot probe it by raising or withdrawing barriers.
 * - Nothing narrows the set: the figures do not depend on the library's search, filters, sort or
 *   page, nor on which case list they are read from, so no filter can cut them down to fewer than
 *   five organisations; no list is sorted or filtered by them; and no organisation is ever named.
 */
export function reachFor(viewer: Viewer, organisations: AlikeOrganisation[], inForce: Set<string>): Reach {
  const own = new Set(viewer.organisationIds);
  const others = organisations.filter((o) => !own.has(o.organisationId)).length;
  if (others < K_ANONYMITY) return { shown: false, organisations: null, withAdoptedChange: null, inForceAtTwelveMonths: null };
  return {
    shown: true,
    organisations: organisations.length,
    withAdoptedChange: organisations.filter((o) => o.adoptedChangeIds.length > 0).length,
    inForceAtTwelveMonths: organisations.filter((o) => o.adoptedChangeIds.some((id) => inForce.has(id))).length,
  };
}

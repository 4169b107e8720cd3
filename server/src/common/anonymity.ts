import type { DataSource, EntityManager } from 'typeorm';

/**
 * Small groups: the one rule every aggregate, breakdown, export and narrowed list follows.
 *
 * K is the fewest people a figure may cover: pairs for anonymous barriers, respondents for the
 * questionnaire (evaluation imports it from here), organisations for cross-organisation counts.
 *
 * An anonymous barrier must never be attributable to fewer than K pairs. A figure narrowed to a
 * group (one programme, one programme's row on the organisation dashboard, a programme-filtered
 * export) leaves out anonymous barriers, and the changes on them, raised in a programme of fewer
 * than K pairs; they are counted in the organisation-wide figures only. Because the organisation
 * figure minus the programme rows gives what was left out, that remainder must itself cover K
 * pairs: when the small programmes together have fewer than K pairs, narrowed figures leave out
 * the anonymous barriers of every programme instead, so the remainder points at the whole
 * organisation and nowhere narrower.
 *
 * Whether a note is shown depends on the pair counts alone, never on whether anything was left
 * out: "something was withheld in this one-pair programme" would itself give the pair away.
 */
export const K_ANONYMITY = 5;

/** What a narrowed page says; deliberately without a number. */
export const SMALL_GROUP_NOTE = `Some items are withheld here: anonymous barriers raised in programmes of fewer than ${K_ANONYMITY} pairs, and the changes on them, are counted only in the organisation-wide figures.`;

/** Pairs that have worked together (a proposed pair has raised nothing and hides no one). */
const COVERING_PAIR = `status <> 'PROPOSED'`;

export interface SmallGroups {
  /** Programmes of the organisation with fewer than K pairs. */
  small: Set<string>;
  /** Programmes whose anonymous barriers narrowed figures leave out (see above). */
  withheldWhenNarrowed: string[];
}

/** One statement: the organisation's programmes and how many pairs each covers. */
export async function smallGroupsOf(db: DataSource | EntityManager, organisationId: string): Promise<SmallGroups> {
  const rows: { id: string; pairs: number }[] = await db.query(
    `SELECT pr.id, (SELECT count(*) FROM pair p WHERE p.programme_id = pr.id AND p.${COVERING_PAIR})::int AS pairs
     FROM programme pr WHERE pr.organisation_id = $1`,
    [organisationId],
  );
  const small = rows.filter((r) => r.pairs < K_ANONYMITY);
  const pairsInSmall = small.reduce((sum, r) => sum + r.pairs, 0);
  const withheldWhenNarrowed = small.length === 0 ? [] : pairsInSmall >= K_ANONYMITY ? small.map((r) => r.id) : rows.map((r) => r.id);
  return { small: new Set(small.map((r) => r.id)), withheldWhenNarrowed };
}

/** The programmes whose anonymous barriers a figure leaves out: none organisation-wide. */
export function withheldProgrammes(groups: SmallGroups, narrowed: boolean): string[] {
  return narrowed ? groups.withheldWhenNarrowed : [];
}

/** Whether a page over `programmeId` (null: organisation-wide with per-programme rows) must carry the note. */
export function needsSmallGroupNote(groups: SmallGroups, programmeId: string | null): boolean {
  return programmeId ? groups.withheldWhenNarrowed.includes(programmeId) : groups.withheldWhenNarrowed.length > 0;
}

/**
 * SQL: barrier `b` raised by pair `p` is left out, given `param`, the uuid[] parameter holding
 * the withheld programmes. The raising pair's own members are never kept from their own barrier
 * by callers that pass a viewer (`viewerParam`).
 */
export function withheldBarrierSql(b: string, p: string, param: string, viewerParam?: string): string {
  const own = viewerParam ? ` AND ${viewerParam}::uuid NOT IN (${p}.senior_id, ${p}.junior_id)` : '';
  return `(${b}.attribution = 'ANONYMOUS' AND ${p}.programme_id = ANY(${param}::uuid[])${own})`;
}

/** The day of a moment (UTC midnight): what people other than an anonymous pair see of when. */
export const dayOf = (moment: Date): Date => new Date(`${moment.toISOString().slice(0, 10)}T00:00:00.000Z`);

/** The month of a moment (the 1st, UTC midnight): what other organisations see of a library case's dates. */
export const monthOf = (moment: Date): Date => new Date(`${moment.toISOString().slice(0, 7)}-01T00:00:00.000Z`);

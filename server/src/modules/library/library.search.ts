import crypto from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { type ConnectionArgs, type ConnectionShape, decodeCursor, type Ordering, pageOf, readPage } from '../../common/relay';
import { AffectedGroup, BarrierCategory } from '../barrier/barrier.entity';
import { Sector } from '../organisation/organisation.entity';
import { CaseOutcome, SharedCaseEntity, SharedCaseStatus } from './library.entity';
import type { SharedCaseFilter } from './library.inputs';
import { type FacetCount, SharedCase, SharedCaseFacets } from './library.type';

/** The filter dimensions, each with its SQL over a case row and the enum its facet lists. */
const DIMENSIONS = {
  sectors: { column: 'sector', sql: (p: string) => `sector = ANY(${p}::sector[])`, values: Object.values(Sector) },
  categories: { column: 'category', sql: (p: string) => `category = ANY(${p}::barrier_category[])`, values: Object.values(BarrierCategory) },
  affectedGroups: { column: 'g', sql: (p: string) => `affected_groups && ${p}::affected_group[]`, values: Object.values(AffectedGroup) },
  outcomes: { column: 'outcome', sql: (p: string) => `outcome = ANY(${p}::case_outcome[])`, values: Object.values(CaseOutcome) },
} as const;
type Dimension = keyof typeof DIMENSIONS;

interface SearchRow {
  id: string;
  published_at: Date;
  rank: number | null;
  /** How many cases match in all, read beside a ranked page (see rankedRows); absent elsewhere. */
  matching?: number;
}

/**
 * How much work one search may do, so that its cost follows the page asked for rather than the
 * size of the library (issue 11: 100,000 cases may cost at most twice what 10,000 do).
 *
 * - `rankWindow`: relevance ranks the newest this many matches; older matches follow, newest
 *   first. Ranking reads every candidate's text, so ranking all of a broad search's matches grew
 *   with the library (32,000 of 100,000 cases match "shortlisting panel").
 * - `exactCounts`: up to this many matches (as PostgreSQL expects them) a count is exact (the
 *   total beside a ranked page always is: that page counts the matches it reads);
 * - `sampleSize`: above it, it is estimated from a uniform random sample of about this many
 *   matches, and the connection says so (`totalCountIsEstimate`, `facets.estimated`).
 */
export interface SearchLimits {
  rankWindow: number;
  exactCounts: number;
  sampleSize: number;
}
export const SEARCH_LIMITS: SearchLimits = { rankWindow: 1000, exactCounts: 5000, sampleSize: 2000 };

const totalOf = (rows: Statistics['rows']) => rows.find((row) => row.facet === 'total')?.count ?? 0;

/** The rank given to matches older than the ranked window: below every real rank (ts_rank is never negative). */
const UNRANKED = -1;

/** Whether a search's cursor points among the matches older than the ranked window (their rank is UNRANKED). */
const pastRankedWindow = (after: unknown[]) => Number(after[0]) < 0;

interface Statistics {
  total: number;
  rows: { facet: Dimension | 'total'; value: string; count: number }[];
  estimated: boolean;
}

/** Positional parameters for one raw statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `ts_rank` comes back as float8 so a cursor holding it compares exactly on the next page. */
const RANK = (vector: string, query: string) => `ts_rank(${vector}, ${query}, 1)::float8`;

/**
 * The community library's search: published cases matching a web-style query (quotes, OR, -word),
 * ranked by relevance (then newest first), with filters and facet counts. PostgreSQL full-text
 * search over a trigger-maintained, GIN-indexed tsvector: no extra service.
 */
export class SharedCaseSearch {
  private readonly search: string | null;

  constructor(
    private readonly db: DataSource,
    search: string | null | undefined,
    private readonly filter: SharedCaseFilter = {},
    private readonly limits: SearchLimits = SEARCH_LIMITS,
  ) {
    this.search = search?.trim() ? search.trim().slice(0, 200) : null;
  }

  /**
   * WHERE conditions over a case row: published and matching the search (unless `onlyFilters`),
   * then every filter but `except` ('all' leaves out every filter).
   */
  private conditions(params: Params, except?: Dimension | 'all', options: { onlyFilters?: boolean } = {}): string[] {
    const where: string[] = [];
    if (!options.onlyFilters) {
      // A literal, not a parameter: the search index covers published cases only, and PostgreSQL
      // uses a partial index only where it can see the condition holds.
      where.push(`status = '${SharedCaseStatus.PUBLISHED}'`);
      if (this.search) where.push(`search_vector @@ websearch_to_tsquery('english', ${params.add(this.search)})`);
    }
    if (except === 'all') return where;
    for (const [name, dimension] of Object.entries(DIMENSIONS) as [Dimension, (typeof DIMENSIONS)[Dimension]][]) {
      const chosen = this.filter[name];
      if (name !== except && chosen?.length) where.push(dimension.sql(params.add(chosen)));
    }
    if (this.filter.tags?.length) where.push(`tags && ${params.add(this.filter.tags.map((t) => t.trim().toLowerCase()))}::text[]`);
    return where;
  }

  private ordering(): Ordering<SearchRow> {
    const newest = [
      { sql: 'published_at', value: (r: SearchRow) => r.published_at },
      { sql: 'id', value: (r: SearchRow) => r.id },
    ];
    if (!this.search) return { name: 'published', direction: 'DESC', keys: newest };
    const digest = crypto.createHash('sha1').update(this.search).digest('base64url').slice(0, 10);
    return { name: `rank:${digest}`, direction: 'DESC', keys: [{ sql: 'rank', value: (r) => r.rank ?? 0 }, ...newest] };
  }

  /** One page of cases, most relevant first; the total and the facets are counted only when `wants` them. */
  async page(
    args: ConnectionArgs,
    wants: { total?: boolean; facets?: boolean } = {},
  ): Promise<ConnectionShape<SharedCase> & { count: () => Promise<number>; countIsEstimate: () => Promise<boolean>; facetCounts: () => Promise<SharedCaseFacets> }> {
    const ordering = this.ordering();
    const after = args.after ? decodeCursor(args.after, ordering as Ordering<unknown>) : null;
    const ranked = this.search !== null && !(after && pastRankedWindow(after));
    const reading: Promise<SearchRow[]> = readPage(args.after, () =>
      this.search ? this.rankedRows(args.first, after) : this.newestRows(args.first, after && [after[0], after[1]], 'NULL'),
    );
    // A ranked page reads every match to find the newest, and counts them as it goes: the exact
    // total, for nothing. An empty page after a cursor says nothing about how many there are.
    if (ranked) this.matchesBesidePage = reading.then((rows) => (rows.length ? Number(rows[0].matching) : after ? null : 0));
    // Counting and reading the page are independent statements: what the reader wants counted runs
    // beside the page on other connections, and the search takes as long as the slowest.
    if (wants.total) void this.total().catch(() => undefined);
    if (wants.facets) void this.statistics().catch(() => undefined);
    const rows = await reading;
    const ids = rows.slice(0, args.first).map((r) => r.id);
    const entities = ids.length ? await this.db.getRepository(SharedCaseEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const page = pageOf(rows, ordering, args, (row) => SharedCase.from(byId.get(row.id)!), () => this.count());
    return { ...page, countIsEstimate: async () => (await this.total()).estimated, facetCounts: () => this.facets() };
  }

  /**
   * Newest first, walking the published-date index from `after` (a published time and an id), each
   * row with the same `rank`: a list without a search, or a search's matches older than its window.
   */
  private newestRows(first: number, after: [unknown, unknown] | null, rank: string): Promise<SearchRow[]> {
    const params = new Params();
    const where = this.conditions(params);
    if (after) where.push(`(published_at, id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
    return this.db.query(
      `SELECT id, published_at, ${rank}::float8 AS rank FROM shared_case WHERE ${where.join(' AND ')}
       ORDER BY published_at DESC, id DESC LIMIT ${params.add(first + 1)}`,
      params.values,
    );
  }

  /**
   * With a search: the newest `rankWindow` matches ranked by relevance, then every older match,
   * newest first, with the rank UNRANKED. A cursor in the ranked part continues there (and on into
   * the older matches); a cursor among the older matches walks on from it by date alone.
   */
  private rankedRows(first: number, after: unknown[] | null): Promise<SearchRow[]> {
    if (after && pastRankedWindow(after)) return this.newestRows(first, [after[1], after[2]], String(UNRANKED));
    const params = new Params();
    const where = this.conditions(params);
    const limit = params.add(first + 1);
    const query = `websearch_to_tsquery('english', ${params.add(this.search)})`;
    const window = params.add(this.limits.rankWindow);
    const keyset = after ? `WHERE (rank, published_at, id) < (${params.add(after[0])}::float8, ${params.add(after[1])}::timestamptz, ${params.add(after[2])}::uuid)` : '';
    // Finding the newest matches reads every match, so `matching` counts them on the way (a window
    // over the whole result, taken before the limit). The sort carries only ids and dates; the text
    // is read again, by primary key, only for the window's rows that are ranked. The older matches
    // start below the window's oldest row, and only when the window is full (otherwise it holds
    // every match). `published_at <= edge` lets the date index start there.
    return this.db.query(
      `WITH recent AS MATERIALIZED (
         SELECT id, published_at, count(*) OVER ()::int AS matching FROM shared_case WHERE ${where.join(' AND ')}
         ORDER BY published_at DESC, id DESC LIMIT ${window}
       ), edge AS (
         SELECT published_at, id FROM recent WHERE (SELECT count(*) FROM recent) = ${window} ORDER BY published_at, id LIMIT 1
       )
       SELECT id, published_at, rank, (SELECT matching FROM recent LIMIT 1) AS matching FROM (
         SELECT recent.id, recent.published_at, ${RANK('ranked.search_vector', query)} AS rank FROM recent JOIN shared_case ranked ON ranked.id = recent.id
         UNION ALL
         (SELECT id, published_at, ${UNRANKED}::float8 FROM shared_case
          WHERE ${where.join(' AND ')} AND published_at <= (SELECT published_at FROM edge)
            AND (published_at, id) < (SELECT published_at, id FROM edge)
          ORDER BY published_at DESC, id DESC LIMIT ${limit})
       ) matches ${keyset}
       ORDER BY rank DESC, published_at DESC, id DESC LIMIT ${limit}`,
      params.values,
    );
  }

  private stats?: Promise<Statistics>;
  private totalCount?: Promise<{ count: number; estimated: boolean }>;
  /** The exact number of matches, when a ranked page counts them as it reads (null: it could not tell). */
  private matchesBesidePage?: Promise<number | null>;

  async count(): Promise<number> {
    return (await this.total()).count;
  }

  /**
   * How many cases the list holds. Beside a ranked page, the count that page read, exact. Otherwise
   * without filters, the facets' total: the same matches, counted in the same pass. With filters,
   * exact when PostgreSQL expects at most `exactCounts` of them (the index holds every filter column,
   * so counting reads only those cases); otherwise the facets' total, an estimate when they are.
   */
  private total(): Promise<{ count: number; estimated: boolean }> {
    this.totalCount ??= (async () => {
      const besidePage = await this.matchesBesidePage;
      if (besidePage != null) return { count: besidePage, estimated: false };
      const params = new Params();
      const where = this.conditions(params);
      const filtered = this.conditions(new Params(), undefined, { onlyFilters: true }).length > 0;
      if (filtered && (await this.expectedMatches(where, params.values)) <= this.limits.exactCounts) {
        const [{ count }]: { count: number }[] = await this.db.query(`SELECT count(*)::int AS count FROM shared_case WHERE ${where.join(' AND ')}`, params.values);
        return { count, estimated: false };
      }
      const { total, estimated } = await this.statistics();
      return { count: total, estimated };
    })();
    return this.totalCount;
  }

  /**
   * The total and every facet in one statement and one pass over the matches: the search's matches
   * are gathered once, then each dimension is counted over those that pass the other dimensions'
   * filters, so a reader sees what choosing another value would give. Shared by totalCount and facets.
   *
   * When PostgreSQL expects more than `exactCounts` matches, the pass covers only the matches whose
   * id falls in the first part of the id space, sized for about `sampleSize` of them, and every
   * count is scaled up by that part. Case ids are random (gen_random_uuid), so a range of ids is a
   * uniform random sample, and the primary key reads it without visiting the other matches. Should
   * that part hold under a quarter of `sampleSize`, PostgreSQL's estimate was far off, the matches
   * are few, and they are counted exactly instead.
   */
  private statistics(): Promise<Statistics> {
    this.stats ??= (async () => {
      const params = new Params();
      const expected = await this.expectedMatches(this.conditions(params, 'all'), params.values);
      if (expected > this.limits.exactCounts) {
        const sample = idRangeCovering(this.limits.sampleSize / expected);
        const { rows, matches } = await this.countMatches(sample.below);
        // PostgreSQL expected far more matches than the sample found: there are few, so count them all.
        if (matches >= this.limits.sampleSize / 4) {
          const scaled = rows.map((row) => ({ ...row, count: Math.round(row.count / sample.fraction) }));
          return { total: totalOf(scaled), rows: scaled, estimated: true };
        }
      }
      const { rows } = await this.countMatches(null);
      return { total: totalOf(rows), rows, estimated: false };
    })();
    return this.stats;
  }

  /** The counts over the search's matches, or over those whose id is below `idsBelow`; and how many matches were counted. */
  private async countMatches(idsBelow: string | null): Promise<{ rows: Statistics['rows']; matches: number }> {
    const params = new Params();
    const matchOnly = this.conditions(params, 'all');
    if (idsBelow) matchOnly.push(`id < ${params.add(idsBelow)}::uuid`);
    const others = (except?: Dimension) => {
      const where = this.conditions(params, except, { onlyFilters: true });
      return where.length ? where.join(' AND ') : 'true';
    };
    const parts = (Object.keys(DIMENSIONS) as Dimension[]).map((name) => {
      const from = name === 'affectedGroups' ? 'matches CROSS JOIN LATERAL unnest(affected_groups) AS g' : 'matches';
      return `SELECT '${name}' AS facet, ${DIMENSIONS[name].column}::text AS value, count(*)::int AS count FROM ${from} WHERE ${others(name)} GROUP BY 2`;
    });
    parts.push(`SELECT 'total', NULL, count(*)::int FROM matches WHERE ${others()}`);
    parts.push(`SELECT 'matches', NULL, count(*)::int FROM matches`);
    const counted: { facet: Dimension | 'total' | 'matches'; value: string; count: number }[] = await this.db.query(
      `WITH matches AS MATERIALIZED (SELECT sector, category, affected_groups, outcome, tags FROM shared_case WHERE ${matchOnly.join(' AND ')})
       ${parts.join(' UNION ALL ')}`,
      params.values,
    );
    const matches = counted.find((row) => row.facet === 'matches')?.count ?? 0;
    return { rows: counted.filter((row): row is Statistics['rows'][number] => row.facet !== 'matches'), matches };
  }

  /** How many cases PostgreSQL's statistics say match: planning only, nothing is read. */
  private async expectedMatches(where: string[], values: unknown[]): Promise<number> {
    const [explained]: { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[] = await this.db.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM shared_case WHERE ${where.join(' AND ')}`,
      values,
    );
    return explained['QUERY PLAN'][0].Plan['Plan Rows'];
  }

  async facets(): Promise<SharedCaseFacets> {
    const { rows } = await this.statistics();
    const facet = (name: Dimension): FacetCount[] =>
      DIMENSIONS[name].values.map((value) => ({
        value,
        count: rows.find((r) => r.facet === name && r.value === value)?.count ?? 0,
        selected: (this.filter[name] as string[] | null | undefined)?.includes(value) ?? false,
      }));
    return Object.assign(new SharedCaseFacets(), {
      estimated: (await this.statistics()).estimated,
      sectors: facet('sectors'),
      categories: facet('categories'),
      affectedGroups: facet('affectedGroups'),
      outcomes: facet('outcomes'),
    });
  }
}

/**
 * The ids below which about `fraction` of random uuids fall, and that fraction exactly: the
 * first 32 bits of a version 4 uuid are random, so a bound on them splits the id space evenly.
 */
export function idRangeCovering(fraction: number): { below: string; fraction: number } {
  const prefix = Math.max(1, Math.min(2 ** 32 - 1, Math.floor(fraction * 2 ** 32)));
  return { below: `${prefix.toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`, fraction: prefix / 2 ** 32 };
}

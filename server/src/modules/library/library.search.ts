import crypto from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { type ConnectionArgs, type ConnectionShape, decodeCursor, type Ordering, pageOf, readPage } from '../../common/relay';
import { AffectedGroup, BarrierCategory } from '../barrier/barrier.entity';
import { Sector } from '../organisation/organisation.entity';
import { CaseOutcome, SharedCaseEntity, SharedCaseStatus } from './library.entity';
import type { SharedCaseFilter } from './library.inputs';
import { type FacetCount, SharedCase, SharedCaseFacets } from './library.type';

/**
 * The filter dimensions, each with its SQL over a case row and the enum its facet lists. Single
 * values are tested as one-element arrays, which the search index holds (migration 1797000000000):
 * an overlap with several chosen values is one index condition, where `= ANY` is one index scan per value.
 */
const DIMENSIONS = {
  sectors: { column: 'sector', sql: (p: string) => `ARRAY[sector] && ${p}::sector[]`, values: Object.values(Sector) },
  categories: { column: 'category', sql: (p: string) => `ARRAY[category] && ${p}::barrier_category[]`, values: Object.values(BarrierCategory) },
  affectedGroups: { column: 'g', sql: (p: string) => `affected_groups && ${p}::affected_group[]`, values: Object.values(AffectedGroup) },
  outcomes: { column: 'outcome', sql: (p: string) => `ARRAY[outcome] && ${p}::case_outcome[]`, values: Object.values(CaseOutcome) },
} as const;
type Dimension = keyof typeof DIMENSIONS;

interface SearchRow {
  id: string;
  published_at: Date;
  rank: number | null;
}

/** A page's rows (one more than asked for, when there is more), and how many cases match, where the page counted them. */
interface PageRows {
  rows: SearchRow[];
  matching: number | null;
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
    const reading = readPage(args.after, () => this.readRows(args.first, after));
    // A ranked page reads every match to find the newest, and counts them as it goes: the exact
    // total, for nothing.
    this.matchesBesidePage = reading.then((read) => read.matching, () => null);
    // Counting and reading the page are independent statements: what the reader wants counted runs
    // beside the page on other connections, and the search takes as long as the slowest.
    if (wants.total) void this.total().catch(() => undefined);
    if (wants.facets) void this.statistics().catch(() => undefined);
    const { rows } = await reading;
    const ids = rows.slice(0, args.first).map((r) => r.id);
    const entities = ids.length ? await this.db.getRepository(SharedCaseEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const page = pageOf(rows, ordering, args, (row) => SharedCase.from(byId.get(row.id)!), () => this.count());
    return { ...page, countIsEstimate: async () => (await this.total()).estimated, facetCounts: () => this.facets() };
  }

  /** The page's rows: newest first without a search; with one, the ranked window and then the older matches. */
  private async readRows(first: number, after: unknown[] | null): Promise<PageRows> {
    if (!this.search) return { rows: await this.newestRows(first, after && [after[0], after[1]], 'NULL'), matching: null };
    if (after && pastRankedWindow(after)) return { rows: await this.newestRows(first, [after[1], after[2]], String(UNRANKED)), matching: null };
    return this.rankedRows(first, after);
  }

  /**
   * Newest first, walking the published-date index from `after` (a published time and an id), each
   * row with the same `rank`: a list without a search, or a search's matches older than its window.
   */
  private newestRows(first: number, after: [unknown, unknown] | null, rank: string): Promise<SearchRow[]> {
    const params = new Params();
    const where = this.conditions(params);
    if (after) {
      const [publishedAt, id] = [params.add(after[0]), params.add(after[1])];
      // `published_at <=` lets the date index start at the cursor; the row comparison alone does not.
      where.push(`published_at <= ${publishedAt}::timestamptz AND (published_at, id) < (${publishedAt}::timestamptz, ${id}::uuid)`);
    }
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
   *
   * Finding the newest matches reads every match, so the statement counts them on the way (a window
   * over the whole result, taken before the limit). The sort carries only ids and dates; the text is
   * read again only for the window's rows, to rank them, by where the row lies (its ctid), not through
   * the primary key: one buffer per row instead of four, a fifth of the statement at 100,000 cases.
   * A ctid names a row version; one statement sees one snapshot, so it names the same version in
   * both places. The statement always
   * returns one row for the window (how many it holds, the count, its oldest match) and the page's
   * ranked rows beside it. When older matches exist, only the pages at the window's end (one that
   * looks past its last match, and one that starts there) read them, with a second statement from
   * that oldest match. Read in the same statement, they cost every page a walk down the date index.
   */
  private async rankedRows(first: number, after: unknown[] | null): Promise<PageRows> {
    const params = new Params();
    const where = this.conditions(params);
    const query = `websearch_to_tsquery('english', ${params.add(this.search)})`;
    const keyset = after ? `WHERE (rank, published_at, id) < (${params.add(after[0])}::float8, ${params.add(after[1])}::timestamptz, ${params.add(after[2])}::uuid)` : '';
    const answer: (Partial<SearchRow> & { held: number; matching: number | null; edge_published_at: Date | null; edge_id: string | null })[] = await this.db.query(
      `WITH recent AS MATERIALIZED (
         SELECT id, ctid AS at, published_at, count(*) OVER ()::int AS matching FROM shared_case WHERE ${where.join(' AND ')}
         ORDER BY published_at DESC, id DESC LIMIT ${params.add(this.limits.rankWindow)}
       ), ranked AS (
         SELECT * FROM (
           SELECT recent.id, recent.published_at, ${RANK('whole.search_vector', query)} AS rank FROM recent JOIN shared_case whole ON whole.ctid = recent.at
         ) window_rows ${keyset}
         ORDER BY rank DESC, published_at DESC, id DESC LIMIT ${params.add(first + 1)}
       ), held AS (
         SELECT count(*)::int AS held, max(matching) AS matching FROM recent
       ), edge AS (
         SELECT published_at AS edge_published_at, id AS edge_id FROM recent ORDER BY published_at, id LIMIT 1
       )
       SELECT held.*, edge.*, ranked.* FROM held LEFT JOIN edge ON true LEFT JOIN ranked ON true
       ORDER BY ranked.rank DESC, ranked.published_at DESC, ranked.id DESC`,
      params.values,
    );
    const [{ held, matching, edge_published_at: edgePublishedAt, edge_id: edgeId }] = answer;
    const rows: SearchRow[] = answer.filter((row) => row.id != null).map(({ id, published_at, rank }) => ({ id: id!, published_at: published_at!, rank: rank! }));
    if (rows.length <= first && (matching ?? 0) > held) {
      rows.push(...(await this.newestRows(first - rows.length, [edgePublishedAt, edgeId], String(UNRANKED))));
    }
    return { rows, matching: matching ?? 0 };
  }

  private stats?: Promise<Statistics>;
  private totalCount?: Promise<{ count: number; estimated: boolean }>;
  /** The exact number of matches, when a ranked page counted them as it read (null: the page was not ranked). */
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
      if (filtered && (await this.expectedRows(where, params.values)) <= this.limits.exactCounts) {
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
   * When PostgreSQL expects more than `exactCounts` matches, the pass covers a uniform random
   * sample of about `sampleSize` of them (see `sampleFor`), and every count is scaled up by the
   * part sampled. Should the sample hold under a quarter of `sampleSize`, PostgreSQL's estimate was
   * far off, the matches are few, and they are counted exactly instead.
   */
  private statistics(): Promise<Statistics> {
    this.stats ??= (async () => {
      const params = new Params();
      const [expected, cases] = await Promise.all([this.expectedRows(this.conditions(params, 'all'), params.values), this.expectedRows(['true'], [])]);
      if (expected > this.limits.exactCounts) {
        const sample = sampleFor(this.limits.sampleSize / expected, expected, cases);
        const { rows, matches } = await this.countMatches(sample);
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

  /** The counts over the search's matches, or over a sample of them; and how many matches were counted. */
  private async countMatches(sample: Sample | null): Promise<{ rows: Statistics['rows']; matches: number }> {
    const params = new Params();
    const matchOnly = this.conditions(params, 'all');
    let cases = 'shared_case';
    if (sample?.idsBelow) matchOnly.push(`id < ${params.add(sample.idsBelow)}::uuid`);
    if (sample?.blocksPercent) cases += ` TABLESAMPLE SYSTEM (${params.add(sample.blocksPercent)}::real) REPEATABLE (0)`;
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
      `WITH matches AS MATERIALIZED (SELECT sector, category, affected_groups, outcome, tags FROM ${cases} WHERE ${matchOnly.join(' AND ')})
       ${parts.join(' UNION ALL ')}`,
      params.values,
    );
    const matches = counted.find((row) => row.facet === 'matches')?.count ?? 0;
    return { rows: counted.filter((row): row is Statistics['rows'][number] => row.facet !== 'matches'), matches };
  }

  /** How many rows of the case table PostgreSQL's statistics say pass `where`: planning only, nothing is read. */
  private async expectedRows(where: string[], values: unknown[]): Promise<number> {
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
 * A uniform random sample of the cases: either those whose id falls below `idsBelow`, or the cases
 * in a random `blocksPercent` of the table's pages; `fraction` is the share of cases it holds.
 */
export interface Sample {
  fraction: number;
  idsBelow?: string;
  blocksPercent?: number;
}

/**
 * A sample of pages is the cheaper when it reads at most this many cases for each match the search
 * index would find for a range of ids: reading and testing a case on a sampled page costs about
 * three times what the index spends on a match (1.4 µs against 0.4 µs, measured at 100,000 cases).
 */
const PAGE_SAMPLE_CASES_PER_MATCH = 1 / 3;

/**
 * The cheaper of two uniform samples of about `fraction` of `expected` matches in a table of
 * `cases` rows.
 *
 * - A range of ids: case ids are random (gen_random_uuid), so a range of them is a uniform random
 *   sample. The search index finds every match and keeps those in the range: its cost follows the
 *   number of matches, the whole 32,000 of a broad search of 100,000 cases.
 * - A random share of the table's pages (TABLESAMPLE SYSTEM), every case on them tested: its cost
 *   follows the cases read, `fraction` of the table. Cheaper when matches are a large share of the
 *   table (19 ms against 9 ms for that broad search). Each page is chosen with probability
 *   `fraction`, so the scaled counts are unbiased; cases on one page are read together, and where
 *   neighbours resemble each other the estimate is less precise than the same number of cases
 *   drawn one by one. The same pages are read for every request (a fixed seed), so a reader paging
 *   through a search sees the same estimate throughout.
 */
export function sampleFor(fraction: number, expected: number, cases: number): Sample {
  const blocksPercent = Math.min(100, fraction * 100);
  if (fraction * cases <= expected * PAGE_SAMPLE_CASES_PER_MATCH) return { fraction: blocksPercent / 100, blocksPercent };
  const ids = idRangeCovering(fraction);
  return { fraction: ids.fraction, idsBelow: ids.below };
}

/**
 * The ids below which about `fraction` of random uuids fall, and that fraction exactly: the
 * first 32 bits of a version 4 uuid are random, so a bound on them splits the id space evenly.
 */
export function idRangeCovering(fraction: number): { below: string; fraction: number } {
  const prefix = Math.max(1, Math.min(2 ** 32 - 1, Math.floor(fraction * 2 ** 32)));
  return { below: `${prefix.toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`, fraction: prefix / 2 ** 32 };
}

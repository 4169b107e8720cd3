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
const RANK = (query: string) => `ts_rank(search_vector, ${query}, 1)::float8`;

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
      where.push(`status = ${params.add(SharedCaseStatus.PUBLISHED)}::shared_case_status`);
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

  /** One page of cases, most relevant first; counts and facets are computed only when asked for. */
  async page(args: ConnectionArgs): Promise<ConnectionShape<SharedCase> & { count: () => Promise<number>; facetCounts: () => Promise<SharedCaseFacets> }> {
    const params = new Params();
    const where = this.conditions(params);
    const rank = this.search ? RANK(`websearch_to_tsquery('english', ${params.add(this.search)})`) : 'NULL::float8';
    const ordering = this.ordering();
    let keyset = '';
    if (args.after) {
      const values = decodeCursor(args.after, ordering as Ordering<unknown>);
      const casts = ordering.keys.map((k) => (k.sql === 'rank' ? '::float8' : k.sql === 'published_at' ? '::timestamptz' : '::uuid'));
      keyset = `WHERE (${ordering.keys.map((k) => k.sql).join(', ')}) < (${values.map((v, i) => params.add(v) + casts[i]).join(', ')})`;
    }
    const order = ordering.keys.map((k) => `${k.sql} DESC`).join(', ');
    const rows: SearchRow[] = await readPage(args.after, () =>
      this.db.query(
        `SELECT id, published_at, rank FROM (
           SELECT id, published_at, ${rank} AS rank FROM shared_case WHERE ${where.join(' AND ')}
         ) matches ${keyset} ORDER BY ${order} LIMIT ${params.add(args.first + 1)}`,
        params.values,
      ),
    );
    const ids = rows.slice(0, args.first).map((r) => r.id);
    const entities = ids.length ? await this.db.getRepository(SharedCaseEntity).findBy({ id: In(ids) }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const page = pageOf(rows, ordering, args, (row) => SharedCase.from(byId.get(row.id)!), () => this.count());
    return { ...page, facetCounts: () => this.facets() };
  }

  private stats?: Promise<{ total: number; rows: { facet: Dimension | 'total'; value: string; count: number }[] }>;

  async count(): Promise<number> {
    return (await this.statistics()).total;
  }

  /**
   * The total and every facet in one statement and one pass over the matches: the search's matches
   * are gathered once, then each dimension is counted over those that pass the other dimensions'
   * filters, so a reader sees what choosing another value would give. Shared by totalCount and facets.
   */
  private statistics() {
    this.stats ??= (async () => {
      const params = new Params();
      const matchOnly = this.conditions(params, 'all');
      const others = (except?: Dimension) => {
        const where = this.conditions(params, except, { onlyFilters: true });
        return where.length ? where.join(' AND ') : 'true';
      };
      const parts = (Object.keys(DIMENSIONS) as Dimension[]).map((name) => {
        const from = name === 'affectedGroups' ? 'matches CROSS JOIN LATERAL unnest(affected_groups) AS g' : 'matches';
        return `SELECT '${name}' AS facet, ${DIMENSIONS[name].column}::text AS value, count(*)::int AS count FROM ${from} WHERE ${others(name)} GROUP BY 2`;
      });
      parts.push(`SELECT 'total', NULL, count(*)::int FROM matches WHERE ${others()}`);
      const rows: { facet: Dimension | 'total'; value: string; count: number }[] = await this.db.query(
        `WITH matches AS MATERIALIZED (SELECT sector, category, affected_groups, outcome, tags FROM shared_case WHERE ${matchOnly.join(' AND ')})
         ${parts.join(' UNION ALL ')}`,
        params.values,
      );
      return { total: rows.find((r) => r.facet === 'total')?.count ?? 0, rows };
    })();
    return this.stats;
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
      sectors: facet('sectors'),
      categories: facet('categories'),
      affectedGroups: facet('affectedGroups'),
      outcomes: facet('outcomes'),
    });
  }
}

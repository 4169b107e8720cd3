import { AffectedGroup, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Sector } from '../../server/src/modules/organisation/organisation.entity';
import { SEARCH_LIMITS, SharedCaseSearch, idRangeCovering, sampleFor, type SearchLimits } from '../../server/src/modules/library/library.search';
import { Api, libraryTestServer } from '../helpers/library';

const t = libraryTestServer();
let reader: string;
const word = `kestrel${Date.now()}`;
const titles: Record<string, string> = {};

const SEARCH = `query ($search: String, $filter: SharedCaseFilter, $first: Int, $after: String) {
  sharedCases(search: $search, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id title sector category outcome endorsementCount adaptationCount viewerHasEndorsed viewerCanAdapt organisationName }
    facets { sectors { value count selected } categories { value count selected } affectedGroups { value count } outcomes { value count } }
  }
}`;

/** Five published cases from a health trust and a council, four of them mentioning a word unique to this run. */
beforeAll(async () => {
  const { fx, api } = t;
  const trust = await fx.team({ organisation: await fx.make.organisation({ sector: Sector.HEALTH }) });
  const council = await fx.team({ organisation: await fx.make.organisation({ sector: Sector.LOCAL_GOVERNMENT }) });
  const specs = [
    { key: 'titleHit', team: trust, title: `${word} shortlisting panels`, description: 'Panels drawn from one division shortlist the same kind of people again and again.', category: BarrierCategory.RECRUITMENT, groups: [AffectedGroup.RACE], status: ChangeStatus.ADOPTED },
    { key: 'bodyHit', team: trust, title: 'Interview questions favour insiders', description: `The ${word} effect: questions reward knowledge of local jargon rather than ability.`, category: BarrierCategory.RECRUITMENT, groups: [AffectedGroup.RACE, AffectedGroup.SOCIO_ECONOMIC_BACKGROUND], status: ChangeStatus.IN_PROGRESS },
    { key: 'council', team: council, title: `Flexible working refused at ${word} depots`, description: 'Requests for flexible working in the depots are refused without a reason being recorded.', category: BarrierCategory.POLICY, groups: [AffectedGroup.SEX, AffectedGroup.PREGNANCY_AND_MATERNITY], status: ChangeStatus.ADOPTED },
    { key: 'councilPay', team: council, title: `Acting-up pay at ${word} libraries`, description: 'Acting-up allowances are given informally and unevenly across library branches.', category: BarrierCategory.PAY, groups: [AffectedGroup.SEX], status: ChangeStatus.APPROVED },
    { key: 'unrelated', team: council, title: 'Accessible meeting rooms', description: 'Two of the committee rooms cannot be reached without stairs, which keeps wheelchair users out.', category: BarrierCategory.ACCESS, groups: [AffectedGroup.DISABILITY], status: ChangeStatus.ADOPTED },
  ];
  for (const spec of specs) {
    const { barrier } = await fx.barrier(spec.team, { title: spec.title, description: spec.description, category: spec.category, affectedGroups: spec.groups, changes: [{ status: spec.status }] });
    titles[spec.key] = (await fx.publishCase(api, spec.team, barrier)).title;
  }
  reader = (await fx.team()).member.token;
});

describe('sharedCases', () => {
  it('ranks matches by relevance: a match in the title before a match in the story', async () => {
    const { sharedCases } = await t.api.as(reader).ok(SEARCH, { search: word });
    expect(sharedCases.totalCount).toBe(4);
    expect(sharedCases.nodes[0].title).toBe(titles.titleHit);
    expect(sharedCases.nodes.map((n: { title: string }) => n.title)).not.toContain(titles.unrelated);
  });

  it('finds stemmed words and phrases', async () => {
    const { sharedCases } = await t.api.as(reader).ok(SEARCH, { search: `"flexible working" ${word}` });
    expect(sharedCases.nodes.map((n: { title: string }) => n.title)).toEqual([titles.council]);
    const stemmed = await t.api.as(reader).ok(SEARCH, { search: `${word} allowance` });
    expect(stemmed.sharedCases.nodes.map((n: { title: string }) => n.title)).toEqual([titles.councilPay]);
  });

  it('filters by sector, category, affected group and outcome, with facet counts that ignore their own filter', async () => {
    const { sharedCases } = await t.api.as(reader).ok(SEARCH, {
      search: word,
      filter: { sectors: ['LOCAL_GOVERNMENT'], categories: ['PAY'] },
    });
    expect(sharedCases.nodes.map((n: { title: string }) => n.title)).toEqual([titles.councilPay]);
    const facets = sharedCases.facets;
    const count = (list: { value: string; count: number }[], value: string) => list.find((f) => f.value === value)!.count;
    // Sectors are counted under the category filter only: the one PAY case is a council's.
    expect(count(facets.sectors, 'LOCAL_GOVERNMENT')).toBe(1);
    expect(count(facets.sectors, 'HEALTH')).toBe(0);
    // Categories are counted under the sector filter only: the council has one POLICY and one PAY case matching.
    expect(count(facets.categories, 'POLICY')).toBe(1);
    expect(count(facets.categories, 'PAY')).toBe(1);
    expect(count(facets.categories, 'RECRUITMENT')).toBe(0);
    expect(facets.categories.find((f: { value: string }) => f.value === 'PAY').selected).toBe(true);
    expect(count(facets.affectedGroups, 'SEX')).toBe(1);
    expect(count(facets.outcomes, 'APPROVED')).toBe(1);

    const byGroup = await t.api.as(reader).ok(SEARCH, { search: word, filter: { affectedGroups: ['RACE'], outcomes: ['IN_PROGRESS'] } });
    expect(byGroup.sharedCases.nodes.map((n: { title: string }) => n.title)).toEqual([titles.bodyHit]);
    expect(count(byGroup.sharedCases.facets.categories, 'RECRUITMENT')).toBe(1);
  });

  it('pages through ranked results with opaque cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { sharedCases }: any = await t.api.as(reader).ok(SEARCH, { search: word, first: 1, after });
      seen.push(...sharedCases.nodes.map((n: { id: string }) => n.id));
      after = sharedCases.pageInfo.hasNextPage ? sharedCases.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    const first = await t.api.as(reader).ok(SEARCH, { search: word, first: 1 });
    const foreign = await t.api.as(reader).request(SEARCH, { search: 'something else', first: 1, after: first.sharedCases.pageInfo.endCursor });
    expect(Api.codes(foreign)).toEqual(['BAD_USER_INPUT']);
  });

  it('runs the same number of SQL statements for a page of 1 as for a page of 5, counts and facets included', async () => {
    const small = await t.api.as(reader).request(SEARCH, { search: word, first: 1 });
    const large = await t.api.as(reader).request(SEARCH, { search: word, first: 5 });
    expect(large.errors).toBeUndefined();
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });
});

/*
 * The limits that keep a search's cost bounded in a large library (issue 11), met here by making
 * them small: the same class the resolver uses, on the same database and cases.
 */
describe('a search past its limits', () => {
  const searchWith = (limits: Partial<SearchLimits>, filter = {}) => new SharedCaseSearch(t.server.db, word, filter, { ...SEARCH_LIMITS, ...limits });
  const titlesOf = async (limits: Partial<SearchLimits>, first: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await searchWith(limits).page({ first, after });
      seen.push(...page.nodes.map((n) => n.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return seen;
  };

  it('ranks only the newest matches, then lists the older ones newest first, reaching every match once', async () => {
    // Published in the order titleHit, bodyHit, council, councilPay: the window holds the last two.
    for (const first of [1, 3, 10]) {
      const seen = await titlesOf({ rankWindow: 2 }, first);
      expect(seen).toHaveLength(4);
      expect(new Set(seen.slice(0, 2))).toEqual(new Set([titles.council, titles.councilPay]));
      expect(seen.slice(2)).toEqual([titles.bodyHit, titles.titleHit]);
    }
    // With a window that holds every match, the best match comes first.
    expect((await titlesOf({}, 2))[0]).toBe(titles.titleHit);
  });

  it('estimates counts from a sample of the ids past exactCounts, says so, and scales by the part of the ids read', async () => {
    const filter = { sectors: ['LOCAL_GOVERNMENT' as Sector] };
    const exact = await searchWith({}, filter).page({ first: 1 }, { total: true, facets: true });
    expect(await exact.countIsEstimate()).toBe(false);
    expect((await exact.facetCounts()).estimated).toBe(false);

    // A sample of the whole id space (four matches are what a sample of four asks for): the same
    // facet counts, reported as estimates. The total stays exact, as the ranked page counted it.
    const sampled = await searchWith({ exactCounts: 0, sampleSize: 4 }, filter).page({ first: 1 }, { total: true, facets: true });
    expect(await sampled.countIsEstimate()).toBe(false);
    expect(await sampled.count()).toBe(await exact.count());
    const [sampledFacets, exactFacets] = [await sampled.facetCounts(), await exact.facetCounts()];
    expect(sampledFacets.estimated).toBe(true);
    expect({ ...sampledFacets, estimated: false }).toEqual(exactFacets);

    // A sample that finds under a quarter of the matches it was sized for means PostgreSQL's
    // estimate was far off and the matches are few: they are counted exactly instead.
    const fewer = await searchWith({ exactCounts: 0, sampleSize: 1e12 }, filter).page({ first: 1 }, { total: true, facets: true });
    expect((await fewer.facetCounts()).estimated).toBe(false);
    expect(await fewer.facetCounts()).toEqual(exactFacets);
  });

  it("counts a search's matches as its ranked page reads them: exact past exactCounts, and in no statement of its own", async () => {
    const filter = { sectors: ['HEALTH' as Sector, 'LOCAL_GOVERNMENT' as Sector] };
    for (const first of [1, 10]) {
      const search = searchWith({ exactCounts: 0, rankWindow: 2 }, filter);
      const page = await search.page({ first }, { total: true, facets: true });
      expect([await page.count(), await page.countIsEstimate()]).toEqual([4, false]);
    }
    // Through the API, asking for the total adds no statement to the page's.
    const TOTAL = `query ($search: String, $first: Int, $after: String) { sharedCases(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const NO_TOTAL = TOTAL.replace('totalCount ', '');
    const withTotal = await t.api.as(reader).request(TOTAL, { search: word, first: 2 });
    const without = await t.api.as(reader).request(NO_TOTAL, { search: word, first: 2 });
    expect(withTotal.data!.sharedCases.totalCount).toBe(4);
    expect(withTotal.extensions?.sqlStatements).toBe(without.extensions?.sqlStatements);
    // On the next page too, and after the last match, where the page is empty: the page's statement
    // still reads the window and counts it.
    const next = await t.api.as(reader).ok(TOTAL, { search: word, first: 2, after: withTotal.data!.sharedCases.pageInfo.endCursor });
    expect([next.sharedCases.totalCount, next.sharedCases.nodes.length]).toEqual([4, 2]);
    const afterLast = { search: word, first: 2, after: next.sharedCases.pageInfo.endCursor };
    const past = await t.api.as(reader).request(TOTAL, afterLast);
    expect([past.data!.sharedCases.totalCount, past.data!.sharedCases.nodes.length]).toEqual([4, 0]);
    expect(past.extensions?.sqlStatements).toBe((await t.api.as(reader).request(NO_TOTAL, afterLast)).extensions?.sqlStatements);
  });

  it('reads the matches older than the ranked window with a statement of their own only on the pages at its end', async () => {
    const statementsPerPage = async (limits: Partial<SearchLimits>) => {
      const query = jest.spyOn(t.server.db, 'query');
      const counts: number[] = [];
      let after: string | null = null;
      try {
        do {
          query.mockClear();
          const page = await searchWith(limits).page({ first: 1, after });
          counts.push(query.mock.calls.length);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
      } finally {
        query.mockRestore();
      }
      return counts;
    };
    // Four matches, two in the window. The second page shows the window's last match and looks past
    // it to learn there is more; the third starts after that match, in the ranked part, and reads on
    // among the older ones. The fourth's cursor is among the older matches: one statement again.
    expect(await statementsPerPage({ rankWindow: 2 })).toEqual([1, 2, 2, 1]);
    // A window that holds every match has nothing after it: its last page asks for nothing more.
    expect(await statementsPerPage({})).toEqual([1, 1, 1, 1]);
  });

  it("samples a random share of the table's pages when the matches are a large share of it, and a range of ids otherwise", () => {
    // 32,000 of 100,000 cases match: a sample of 2,000 reads 6,250 cases on sampled pages, fewer than a third of the matches.
    expect(sampleFor(2000 / 32_000, 32_000, 100_000)).toEqual({ fraction: 0.0625, blocksPercent: 6.25 });
    // 6,000 of 1,000,000 match: sampled pages would hold 333,000 cases; the search index finds the id range's matches.
    const narrow = sampleFor(2000 / 6000, 6000, 1_000_000);
    expect(narrow.blocksPercent).toBeUndefined();
    expect(narrow.fraction).toBeCloseTo(1 / 3, 6);
    expect(narrow.idsBelow).toBe(idRangeCovering(1 / 3).below);
    // A fraction past the whole reads (all but a 2^-32 part of) the whole.
    expect(sampleFor(4, 12, 12).fraction).toBeCloseTo(1, 6);
  });

  it('splits the id space evenly: a quarter of random ids fall below the bound for a quarter', () => {
    expect(idRangeCovering(0.25)).toEqual({ below: '40000000-0000-0000-0000-000000000000', fraction: 0.25 });
    const ids = Array.from({ length: 20_000 }, () => crypto.randomUUID());
    const below = ids.filter((id) => id < idRangeCovering(0.25).below).length;
    expect(below / ids.length).toBeGreaterThan(0.23);
    expect(below / ids.length).toBeLessThan(0.27);
  });
});

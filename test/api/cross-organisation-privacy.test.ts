import { AffectedGroup, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Sector } from '../../server/src/modules/organisation/organisation.entity';
import { Api, gid, libraryTestServer } from '../helpers/library';
import type { Team } from '../helpers/library';

/**
 * Cross-organisation links in the library: "this barrier is reported in N organisations; M adopted
 * a change; K still in force at 12 months", only where at least five organisations besides the
 * viewer's match, and never which. Every run writes text of its own (random words), so barriers
 * from other runs in the same database are never alike these.
 */
const t = libraryTestServer();

const REACH = `query ($id: ID!) { node(id: $id) { ... on SharedCase { id alikeAcrossOrganisations { shown threshold organisations withAdoptedChange inForceAtTwelveMonths summary } } } }`;
const letters = 'bcdfghjklmnpqrstvwxz';
const word = () => Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
const words = (n: number) => Array.from({ length: n }, word);

interface Story {
  caseId: string;
  origin: Team;
  title: string[];
  description: string[];
}

/** A published case in its own organisation, about a barrier worded in random words. */
async function story(): Promise<Story> {
  const origin = await t.fx.team();
  const title = words(4);
  const description = words(10);
  const { barrier } = await t.fx.barrier(origin, { title: title.join(' '), description: description.join(' '), category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.RELIGION_OR_BELIEF, AffectedGroup.RACE] });
  const published = await t.fx.publishCase(t.api, origin, barrier);
  return { caseId: published.id, origin, title, description };
}

/** An organisation (a new one unless given) reporting a barrier alike the story's: same category, a shared group, one word of the title changed. */
async function alike(s: Story, options: { team?: Team; adopted?: boolean; sector?: Sector } = {}): Promise<Team & { changeId: string }> {
  const team = options.team ?? (await t.fx.team({ organisation: await t.fx.make.organisation({ sector: options.sector ?? Sector.HEALTH }) }));
  const { changes } = await t.fx.barrier(team, {
    title: [...s.title.slice(0, 3), word()].join(' '),
    description: words(10).join(' '),
    category: BarrierCategory.CULTURE,
    affectedGroups: [AffectedGroup.RACE],
    changes: [{ status: options.adopted ? ChangeStatus.ADOPTED : ChangeStatus.SUBMITTED }],
  });
  return { ...team, changeId: changes[0].id };
}

const reachAs = async (token: string, caseId: string) => (await t.api.as(token).ok(REACH, { id: caseId })).node.alikeAcrossOrganisations;
const hidden = { shown: false, threshold: 5, organisations: null, withAdoptedChange: null, inForceAtTwelveMonths: null, summary: 'Shown once at least 5 other organisations report a barrier like this one.' };

describe('cross-organisation counts: five organisations or nothing', () => {
  it('4 organisations: nothing; the 5th: N, M, and K (from the 12-month sustainment reviews)', async () => {
    const s = await story();
    const outsider = (await t.fx.team()).member.token;
    expect(await reachAs(outsider, s.caseId)).toEqual(hidden); // one organisation only: its own case
    const first = await alike(s, { adopted: true });
    await alike(s);
    await alike(s, { adopted: true });
    expect(await reachAs(outsider, s.caseId)).toEqual(hidden); // 4 organisations
    await alike(s);
    const shown = { shown: true, threshold: 5, organisations: 5, withAdoptedChange: 3 }; // the case's own organisation adopted its change too
    expect(await reachAs(outsider, s.caseId)).toMatchObject({ ...shown, inForceAtTwelveMonths: 0 });
    // The 12-month review of one organisation's change, recorded in force.
    await t.server.db.query(
      `INSERT INTO sustainment_review (organisation_id, change_id, months, due_on, recorded_at, in_force) VALUES ($1, $2, 12, current_date, now(), true)`,
      [first.organisation.id, first.changeId],
    );
    expect(await reachAs(outsider, s.caseId)).toEqual({ ...shown, inForceAtTwelveMonths: 1, summary: 'This barrier is reported in 5 organisations; 3 adopted a change; 1 still in force at 12 months.' });
  });

  it('counts organisations, not barriers: a second alike barrier in one organisation adds nothing', async () => {
    const s = await story();
    const outsider = (await t.fx.team()).member.token;
    const teams = [await alike(s), await alike(s), await alike(s)];
    await alike(s, { team: teams[0] });
    await alike(s, { team: teams[1] });
    expect(await reachAs(outsider, s.caseId)).toEqual(hidden); // 4 organisations, 6 barriers
  });

  it('only alike barriers count: another category, no shared group, or other wording is not linked', async () => {
    const s = await story();
    const outsider = (await t.fx.team()).member.token;
    for (let i = 0; i < 3; i++) await alike(s);
    const other = async (overrides: Record<string, unknown>) => {
      const team = await t.fx.team();
      await t.fx.barrier(team, { title: s.title.join(' '), description: s.description.join(' '), category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.RACE], ...overrides });
    };
    await other({ category: BarrierCategory.PAY });
    await other({ affectedGroups: [AffectedGroup.AGE] });
    await other({ title: words(4).join(' '), description: words(10).join(' ') });
    expect(await reachAs(outsider, s.caseId)).toEqual(hidden);
    // the same text in the same category with a shared group, but a different title: the description alone makes it alike
    await other({ title: words(4).join(' ') });
    expect(await reachAs(outsider, s.caseId)).toMatchObject({ shown: true, organisations: 5 });
  });
});

describe('no way to tell which organisations, and no differencing', () => {
  it("a viewer's own organisation does not count towards the five: they know their own part", async () => {
    const s = await story();
    const teams = [await alike(s), await alike(s), await alike(s), await alike(s)];
    const outsider = (await t.fx.team()).member.token;
    expect(await reachAs(outsider, s.caseId)).toMatchObject({ shown: true, organisations: 5 });
    // a member of a matching organisation, and the case's own authors, see four others: nothing
    expect(await reachAs(teams[0].member.token, s.caseId)).toEqual(hidden);
    expect(await reachAs(s.origin.junior.token, s.caseId)).toEqual(hidden);
    // and nothing their own organisation records moves it: another alike barrier of theirs changes nothing
    await alike(s, { team: teams[0] });
    expect(await reachAs(teams[0].member.token, s.caseId)).toEqual(hidden);
    // one more organisation elsewhere: now five others, and the figure includes their own
    await alike(s);
    expect(await reachAs(teams[0].member.token, s.caseId)).toMatchObject({ shown: true, organisations: 6 });
  });

  it('search, filters and lists never narrow the count, and nothing names an organisation', async () => {
    const s = await story();
    const teams = [];
    for (const sector of [Sector.HEALTH, Sector.LOCAL_GOVERNMENT, Sector.EDUCATION, Sector.CHARITY]) teams.push(await alike(s, { sector, adopted: true }));
    const outsider = (await t.fx.team()).member.token;
    const direct = await reachAs(outsider, s.caseId);
    expect(direct).toMatchObject({ shown: true, organisations: 5, withAdoptedChange: 5 });
    const LIST = `query ($search: String, $filter: SharedCaseFilter) { sharedCases(search: $search, filter: $filter, first: 100) {
      nodes { id alikeAcrossOrganisations { shown threshold organisations withAdoptedChange inForceAtTwelveMonths summary } } } }`;
    const filters = [{ search: s.title[0] }, { search: s.title[0], filter: { sectors: ['HEALTH'] } }, { search: s.title[0], filter: { categories: ['CULTURE'], affectedGroups: ['RELIGION_OR_BELIEF'] } }];
    for (const variables of filters) {
      const found = (await t.api.as(outsider).ok(LIST, variables)).sharedCases.nodes.find((n: any) => n.id === s.caseId);
      expect(found.alikeAcrossOrganisations).toEqual(direct);
    }
    // the type holds counts only: no list, no id, no name; and the answer carries none
    const type = await t.api.as(outsider).ok(`{ __type(name: "CrossOrganisationReach") { fields { name type { name kind ofType { name } } } } }`);
    expect(type.__type.fields.map((f: any) => f.name).sort()).toEqual(['inForceAtTwelveMonths', 'organisations', 'shown', 'summary', 'threshold', 'withAdoptedChange']);
    const raw = JSON.stringify(await t.api.as(outsider).ok(REACH, { id: s.caseId }));
    for (const team of teams) {
      expect(raw).not.toContain(team.organisation.name);
      expect(raw).not.toContain(team.organisation.id);
      expect(raw).not.toContain(gid('Organisation', team.organisation.id));
    }
  });

  it('anonymous barriers count as organisations only; an unpublished case shows nothing to outsiders; signed out, nothing', async () => {
    const s = await story();
    const teams = [];
    for (let i = 0; i < 4; i++) teams.push(await alike(s));
    // their barriers were raised anonymously: they count as an organisation each, and no pair is named anywhere
    await t.server.db.query(`UPDATE barrier SET attribution = 'ANONYMOUS' WHERE organisation_id = ANY($1::uuid[])`, [teams.map((team) => team.organisation.id)]);
    const outsider = (await t.fx.team()).member.token;
    expect(await reachAs(outsider, s.caseId)).toMatchObject({ shown: true, organisations: 5 });
    const raw = JSON.stringify(await t.api.as(outsider).ok(REACH, { id: s.caseId }));
    for (const team of teams) expect(raw).not.toContain(team.junior.person.displayName);
    expect(Api.codes(await t.api.request(REACH, { id: s.caseId }))).toEqual(['UNAUTHENTICATED']);
    const unpublished = await t.api.as(s.origin.manager.token).mutation(`mutation ($input: UnpublishCaseInput!) { unpublishCase(input: $input) { userErrors { code } } }`, { caseId: s.caseId, reason: 'Taken down for a check of the wording.' });
    expect(unpublished.userErrors).toEqual([]);
    expect((await t.api.as(outsider).ok(REACH, { id: s.caseId })).node).toBeNull();
  });
});

describe('one statement for a page of cases', () => {
  it('runs as many SQL statements for 1 case as for 3 (the counts are batched)', async () => {
    const stories = [await story(), await story(), await story()];
    const outsider = (await t.fx.team()).member.token;
    const PAGE = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on SharedCase { id alikeAcrossOrganisations { shown organisations } } } }`;
    const one = await t.api.as(outsider).request(PAGE, { ids: [stories[0].caseId] });
    const three = await t.api.as(outsider).request(PAGE, { ids: stories.map((s) => s.caseId) });
    expect(three.data.nodes).toHaveLength(3);
    expect(three.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
  });
});

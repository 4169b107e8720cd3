import { IdentifierKind, OrganisationIdentifierEntity } from '../../server/src/modules/identifier/identifier.entity';
import { Api, APPROVE, CASE, CONSENT, EDIT, gid, libraryTestServer, RESOLVE, type Team } from '../helpers/library';

const t = libraryTestServer();

const ADD = `mutation ($input: AddOrganisationIdentifierInput!) { addOrganisationIdentifier(input: $input) {
  identifier { id kind value } organisation { id identifiers { totalCount nodes { kind value } } } userErrors { field message code } } }`;
const REMOVE = `mutation ($input: RemoveOrganisationIdentifierInput!) { removeOrganisationIdentifier(input: $input) { removedIdentifierId userErrors { field message code } } }`;
const LIST = `query ($id: ID!) { node(id: $id) { ... on Organisation { viewerCanManageIdentifiers identifiers(first: 10) { totalCount nodes { kind value } } } } }`;
const SEARCH = `query ($search: String) { sharedCases(search: $search, first: 50) { totalCount nodes { id } } }`;

const orgId = (team: Team) => gid('Organisation', team.organisation.id);
const add = (team: Team, kind: string, value: string, token = team.manager.token) => t.api.as(token).mutation(ADD, { organisationId: orgId(team), kind, value });
const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

describe("an organisation's list of what identifies it", () => {
  it('is kept by its programme managers, read by its members, and hidden from everyone else', async () => {
    const team = await t.fx.team({ organisation: await t.fx.make.organisation({ name: 'Northshore Health NHS Trust' }) });
    const other = await t.fx.team();
    const added = await add(team, 'SHORT_FORM', '  NHT ');
    expect(added.userErrors).toEqual([]);
    expect(added.identifier).toMatchObject({ kind: 'SHORT_FORM', value: 'NHT' });
    expect((await add(team, 'WARD', 'Maple  Ward')).identifier.value).toBe('Maple Ward');

    // One entry per spelling; the name is always there; nonsense is refused with a code.
    expect(await add(team, 'ALIAS', 'nht')).toMatchObject({ identifier: null, userErrors: [{ field: ['input', 'value'], code: 'ALREADY_EXISTS' }] });
    expect(codes(await add(team, 'ALIAS', 'northshore health nhs trust'))).toEqual(['ALREADY_EXISTS']);
    expect(codes(await add(team, 'ALIAS', 'x'))).toEqual(['INVALID_INPUT']);
    // A co-learner or an owner does not keep the list; another organisation's manager cannot see it.
    expect(Api.codes(await t.api.as(team.senior.token).request(ADD, { input: { organisationId: orgId(team), kind: 'SITE', value: 'Harbour Wing' } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(team.member.token).request(ADD, { input: { organisationId: orgId(team), kind: 'SITE', value: 'Harbour Wing' } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(other.manager.token).request(ADD, { input: { organisationId: orgId(team), kind: 'SITE', value: 'Harbour Wing' } }))).toEqual(['NOT_FOUND']);
    expect(await t.server.db.getRepository(OrganisationIdentifierEntity).countBy({ organisationId: team.organisation.id })).toBe(2);

    const asMember = (await t.api.as(team.junior.token).ok(LIST, { id: orgId(team) })).node;
    expect(asMember).toEqual({ viewerCanManageIdentifiers: false, identifiers: { totalCount: 2, nodes: [{ kind: 'SHORT_FORM', value: 'NHT' }, { kind: 'WARD', value: 'Maple Ward' }] } });
    expect((await t.api.as(team.manager.token).ok(LIST, { id: orgId(team) })).node.viewerCanManageIdentifiers).toBe(true);
    expect((await t.api.as(other.manager.token).ok(LIST, { id: orgId(team) })).node).toBeNull();

    expect(Api.codes(await t.api.as(other.manager.token).request(REMOVE, { input: { identifierId: added.identifier.id } }))).toEqual(['NOT_FOUND']);
    const removed = await t.api.as(team.manager.token).mutation(REMOVE, { identifierId: added.identifier.id });
    expect(removed).toEqual({ removedIdentifierId: added.identifier.id, userErrors: [] });
    expect((await t.api.as(team.junior.token).ok(LIST, { id: orgId(team) })).node.identifiers.nodes).toEqual([{ kind: 'WARD', value: 'Maple Ward' }]);
  });

  it('is flagged wherever it stands, and a new entry reaches cases already drafted and stops one awaiting approval', async () => {
    const team = await t.fx.team({ organisation: await t.fx.make.organisation({ name: 'Northshore Health NHS Trust' }) });
    const { barrier } = await t.fx.barrier(team, {
      description: "WRES 2026 data for Northshore showed it. NORTHSHORE's panels on maple ward and at St Brigid’s met on 3 March 2026; staff number 448812.",
    });
    let sharedCase = await t.fx.requestCase(t.api, team, barrier);
    const summaryFlags = () => sharedCase.redactions.filter((r: { field: string }) => r.field === 'SUMMARY').map((r: { kind: string; found: string }) => [r.kind, r.found]);
    expect(summaryFlags()).toEqual([
      ['ORGANISATION', 'Northshore'],
      ['ORGANISATION', 'NORTHSHORE'],
      ['DATE', '3 March 2026'],
      ['STAFF_NUMBER', '448812'],
    ]);
    await add(team, 'WARD', 'Maple Ward');
    await add(team, 'SITE', "St Brigid's");
    sharedCase = (await t.api.as(team.junior.token).ok(CASE, { id: sharedCase.id })).node;
    expect(summaryFlags()).toEqual([
      ['ORGANISATION', 'Northshore'],
      ['ORGANISATION', 'NORTHSHORE'],
      ['PLACE', 'maple ward'],
      ['PLACE', 'St Brigid’s'],
      ['DATE', '3 March 2026'],
      ['STAFF_NUMBER', '448812'],
    ]);
    const date = sharedCase.redactions.find((r: { kind: string }) => r.kind === 'DATE');
    expect(date.proposedReplacement).toBe('[March 2026]');

    // Resolve everything, consent both: the case awaits approval. Then the manager adds a short form the text uses.
    for (;;) {
      const open = sharedCase.redactions.find((r: { status: string }) => r.status === 'OPEN');
      if (!open) break;
      sharedCase = (await t.api.as(team.senior.token).mutation(RESOLVE, { redactionId: open.id, action: 'ACCEPT' })).sharedCase;
    }
    sharedCase = (await t.api.as(team.junior.token).mutation(EDIT, { caseId: sharedCase.id, outcomeSummary: 'Adopted across the NHT in spring.' })).sharedCase;
    for (const person of [team.senior, team.junior]) expect((await t.api.as(person.token).mutation(CONSENT, { caseId: sharedCase.id })).userErrors).toEqual([]);
    expect((await t.api.as(team.manager.token).ok(CASE, { id: sharedCase.id })).node.status).toBe('AWAITING_APPROVAL');

    // Added straight in the table (as if by a path that forgot to re-read): approval reads the text again anyway.
    await t.server.db.getRepository(OrganisationIdentifierEntity).save({ organisationId: team.organisation.id, kind: IdentifierKind.SHORT_FORM, value: 'NHT', normalised: 'nht', addedById: team.manager.person.id });
    const refused = await t.api.as(team.manager.token).mutation(APPROVE, { caseId: sharedCase.id });
    expect(codes(refused)).toEqual(['UNRESOLVED_REDACTIONS']);
    const after = (await t.api.as(team.manager.token).ok(CASE, { id: sharedCase.id })).node;
    expect(after.status).toBe('REDACTING');
    expect(after.redactions.filter((r: { status: string }) => r.status === 'OPEN').map((r: { found: string }) => r.found)).toEqual(['NHT']);
  });
});

describe("searching the library for an organisation's names", () => {
  it("never finds that organisation's cases, whoever searches, even where its text still says them", async () => {
    const northshore = await t.fx.team({ organisation: await t.fx.make.organisation({ name: 'Northshore Health NHS Trust' }) });
    const riverside = await t.fx.team({ organisation: await t.fx.make.organisation({ name: 'Riverside Council' }) });
    await add(northshore, 'SHORT_FORM', 'NHT');
    await add(northshore, 'ALIAS', 'Shorehaven General');
    // The authors dismiss the flags (say, by mistake), and tag it with the name: the text and tags still say it.
    const { barrier } = await t.fx.barrier(northshore, { title: 'Northshore shortlisting panels', description: 'At NHT and Shorehaven General, panels were all white.' });
    let draft = await t.fx.requestCase(t.api, northshore, barrier, { tags: ['northshore', 'shortlisting'] });
    for (;;) {
      const open = draft.redactions.find((r: { status: string }) => r.status === 'OPEN');
      if (!open) break;
      draft = (await t.api.as(northshore.senior.token).mutation(RESOLVE, { redactionId: open.id, action: 'DISMISS' })).sharedCase;
    }
    for (const person of [northshore.senior, northshore.junior]) await t.api.as(person.token).mutation(CONSENT, { caseId: draft.id });
    const published = (await t.api.as(northshore.manager.token).mutation(APPROVE, { caseId: draft.id, showOrganisationName: true })).sharedCase;
    expect(published.status).toBe('PUBLISHED');
    expect(published.title).toContain('Northshore');
    // Another organisation's case that mentions Northshore is found as usual.
    const { barrier: theirs } = await t.fx.barrier(riverside, { title: 'Shortlisting panels copied from Northshore', description: 'We learnt from Northshore how to fix panels.' });
    const riversideCase = await t.fx.publishCase(t.api, riverside, theirs);

    for (const searcher of [riverside.member, northshore.manager, northshore.junior]) {
      for (const search of ['Northshore', 'northshore health nhs trust', '"Northshore Health"', 'NHT', 'Shorehaven General', 'Shorehaven', 'shortlisting Northshore', 'NHT OR Shorehaven']) {
        const ids = (await t.api.as(searcher.token).ok(SEARCH, { search })).sharedCases.nodes.map((n: { id: string }) => n.id);
        expect({ search, found: ids.includes(published.id) }).toEqual({ search, found: false });
      }
    }
    // Its other words still find it; the Riverside case that mentions Northshore is found.
    const byOtherWords = (await t.api.as(riverside.member.token).ok(SEARCH, { search: 'panels white' })).sharedCases.nodes.map((n: { id: string }) => n.id);
    expect(byOtherWords).toContain(published.id);
    expect((await t.api.as(riverside.member.token).ok(SEARCH, { search: 'Northshore' })).sharedCases.nodes.map((n: { id: string }) => n.id)).toContain(riversideCase.id);

    // An alias added after publication leaves the index at once.
    await add(northshore, 'ALIAS', 'White Panels Trust');
    const afterAlias = (await t.api.as(riverside.member.token).ok(SEARCH, { search: 'white panels' })).sharedCases.nodes.map((n: { id: string }) => n.id);
    expect(afterAlias).not.toContain(published.id);
  });
});

import { Role } from '../../server/src/modules/person/membership.entity';
import { Api, CASE, CONSENT, gid, libraryTestServer } from '../helpers/library';

const t = libraryTestServer();

const LIBRARY = `query ($search: String) { sharedCases(search: $search, first: 100) { nodes { id } } }`;
const ORGANISATION_CASES = `query ($id: ID!) { organisationCases(organisationId: $id) { totalCount nodes { id status } } }`;

describe('nothing unpublished or unconsented is visible outside the organisation', () => {
  it('keeps drafts, cases awaiting consent or approval, and unpublished cases out of the library and away from outsiders', async () => {
    const team = await t.fx.team();
    const tag = `zebrafish${Date.now()}`;
    const { barrier } = await t.fx.barrier(team, { title: `Rota barrier ${tag}`, description: 'Night rotas are allocated informally and the figures show it.' });
    const draft = await t.fx.requestCase(t.api, team, barrier);
    await t.api.as(team.senior.token).mutation(CONSENT, { caseId: draft.id });

    const outsider = await t.fx.team();
    const sameOrgColleague = await t.fx.make.person({ organisation: team.organisation, roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER] });
    for (const person of [outsider.member, outsider.manager, sameOrgColleague]) {
      expect((await t.api.as(person.token).ok(LIBRARY, { search: tag })).sharedCases.nodes).toEqual([]);
      expect((await t.api.as(person.token).ok(CASE, { id: draft.id })).node).toBeNull();
      expect(Api.codes(await t.api.as(person.token).request(CONSENT, { input: { caseId: draft.id } }))).toEqual(['NOT_FOUND']);
    }
    expect(Api.codes(await t.api.as(outsider.manager.token).request(ORGANISATION_CASES, { id: gid('Organisation', team.organisation.id) }))).toEqual(['NOT_FOUND']);
    // Inside: the authors and their managers see it; a co-learner sees only their own pair's cases.
    expect((await t.api.as(team.manager.token).ok(ORGANISATION_CASES, { id: gid('Organisation', team.organisation.id) })).organisationCases.totalCount).toBe(1);
    expect((await t.api.as(sameOrgColleague.token).ok(ORGANISATION_CASES, { id: gid('Organisation', team.organisation.id) })).organisationCases.totalCount).toBe(0);
    expect((await t.api.as(team.junior.token).ok(CASE, { id: draft.id })).node.status).toBe('AWAITING_CONSENT');
  });

  it('shows a published case to every organisation, without the review trail, the pair or the organisation\'s name', async () => {
    const team = await t.fx.team();
    const tag = `quokka${Date.now()}`;
    const { barrier } = await t.fx.barrier(team, { title: `Promotion panels ${tag}`, description: 'Promotion panels are all drawn from one division, and the figures show it.' });
    const published = await t.fx.publishCase(t.api, team, barrier);
    const outsider = await t.fx.team();
    expect((await t.api.as(outsider.member.token).ok(LIBRARY, { search: tag })).sharedCases.nodes).toEqual([{ id: published.id }]);
    const { node } = await t.api.as(outsider.member.token).ok(CASE, { id: published.id });
    expect(node).toMatchObject({
      status: 'PUBLISHED',
      organisationName: null,
      sector: 'HEALTH',
      redactions: null,
      consents: null,
      openRedactionCount: null,
      viewerCanEdit: false,
      viewerCanApprove: false,
      viewerCanEndorse: true,
      viewerCanAdapt: true,
    });
    const text = JSON.stringify(node);
    for (const name of ['Sam Okonkwo', 'Jo Bright', team.organisation.name]) expect(text).not.toContain(name);
  });

  it('refuses the library to anonymous callers', async () => {
    expect(Api.codes(await t.api.request(LIBRARY, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a case and the barrier it came from', () => {
  it('links back to the barrier for members of its organisation only', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    const published = await t.fx.publishCase(t.api, team, barrier);
    const Q = `query ($id: ID!) { node(id: $id) { ... on SharedCase { sourceBarrier { id } } } }`;
    expect((await t.api.as(team.manager.token).ok(Q, { id: published.id })).node.sourceBarrier).toEqual({ id: gid('Barrier', barrier.id) });
    const elsewhere = await t.fx.team();
    expect((await t.api.as(elsewhere.member.token).ok(Q, { id: published.id })).node.sourceBarrier).toBeNull();
  });
});

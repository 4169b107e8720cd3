import { ADAPT, EDIT, gid, libraryTestServer, UNPUBLISH } from '../helpers/library';

/**
 * Audit: nothing unpublished leaves its organisation. An adaptation links another organisation to
 * a case; once the case is taken down (and its authors rework the draft), that link must not
 * become a window onto the draft.
 */
const t = libraryTestServer();

const SHARING = `mutation ($input: SetAdaptationSharingInput!) { setAdaptationSharing(input: $input) {
  adaptation { shareProgress sharedCase { id status title summary whatChanged } } userErrors { code } } }`;

describe('an adaptation of a case that was taken down', () => {
  it('no longer shows the case to the adopting organisation, nor its reworked draft', async () => {
    const source = await t.fx.team();
    const { barrier } = await t.fx.barrier(source);
    const sharedCase = await t.fx.publishCase(t.api, source, barrier);
    const adopter = await t.fx.team();
    const adapted = await t.api.as(adopter.member.token).mutation(ADAPT, {
      caseId: sharedCase.id,
      pairId: gid('Pair', adopter.pair.id),
      ownerId: gid('Person', adopter.owner.person.id),
      expectedImpact: 'Fewer panels without a trained member here too.',
    });
    expect(adapted.userErrors).toEqual([]);
    const adaptationId = adapted.adaptation.id;

    // While published, the adopter reads the case it adapted.
    const before = await t.api.as(adopter.member.token).mutation(SHARING, { adaptationId, shareProgress: true });
    expect(before).toMatchObject({ userErrors: [], adaptation: { sharedCase: { id: sharedCase.id, status: 'PUBLISHED' } } });

    // Taken down, then reworked by its authors: a private draft of the source organisation again.
    expect((await t.api.as(source.manager.token).mutation(UNPUBLISH, { caseId: sharedCase.id, reason: 'Too easy to identify the ward.' })).userErrors).toEqual([]);
    const draft = 'Draft: the Ward 7 panel chaired by the ward manager rejected both applicants.';
    expect((await t.api.as(source.junior.token).mutation(EDIT, { caseId: sharedCase.id, summary: draft })).userErrors).toEqual([]);

    const after = await t.api.as(adopter.member.token).request(SHARING, { input: { adaptationId, shareProgress: false } });
    expect(after.errors).toBeUndefined();
    expect(after.data.setAdaptationSharing).toEqual({ userErrors: [], adaptation: { shareProgress: false, sharedCase: null } });
    expect(JSON.stringify(after)).not.toContain('Ward 7');

    const NODE = `query ($id: ID!) { node(id: $id) { ... on CaseAdaptation { sharedCase { id summary } } } }`;
    expect((await t.api.as(adopter.member.token).ok(NODE, { id: adaptationId })).node).toBeNull();
    // The source organisation's managers still see their own draft.
    const own = await t.api.as(source.manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on SharedCase { summary } } }`, { id: sharedCase.id });
    expect(own.node.summary).toBe(draft);
  });
});

import { Api, ENDORSE, libraryTestServer } from '../helpers/library';

const t = libraryTestServer();

const WITHDRAW = `mutation ($input: EndorseCaseInput!) { withdrawCaseEndorsement(input: $input) { sharedCase { endorsementCount viewerHasEndorsed } userErrors { code } } }`;

describe('endorseCase', () => {
  it('counts once per person, even when asked twice or at the same moment', async () => {
    const source = await t.fx.team();
    const { barrier } = await t.fx.barrier(source);
    const sharedCase = await t.fx.publishCase(t.api, source, barrier);
    const readers = await t.fx.team();

    const first = await t.api.as(readers.member.token).mutation(ENDORSE, { caseId: sharedCase.id });
    expect(first).toMatchObject({ userErrors: [], sharedCase: { endorsementCount: 1, viewerHasEndorsed: true, viewerCanEndorse: false } });
    const again = await t.api.as(readers.member.token).mutation(ENDORSE, { caseId: sharedCase.id });
    expect(again.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_EXISTS']);

    const together = await Promise.all([1, 2, 3].map(() => t.api.as(readers.manager.token).mutation(ENDORSE, { caseId: sharedCase.id })));
    expect(together.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    const last = await t.api.as(readers.senior.token).mutation(ENDORSE, { caseId: sharedCase.id });
    expect(last.sharedCase.endorsementCount).toBe(3);

    const withdrawn = await t.api.as(readers.senior.token).mutation(WITHDRAW, { caseId: sharedCase.id });
    expect(withdrawn.sharedCase).toMatchObject({ endorsementCount: 2, viewerHasEndorsed: false });
  });

  it('is for other organisations, on published cases only', async () => {
    const source = await t.fx.team();
    const { barrier } = await t.fx.barrier(source);
    const draft = await t.fx.requestCase(t.api, source, barrier);
    const reader = await t.fx.team();
    expect(Api.codes(await t.api.as(reader.member.token).request(ENDORSE, { input: { caseId: draft.id } }))).toEqual(['NOT_FOUND']);
    const { barrier: other } = await t.fx.barrier(source, { title: 'Another barrier entirely', description: 'Rotas are set informally on every ward we looked at.' });
    const published = await t.fx.publishCase(t.api, source, other);
    expect(published.viewerCanEndorse).toBe(false);
    expect(Api.codes(await t.api.as(source.member.token).request(ENDORSE, { input: { caseId: published.id } }))).toEqual(['FORBIDDEN']);
  });
});

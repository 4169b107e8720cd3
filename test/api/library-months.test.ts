import { libraryTestServer } from '../helpers/library';

/** Published library cases carry months, not moments: nothing lines a case up with when it was written. */
const t = libraryTestServer();

const DATES = `query ($id: ID!) { node(id: $id) { ... on SharedCase { publishedAt requestedAt } } }`;

describe('a library case’s dates', () => {
  it('are months (the 1st, midnight UTC) for another organisation and for the authors alike', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    const published = await t.fx.publishCase(t.api, team, barrier);
    const outsider = await t.fx.team();
    const month = new Date().toISOString().slice(0, 7);
    for (const viewer of [outsider.member, team.junior]) {
      const { node } = await t.api.as(viewer.token).ok(DATES, { id: published.id });
      expect(node).toEqual({ publishedAt: `${month}-01T00:00:00.000Z`, requestedAt: `${month}-01T00:00:00.000Z` });
    }
  });
});

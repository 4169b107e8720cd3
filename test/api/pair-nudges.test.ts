import { NotificationEntity } from '../../server/src/modules/notification/notification.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const NUDGE = `mutation ($input: NudgePairInput!) { nudgePair(input: $input) { pair { id lastNudgedAt } userErrors { field code message } } }`;
const INBOX = `{ notifications(first: 5) { nodes { kind message actorName pair { id } } } }`;

async function quietPair(status = PairStatus.ACTIVE) {
  const organisation = await t.make.organisation();
  const { pair, senior, junior, id } = await t.make.pair(organisation, { status });
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
  return { organisation, pair, senior, junior, id, manager };
}

describe('nudgePair', () => {
  it("tells both co-learners, with the manager's words, and shows managers when it was done", async () => {
    const p = await quietPair();
    const payload = await t.api.as(p.manager.token).mutation(NUDGE, { pairId: p.id, message: 'Could you book your next session before the panel dates?' });
    expect(payload.userErrors).toEqual([]);
    expect(new Date(payload.pair.lastNudgedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    for (const member of [p.senior, p.junior]) {
      expect((await t.api.as(member.token).ok(INBOX)).notifications.nodes).toEqual([
        { kind: 'PAIR_NUDGED', actorName: 'Pat Manager', message: 'Pat Manager asks how your co-learning is going. “Could you book your next session before the panel dates?”', pair: { id: p.id } },
      ]);
    }
    expect((await t.api.as(p.manager.token).ok(INBOX)).notifications.nodes).toEqual([]);
    const seenByPair = await t.api.as(p.senior.token).ok(`query ($id: ID!) { node(id: $id) { ... on Pair { lastNudgedAt } } }`, { id: p.id });
    expect(seenByPair.node.lastNudgedAt).toBeNull();
  });

  it('waits a week between nudges', async () => {
    const p = await quietPair();
    expect((await t.api.as(p.manager.token).mutation(NUDGE, { pairId: p.id })).userErrors).toEqual([]);
    const again = await t.api.as(p.manager.token).mutation(NUDGE, { pairId: p.id });
    expect(again.userErrors).toMatchObject([{ code: 'TOO_SOON' }]);
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ pairId: p.pair.id })).toBe(2);

    await t.server.db.getRepository(NotificationEntity).update({ pairId: p.pair.id }, { createdAt: new Date(Date.now() - 8 * 86_400_000) });
    expect((await t.api.as(p.manager.token).mutation(NUDGE, { pairId: p.id })).userErrors).toEqual([]);
  });

  it('is for programme managers of the organisation, and only for pairs still working together', async () => {
    const p = await quietPair();
    const outsider = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const owner = await t.make.person({ organisation: p.organisation, roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(p.senior.token).request(NUDGE, { input: { pairId: p.id } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(owner.token).request(NUDGE, { input: { pairId: p.id } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(outsider.token).request(NUDGE, { input: { pairId: p.id } }))).toEqual(['NOT_FOUND']);
    const ended = await quietPair(PairStatus.ENDED);
    expect((await t.api.as(ended.manager.token).mutation(NUDGE, { pairId: ended.id })).userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    const long = await t.api.as(p.manager.token).mutation(NUDGE, { pairId: p.id, message: 'x'.repeat(501) });
    expect(long.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'message'] }]);
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ pairId: p.pair.id })).toBe(0);
  });
});

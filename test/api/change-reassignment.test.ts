import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const REASSIGN = `mutation ($input: ReassignChangeOwnerInput!) { reassignChangeOwner(input: $input) {
  change { id status version owner { displayName } history { kind actorName note newOwner { displayName } } }
  userErrors { field code message } } }`;
const QUEUE = `{ decisionQueue { totalCount nodes { id } } }`;
const INBOX = `{ notifications(first: 5) { nodes { kind message } } }`;

async function scenario(status: ChangeStatus) {
  const s = await changeScenario(t.make, status);
  const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
  const successor = await t.make.person({ organisation: s.organisation, roles: [Role.OWNER], name: 'Dee Successor' });
  return { ...s, manager, successor };
}

describe('reassignChangeOwner', () => {
  it('hands a submitted change to another owner: their queue gains it, the old one loses it, the history and everyone concerned hear why', async () => {
    const s = await scenario(ChangeStatus.SUBMITTED);
    expect((await t.api.as(s.owner.token).ok(QUEUE)).decisionQueue.totalCount).toBe(1);

    const payload = await t.api.as(s.manager.token).mutation(REASSIGN, {
      changeId: s.id,
      expectedVersion: s.change.version,
      ownerId: gid('Person', s.successor.person.id),
      reason: 'Olu has left the Trust; Dee now leads recruitment.',
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.change).toMatchObject({ status: 'SUBMITTED', version: s.change.version + 1, owner: { displayName: 'Dee Successor' } });
    expect(payload.change.history.at(-1)).toEqual({
      kind: 'CHANGE_OWNER_CHANGED',
      actorName: 'Pat Manager',
      note: 'Olu has left the Trust; Dee now leads recruitment.',
      newOwner: { displayName: 'Dee Successor' },
    });

    expect((await t.api.as(s.owner.token).ok(QUEUE)).decisionQueue.totalCount).toBe(0);
    expect((await t.api.as(s.successor.token).ok(QUEUE)).decisionQueue.nodes).toEqual([{ id: s.id }]);
    const title = `“${s.change.title}”`;
    expect((await t.api.as(s.successor.token).ok(INBOX)).notifications.nodes[0]).toEqual({ kind: 'CHANGE_OWNER_CHANGED', message: `Pat Manager handed ${title} to you.` });
    expect((await t.api.as(s.owner.token).ok(INBOX)).notifications.nodes[0]).toEqual({ kind: 'CHANGE_OWNER_CHANGED', message: `Pat Manager handed ${title} to Dee Successor.` });
    for (const member of [s.senior, s.junior]) {
      expect((await t.api.as(member.token).ok(INBOX)).notifications.nodes[0]).toMatchObject({ kind: 'CHANGE_OWNER_CHANGED' });
    }

    // Now the old owner owns nothing unfinished, so they can be removed from the organisation.
    const removed = await t.api.as(s.manager.token).mutation(`mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userErrors { code } } }`, {
      membershipId: gid('Membership', s.owner.membership!.id),
    });
    expect(removed.userErrors).toEqual([]);
  });

  it('is for programme managers of the organisation only; the pair and the owner are refused', async () => {
    const s = await scenario(ChangeStatus.IN_PROGRESS);
    const outsider = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const input = { changeId: s.id, ownerId: gid('Person', s.successor.person.id), reason: 'A reason long enough.' };
    expect(Api.codes(await t.api.as(s.senior.token).request(REASSIGN, { input }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(s.owner.token).request(REASSIGN, { input }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(outsider.token).request(REASSIGN, { input }))).toEqual(['NOT_FOUND']);
    const seen = await t.api.as(s.manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { viewerCanReassignOwner owner { displayName } } } }`, { id: s.id });
    expect(seen.node).toEqual({ viewerCanReassignOwner: true, owner: { displayName: 'Olu Owner' } });
    const bySenior = await t.api.as(s.senior.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { viewerCanReassignOwner } } }`, { id: s.id });
    expect(bySenior.node.viewerCanReassignOwner).toBe(false);
  });

  it('refuses a finished change, someone who is not an owner, the same owner, a stale version and a missing reason, changing nothing', async () => {
    const adopted = await scenario(ChangeStatus.ADOPTED);
    const finished = await t.api.as(adopted.manager.token).mutation(REASSIGN, { changeId: adopted.id, ownerId: gid('Person', adopted.successor.person.id), reason: 'A reason long enough.' });
    expect(finished.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);

    const s = await scenario(ChangeStatus.APPROVED);
    const api = t.api.as(s.manager.token);
    const notOwner = await api.mutation(REASSIGN, { changeId: s.id, ownerId: gid('Person', s.junior.person.id), reason: 'A reason long enough.' });
    expect(notOwner.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'ownerId'] }]);
    const same = await api.mutation(REASSIGN, { changeId: s.id, ownerId: gid('Person', s.owner.person.id), reason: 'A reason long enough.' });
    expect(same.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'ownerId'] }]);
    const stale = await api.mutation(REASSIGN, { changeId: s.id, expectedVersion: s.change.version - 1, ownerId: gid('Person', s.successor.person.id), reason: 'A reason long enough.' });
    expect(stale.userErrors).toMatchObject([{ code: 'CONFLICT' }]);
    const noReason = await api.mutation(REASSIGN, { changeId: s.id, ownerId: gid('Person', s.successor.person.id), reason: '' });
    expect(noReason.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'reason'] }]);

    const after = await api.ok(`query ($id: ID!) { node(id: $id) { ... on Change { version owner { displayName } history { kind } } } }`, { id: s.id });
    expect(after.node.owner.displayName).toBe('Olu Owner');
    expect(after.node.version).toBe(s.change.version);
    expect(after.node.history.map((e: { kind: string }) => e.kind)).not.toContain('CHANGE_OWNER_CHANGED');
  });

  it('waits for a removal of the new owner under way, and then refuses: nobody is given a change by a role they are losing', async () => {
    const s = await scenario(ChangeStatus.SUBMITTED);
    // A removal in progress: its transaction holds the successor's membership row.
    const removal = t.server.db.createQueryRunner();
    await removal.connect();
    await removal.startTransaction();
    try {
      await removal.query('SELECT id FROM membership WHERE id = $1 FOR UPDATE', [s.successor.membership!.id]);
      let settled = false;
      const pending = t.api
        .as(s.manager.token)
        .mutation(REASSIGN, { changeId: s.id, ownerId: gid('Person', s.successor.person.id), reason: 'Dee takes over recruitment.' })
        .finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(settled).toBe(false); // it waits on the membership row
      await removal.query('DELETE FROM membership WHERE id = $1', [s.successor.membership!.id]);
      await removal.commitTransaction();
      expect((await pending).userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'ownerId'] }]);
    } finally {
      if (removal.isTransactionActive) await removal.rollbackTransaction();
      await removal.release();
    }
    const after = await t.api.as(s.manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { owner { displayName } } } }`, { id: s.id });
    expect(after.node.owner.displayName).toBe('Olu Owner');
  });
});

import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';

const t = apiSuite();

const INBOX = `{ viewer { unreadNotificationCount } notifications { totalCount nodes { id kind isRead message actorName change { id } barrier { id } } } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { comment { id body authorName author { displayName } } userErrors { field code message } } }`;

describe('notifications', () => {
  it('tell the owner when a change is submitted, and the pair when it is decided, started, progressed and adopted', async () => {
    const s = await changeScenario(t.make);
    await t.api.as(s.senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    const owner = await t.api.as(s.owner.token).ok(INBOX);
    expect(owner.viewer.unreadNotificationCount).toBe(1);
    expect(owner.notifications.nodes[0]).toMatchObject({ kind: 'CHANGE_SUBMITTED', isRead: false, actorName: 'Senior', change: { id: s.id } });
    expect(owner.notifications.nodes[0].message).toBe(`Senior submitted “${s.change.title}” for your decision.`);

    await t.api.as(s.owner.token).mutation(`mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`, {
      changeId: s.id, expectedVersion: 2, outcome: 'APPROVE', rationale: 'Approved: go ahead.',
    });
    await t.api.as(s.owner.token).mutation(`mutation ($input: ChangeActionInput!) { startChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    await t.api.as(s.owner.token).mutation(`mutation ($input: ReportChangeProgressInput!) { reportChangeProgress(input: $input) { userErrors { code } } }`, {
      changeId: s.id, progress: 30, note: 'Under way.',
    });
    const junior = await t.api.as(s.junior.token).ok(INBOX);
    expect(junior.notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['CHANGE_PROGRESSED', 'CHANGE_STARTED', 'CHANGE_DECIDED']);
    expect(junior.notifications.nodes.map((n: { message: string }) => n.message)).toEqual([
      `Olu Owner reported 30% progress on “${s.change.title}”.`,
      `Olu Owner started work on “${s.change.title}”.`,
      `Olu Owner approved “${s.change.title}”.`,
    ]);
    // The actor is never notified of their own action.
    expect((await t.api.as(s.owner.token).ok(INBOX)).viewer.unreadNotificationCount).toBe(1);
  });

  it('are marked read by their recipient only', async () => {
    const s = await changeScenario(t.make, ChangeStatus.DRAFT);
    await t.api.as(s.senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    const [notification] = (await t.api.as(s.owner.token).ok(INBOX)).notifications.nodes;
    const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount userErrors { code } } }`;
    expect(await t.api.as(s.senior.token).mutation(MARK, { ids: [notification.id] })).toEqual({ marked: 0, unreadCount: 0, userErrors: [] });
    expect((await t.api.as(s.senior.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: notification.id })).node).toBeNull();
    expect(await t.api.as(s.owner.token).mutation(MARK, { ids: [notification.id] })).toEqual({ marked: 1, unreadCount: 0, userErrors: [] });
    expect((await t.api.as(s.owner.token).ok(`{ notifications(unreadOnly: true) { totalCount } }`)).notifications.totalCount).toBe(0);
    await t.api.as(s.senior.token).mutation(`mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`, { subjectId: s.id, body: 'One more thing.' });
    expect(await t.api.as(s.owner.token).mutation(MARK, { all: true })).toEqual({ marked: 1, unreadCount: 0, userErrors: [] });
  });

  it('do not unmask an anonymous pair to the owner', async () => {
    const organisation = await t.make.organisation();
    const { pair, senior } = await t.make.pair(organisation);
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const barrier = await t.make.barrier(pair, { attribution: Attribution.ANONYMOUS });
    const change = await t.make.change(barrier, owner.person.id);
    await t.api.as(senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: gid('Change', change.id) });
    const inbox = await t.api.as(owner.token).ok(INBOX);
    expect(inbox.notifications.nodes[0]).toMatchObject({ actorName: 'A co-learning pair', message: `A co-learning pair submitted “${change.title}” for your decision.` });
    const detail = await t.api.as(owner.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { pair { id } history { actor { id } actorName } } } }`, { id: gid('Change', change.id) });
    expect(detail.node).toEqual({ pair: null, history: [{ actor: null, actorName: 'A co-learning pair' }] });
  });
});

describe('comments', () => {
  it('on a change notify the pair and the owner; on a barrier, the raising pair', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const onChange = await t.api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'Could you add the retention figures?' });
    expect(onChange.comment).toMatchObject({ body: 'Could you add the retention figures?', authorName: 'Olu Owner', author: { displayName: 'Olu Owner' } });
    for (const member of [s.senior, s.junior]) {
      const inbox = await t.api.as(member.token).ok(INBOX);
      expect(inbox.notifications.nodes[0]).toMatchObject({ kind: 'COMMENT_ADDED', message: `Olu Owner commented on “${s.change.title}”.` });
    }
    const colleague = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.api.as(colleague.token).mutation(COMMENT, { subjectId: s.barrierId, body: 'We see this in our data too.' });
    expect((await t.api.as(s.junior.token).ok(INBOX)).notifications.nodes[0]).toMatchObject({ kind: 'COMMENT_ADDED', barrier: { id: s.barrierId } });
    const thread = await t.api.as(s.owner.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { commentCount comments { body } } } }`, { id: s.id });
    expect(thread.node).toEqual({ commentCount: 1, comments: [{ body: 'Could you add the retention figures?' }] });
  });

  it('are refused outside the organisation and on other kinds of record', async () => {
    const s = await changeScenario(t.make);
    const outsider = await t.make.person();
    expect(Api.codes(await t.api.as(outsider.token).request(COMMENT, { input: { subjectId: s.id, body: 'Hello from elsewhere' } }))).toEqual(['NOT_FOUND']);
    const wrong = await t.api.as(s.senior.token).mutation(COMMENT, { subjectId: s.owner.globalId, body: 'On a person?' });
    expect(wrong.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'subjectId'] });
    const empty = await t.api.as(s.senior.token).mutation(COMMENT, { subjectId: s.id, body: '' });
    expect(empty.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'body'] });
  });
});

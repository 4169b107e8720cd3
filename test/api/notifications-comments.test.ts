import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { factories, gid } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';

let server: TestServer;
let api: Api;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  server = await startTestServer();
  api = new Api(server.url);
  make = factories(server.db);
});
afterAll(() => server.close());

const INBOX = `{ viewer { unreadNotificationCount } notifications { totalCount nodes { id kind isRead message actorName change { id } barrier { id } } } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { comment { id body authorName author { displayName } } userErrors { field code message } } }`;

describe('notifications', () => {
  it('tell the owner when a change is submitted, and the pair when it is decided, started, progressed and adopted', async () => {
    const s = await changeScenario(make);
    await api.as(s.senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    const owner = await api.as(s.owner.token).ok(INBOX);
    expect(owner.viewer.unreadNotificationCount).toBe(1);
    expect(owner.notifications.nodes[0]).toMatchObject({ kind: 'CHANGE_SUBMITTED', isRead: false, actorName: 'Senior', change: { id: s.id } });
    expect(owner.notifications.nodes[0].message).toBe(`Senior submitted “${s.change.title}” for your decision.`);

    await api.as(s.owner.token).mutation(`mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`, {
      changeId: s.id, expectedVersion: 2, outcome: 'APPROVE', rationale: 'Approved: go ahead.',
    });
    await api.as(s.owner.token).mutation(`mutation ($input: ChangeActionInput!) { startChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    await api.as(s.owner.token).mutation(`mutation ($input: ReportChangeProgressInput!) { reportChangeProgress(input: $input) { userErrors { code } } }`, {
      changeId: s.id, progress: 30, note: 'Under way.',
    });
    const junior = await api.as(s.junior.token).ok(INBOX);
    expect(junior.notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['CHANGE_PROGRESSED', 'CHANGE_STARTED', 'CHANGE_DECIDED']);
    expect(junior.notifications.nodes.map((n: { message: string }) => n.message)).toEqual([
      `Olu Owner reported 30% progress on “${s.change.title}”.`,
      `Olu Owner started work on “${s.change.title}”.`,
      `Olu Owner approved “${s.change.title}”.`,
    ]);
    // The actor is never notified of their own action.
    expect((await api.as(s.owner.token).ok(INBOX)).viewer.unreadNotificationCount).toBe(1);
  });

  it('are marked read by their recipient only', async () => {
    const s = await changeScenario(make, ChangeStatus.DRAFT);
    await api.as(s.senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: s.id });
    const [notification] = (await api.as(s.owner.token).ok(INBOX)).notifications.nodes;
    const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount userErrors { code } } }`;
    expect(await api.as(s.senior.token).mutation(MARK, { ids: [notification.id] })).toEqual({ marked: 0, unreadCount: 0, userErrors: [] });
    expect((await api.as(s.senior.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: notification.id })).node).toBeNull();
    expect(await api.as(s.owner.token).mutation(MARK, { ids: [notification.id] })).toEqual({ marked: 1, unreadCount: 0, userErrors: [] });
    expect((await api.as(s.owner.token).ok(`{ notifications(unreadOnly: true) { totalCount } }`)).notifications.totalCount).toBe(0);
  });

  it('do not unmask an anonymous pair to the owner', async () => {
    const organisation = await make.organisation();
    const { pair, senior } = await make.pair(organisation);
    const owner = await make.person({ organisation, roles: [Role.OWNER] });
    const barrier = await make.barrier(pair, { attribution: Attribution.ANONYMOUS });
    const change = await make.change(barrier, owner.person.id);
    await api.as(senior.token).mutation(`mutation ($input: ChangeActionInput!) { submitChange(input: $input) { userErrors { code } } }`, { changeId: gid('Change', change.id) });
    const inbox = await api.as(owner.token).ok(INBOX);
    expect(inbox.notifications.nodes[0]).toMatchObject({ actorName: 'A co-learning pair', message: `A co-learning pair submitted “${change.title}” for your decision.` });
    const detail = await api.as(owner.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { pair { id } history { actor { id } actorName } } } }`, { id: gid('Change', change.id) });
    expect(detail.node).toEqual({ pair: null, history: [{ actor: null, actorName: 'A co-learning pair' }] });
  });
});

describe('comments', () => {
  it('on a change notify the pair and the owner; on a barrier, the raising pair', async () => {
    const s = await changeScenario(make, ChangeStatus.SUBMITTED);
    const onChange = await api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'Could you add the retention figures?' });
    expect(onChange.comment).toMatchObject({ body: 'Could you add the retention figures?', authorName: 'Olu Owner', author: { displayName: 'Olu Owner' } });
    for (const member of [s.senior, s.junior]) {
      const inbox = await api.as(member.token).ok(INBOX);
      expect(inbox.notifications.nodes[0]).toMatchObject({ kind: 'COMMENT_ADDED', message: `Olu Owner commented on “${s.change.title}”.` });
    }
    const colleague = await make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await api.as(colleague.token).mutation(COMMENT, { subjectId: s.barrierId, body: 'We see this in our data too.' });
    expect((await api.as(s.junior.token).ok(INBOX)).notifications.nodes[0]).toMatchObject({ kind: 'COMMENT_ADDED', barrier: { id: s.barrierId } });
    const thread = await api.as(s.owner.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { commentCount comments { body } } } }`, { id: s.id });
    expect(thread.node).toEqual({ commentCount: 1, comments: [{ body: 'Could you add the retention figures?' }] });
  });

  it('are refused outside the organisation and on other kinds of record', async () => {
    const s = await changeScenario(make);
    const outsider = await make.person();
    expect(Api.codes(await api.as(outsider.token).request(COMMENT, { input: { subjectId: s.id, body: 'Hello from elsewhere' } }))).toEqual(['NOT_FOUND']);
    const wrong = await api.as(s.senior.token).mutation(COMMENT, { subjectId: s.owner.globalId, body: 'On a person?' });
    expect(wrong.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'subjectId'] });
    const empty = await api.as(s.senior.token).mutation(COMMENT, { subjectId: s.id, body: '' });
    expect(empty.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'body'] });
  });
});

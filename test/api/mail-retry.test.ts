import { MailMessageEntity, MailStatus } from '../../server/src/modules/mail/mail.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { toGlobalId } from '../../server/src/common/relay';
import { Api } from '../helpers/api';
import { factories } from '../helpers/factories';
import { eventually, setAsidePendingMail, startMailingServer, TestSmtp } from '../helpers/mail';
import type { TestServer } from '../helpers/server';

const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { issued { acceptUrl } userErrors { code } } }`;
const OUTBOX = `query ($status: MailStatus) { mailMessages(first: 20, status: $status) { nodes { id to subject status attempts lastError text } } }`;

let smtp: TestSmtp;
let server: TestServer;
let api: Api;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await new TestSmtp().start();
  await smtp.stop(); // the port is known; the server is down
  server = await startMailingServer(smtp);
  api = new Api(server.url);
  make = factories(server.db);
});
afterAll(async () => {
  await server.close();
  await smtp.stop();
});

it('retries a delivery while SMTP is down, shows the failures to the platform admin only, and delivers once it is back', async () => {
  const organisation = await make.organisation();
  const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const admin = await make.admin();
  const email = `retry.${Date.now()}@test.example`;
  const invite = await api.as(manager.token).mutation(INVITE, { organisationId: toGlobalId('Organisation', organisation.id), email, displayName: 'Rhys Retry', roles: ['CO_LEARNER'] });
  expect(invite.userErrors).toEqual([]);

  const failing = await eventually('a failed attempt', async () => {
    const rows = await server.db.getRepository(MailMessageEntity).findBy({ toAddress: email });
    return rows[0]?.status === MailStatus.RETRYING && rows[0];
  });
  expect(failing.attempts).toBeGreaterThanOrEqual(1);
  expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);

  const seen = await api.as(admin.token).ok(OUTBOX, { status: 'RETRYING' });
  expect(seen.mailMessages.nodes).toContainEqual(expect.objectContaining({ to: email, status: 'RETRYING', lastError: expect.stringMatching(/ECONNREFUSED|connect/i) }));
  expect(Api.codes(await api.as(manager.token).request(OUTBOX, {}))).toEqual(['FORBIDDEN']);

  await smtp.start();
  const [message] = await eventually('the invitation after SMTP came back', () => smtp.to(email).length && smtp.to(email), 30_000);
  expect(message.text).toContain(invite.issued.acceptUrl);
  await eventually('the SENT status', async () => (await server.db.getRepository(MailMessageEntity).findOneBy({ toAddress: email }))?.status === MailStatus.SENT);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(smtp.to(email)).toHaveLength(1);
}, 60_000);

it('marks a message FAILED after its last retry, and the admin sends it again', async () => {
  await server.close();
  server = await startMailingServer(smtp, { MAIL_RETRY_LIMIT: '0', SMTP_URL: 'smtp://127.0.0.1:1' });
  api = new Api(server.url);
  make = factories(server.db);
  const organisation = await make.organisation();
  const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const admin = await make.admin();
  const email = `failed.${Date.now()}@test.example`;
  await api.as(manager.token).mutation(INVITE, { organisationId: toGlobalId('Organisation', organisation.id), email, displayName: 'Fay Failed', roles: ['CO_LEARNER'] });
  const failed = await eventually('the FAILED status', async () => {
    const row = await server.db.getRepository(MailMessageEntity).findOneBy({ toAddress: email });
    return row?.status === MailStatus.FAILED && row;
  });
  expect(failed.attempts).toBe(1);

  await server.close();
  server = await startMailingServer(smtp);
  api = new Api(server.url);
  const RETRY = `mutation ($input: RetryMailMessageInput!) { retryMailMessage(input: $input) { message { status } userErrors { code } } }`;
  const id = toGlobalId('MailMessage', failed.id);
  expect(Api.codes(await api.as(manager.token).request(RETRY, { input: { id } }))).toEqual(['FORBIDDEN']);
  expect(await api.as(admin.token).mutation(RETRY, { id })).toEqual({ message: { status: 'PENDING' }, userErrors: [] });
  await eventually('the invitation, sent again', () => smtp.to(email).length === 1);
  expect((await api.as(admin.token).mutation(RETRY, { id })).userErrors).toEqual([{ code: 'INVALID_TRANSITION' }]);
}, 60_000);

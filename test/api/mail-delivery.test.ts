import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Attribution, BarrierEntity, EvidenceKind } from '../../server/src/modules/barrier/barrier.entity';
import { MailMessageEntity, MailStatus } from '../../server/src/modules/mail/mail.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { factories } from '../helpers/factories';
import { eventually, rawHeader, setAsidePendingMail, startMailingServer, TestSmtp } from '../helpers/mail';
import type { TestServer } from '../helpers/server';

const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { issued { acceptUrl } userErrors { code message } } }`;
const SUBMIT = `mutation ($input: ChangeActionInput!) { submitChange(input: $input) { change { status } userErrors { code message } } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code message } } }`;

let smtp: TestSmtp;
let server: TestServer;
let api: Api;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await new TestSmtp().start();
  server = await startMailingServer(smtp);
  api = new Api(server.url);
  make = factories(server.db);
});
afterAll(async () => {
  await server.close();
  await smtp.stop();
});

const mails = (key: string) => server.db.getRepository(MailMessageEntity).findBy({ key });

describe('email over SMTP', () => {
  it('sends an invitation with the same link inviteMember returns, in a plain-text and an HTML part', async () => {
    const organisation = await make.organisation({ name: 'Harbour Trust' });
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
    const email = `new.${Date.now()}@test.example`;
    const invite = await api.as(manager.token).mutation(INVITE, { organisationId: `${Buffer.from(`Organisation:${organisation.id}`).toString('base64url')}`, email, displayName: 'Nia New', roles: ['CO_LEARNER'] });
    expect(invite.userErrors).toEqual([]);
    const [message] = await eventually('the invitation', () => smtp.to(email).length && smtp.to(email));
    expect(message.subject).toBe('You are invited to join Harbour Trust on Common Ground');
    expect(message.from?.text).toContain('no-reply@commonground.example');
    expect(message.text).toContain(invite.issued.acceptUrl);
    expect(message.html).toContain(`href="${invite.issued.acceptUrl}"`);
    expect(message.html).toContain('<html lang="en">');
    expect(message.text).toContain('Pat Manager invites you');
    // Delivered: the stored copy no longer holds the password-setting token.
    const [stored] = await eventually('the stored copy', async () => {
      const rows = await server.db.getRepository(MailMessageEntity).findBy({ toAddress: email });
      return rows[0]?.status === MailStatus.SENT && rows;
    });
    const token = new URL(invite.issued.acceptUrl).searchParams.get('token')!;
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('tells an owner a change awaits their decision without naming the pair behind an anonymous barrier or quoting evidence', async () => {
    const s = await changeScenario(make, ChangeStatus.DRAFT);
    const secret = 'Ward 7 rota messages from the charge nurse, March';
    await server.db.getRepository(BarrierEntity).update(
      { id: s.barrier.id },
      { attribution: Attribution.ANONYMOUS, evidence: [{ kind: EvidenceKind.TEXT, text: secret }] },
    );
    expect((await api.as(s.junior.token).mutation(SUBMIT, { changeId: s.id })).userErrors).toEqual([]);
    const [message] = await eventually('the owner’s email', () => smtp.to(s.owner.person.email).length && smtp.to(s.owner.person.email));
    expect(message.subject).toBe('Common Ground: a change is submitted for your decision');
    const whole = `${message.subject}\n${message.text}\n${message.html}`;
    expect(whole).toContain(s.change.title);
    expect(whole).toContain('A co-learning pair submitted');
    for (const hidden of [s.junior.person.displayName, s.senior.person.displayName, s.junior.person.email, secret, s.barrier.title]) {
      expect(whole).not.toContain(hidden);
    }
    expect(message.text).toContain(`${server.url}/changes/`);
    // A one-click unsubscribe, signed, on every message.
    const unsubscribe = rawHeader(message, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(new RegExp(`^<${server.url}/mail/unsubscribe\\?token=`));
    expect(rawHeader(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(smtp.to(s.junior.person.email)).toEqual([]);
  });

  it('turns a kind off from the one-click link, without signing in; a forged link does nothing', async () => {
    const s = await changeScenario(make, ChangeStatus.SUBMITTED);
    await api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'First thoughts on the panel criteria.' });
    const [first] = await eventually('the comment email', () => smtp.to(s.junior.person.email).length && smtp.to(s.junior.person.email));
    expect(first.text).not.toContain('First thoughts');
    const link = rawHeader(first, 'List-Unsubscribe')!.slice(1, -1);
    const forged = link.replace(/token=([^.]+)\.(.)/, (_all, body, c) => `token=${body}.${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop these emails');
    const done = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);

    await api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'Second thoughts.' });
    await eventually('the senior’s second email', () => smtp.to(s.senior.person.email).length === 2);
    expect(smtp.to(s.junior.person.email)).toHaveLength(1);
    const prefs = await api.as(s.junior.token).ok(`{ viewer { mailPreferences { kind delivery } } }`);
    expect(prefs.viewer.mailPreferences).toContainEqual({ kind: 'COMMENT_ADDED', delivery: 'OFF' });
  });

  it('sends nothing to someone removed from, or deactivated in, the organisation before the message went', async () => {
    const removed = await changeScenario(make, ChangeStatus.SUBMITTED);
    const deactivated = await changeScenario(make, ChangeStatus.SUBMITTED);
    // Written while no job runner runs, so the removal certainly comes before delivery.
    await server.close();
    const quiet = await startMailingServer(null, { RUN_JOBS: 'false' });
    try {
      for (const s of [removed, deactivated]) {
        expect((await new Api(quiet.url).as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'Before removal.' })).userErrors).toEqual([]);
      }
      await quiet.db.getRepository(MembershipEntity).delete({ personId: removed.junior.person.id });
      await quiet.db.getRepository(MembershipEntity).update({ personId: deactivated.junior.person.id }, { deactivatedAt: new Date() });
    } finally {
      await quiet.close();
    }
    server = await startMailingServer(smtp);
    for (const s of [removed, deactivated]) {
      await eventually('the senior’s email', () => smtp.to(s.senior.person.email).length === 1);
      const [toJunior] = await server.db.getRepository(MailMessageEntity).findBy({ recipientId: s.junior.person.id });
      await eventually('the junior’s message to be settled', async () => (await mails(toJunior.key))[0].status === MailStatus.SUPPRESSED);
      expect(smtp.to(s.junior.person.email)).toEqual([]);
    }
  });
});

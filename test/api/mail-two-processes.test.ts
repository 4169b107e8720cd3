import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { toGlobalId } from '../../server/src/common/relay';
import { createDataSource } from '../../server/src/db/data-source';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { MailMessageEntity } from '../../server/src/modules/mail/mail.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { factories } from '../helpers/factories';
import { eventually, setAsidePendingMail, TestSmtp } from '../helpers/mail';
import { testDatabaseUrl } from '../setup/test-database';

/** Two real server processes (the built server, as `npm start` runs it) on the test database. */
interface Process {
  child: ChildProcess;
  url: string;
}

function startProcess(smtp: TestSmtp): Promise<Process> {
  const child = spawn(process.execPath, [path.join(__dirname, '../../dist/server/src/main.js')], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), PORT: '0', SMTP_URL: smtp.url, RUN_JOBS: 'true', SEED_DEMO: 'false', LOG_LEVEL: 'warn', MAIL_RETRY_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const port = /running at http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const stopProcess = (p: Process) =>
  new Promise<number | null>((resolve) => {
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });

let smtp: TestSmtp;
let db: DataSource;
let a: Process;
let b: Process;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await new TestSmtp().start();
  db = createDataSource(testDatabaseUrl());
  await db.initialize();
  [a, b] = await Promise.all([startProcess(smtp), startProcess(smtp)]);
}, 60_000);
afterAll(async () => {
  await db.destroy();
  await smtp.stop();
});

it('sends one message per event and recipient with two server processes on one database, and each stops cleanly', async () => {
  const make = factories(db);
  const s = await changeScenario(make, ChangeStatus.SUBMITTED);
  const manager = await make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
  const invitee = `twice.${Date.now()}@test.example`;
  const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { userErrors { code } } }`;
  const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`;
  await new Api(a.url).as(manager.token).mutation(INVITE, { organisationId: toGlobalId('Organisation', s.organisation.id), email: invitee, displayName: 'Tam Twice', roles: ['CO_LEARNER'] });
  for (let i = 0; i < 5; i++) await new Api(i % 2 ? a.url : b.url).as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: `Comment ${i}` });

  await eventually('every message', () => smtp.to(invitee).length >= 1 && smtp.to(s.junior.person.email).length >= 5 && smtp.to(s.senior.person.email).length >= 5, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 3000)); // time for a duplicate to show up, if there were one
  expect(smtp.to(invitee)).toHaveLength(1);
  expect(smtp.to(s.junior.person.email)).toHaveLength(5);
  expect(smtp.to(s.senior.person.email)).toHaveLength(5);
  const ids = smtp.received.map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(await db.getRepository(MailMessageEntity).countBy({ recipientId: s.junior.person.id })).toBe(5);

  expect(await Promise.all([stopProcess(a), stopProcess(b)])).toEqual([0, 0]);
}, 90_000);

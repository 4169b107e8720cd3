import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { MailDelivery, MailMessageEntity, MailPreferenceEntity } from '../../server/src/modules/mail/mail.entity';
import { ContractVersionEntity, MentoringSessionEntity } from '../../server/src/modules/pair/pair.entity';
import { Cadence } from '../../server/src/modules/programme/programme.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { NotificationEntity, NotificationKind } from '../../server/src/modules/notification/notification.entity';
import { QuestionnaireEntity, QuestionnaireParticipationEntity, QuestionnaireStatus } from '../../server/src/modules/evaluation/evaluation.entity';
import { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { runReminderSweep } from '../../server/src/modules/reminders/reminders.service';
import { currentStatementCount, withStatementCounter } from '../../server/src/db/sql-counter';
import { changeScenario } from '../helpers/change-setup';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();
const DAY = 86_400_000;
const at = (base: Date, days: number, hours = 0) => new Date(base.getTime() + days * DAY + hours * 3_600_000);

/** The messages written for these people, oldest first, as "KIND→person". */
async function mailFor(...people: { person: { id: string } }[]) {
  const rows = await t.server.db
    .getRepository(MailMessageEntity)
    .createQueryBuilder('m')
    .where('m.recipient_id = ANY(CAST(:ids AS uuid[]))', { ids: people.map((p) => p.person.id) })
    .orderBy('m.created_at')
    .addOrderBy('m.kind')
    .getMany();
  return rows.map((m) => ({ kind: m.kind, to: m.recipientId, subject: m.subject, text: JSON.stringify(m.content) }));
}

/** Only the decision reminders (the scenario's pair also goes quiet by 2031, which is another rule). */
const decisions = async (...people: { person: { id: string } }[]) => (await mailFor(...people)).filter((m) => m.kind.startsWith('DECISION'));

describe('decision reminders and escalation, by the clock', () => {
  it('reminds the owner three days before the decision is overdue and the manager once it is, nothing early and nothing twice', async () => {
    const submittedAt = new Date('2031-03-02T09:00:00Z');
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    await t.server.db.getRepository('change_proposal').update({ id: s.change.id }, { submittedAt });
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const removedManager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(MembershipEntity).delete({ id: removedManager.membership!.id });

    await runReminderSweep(t.server.db, at(submittedAt, 10, 23));
    expect(await decisions(s.owner, manager, removedManager)).toEqual([]);

    await runReminderSweep(t.server.db, at(submittedAt, 11, 1));
    await runReminderSweep(t.server.db, at(submittedAt, 12));
    const reminded = await decisions(s.owner, manager, removedManager);
    expect(reminded).toEqual([expect.objectContaining({ kind: 'DECISION_DUE', to: s.owner.person.id, subject: `Common Ground: your decision on “${s.change.title}” is due by 2031-03-16` })]);

    await runReminderSweep(t.server.db, at(submittedAt, 14, 1));
    await runReminderSweep(t.server.db, at(submittedAt, 20));
    const all = await decisions(s.owner, manager, removedManager);
    expect(all.map((m) => `${m.kind}→${m.to}`)).toEqual([`DECISION_DUE→${s.owner.person.id}`, `DECISION_OVERDUE→${manager.person.id}`]);
    expect(all[1].text).toContain('Olu Owner was asked to decide');
    // Nothing from the pair behind the change in either.
    expect(JSON.stringify(all)).not.toContain(s.junior.person.displayName);
  });

  it('respects a manager who turned escalations off', async () => {
    const submittedAt = new Date('2031-05-04T09:00:00Z');
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    await t.server.db.getRepository('change_proposal').update({ id: s.change.id }, { submittedAt });
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(MailPreferenceEntity).save({ personId: manager.person.id, kind: 'DECISION_OVERDUE', delivery: MailDelivery.OFF });
    await runReminderSweep(t.server.db, at(submittedAt, 15));
    expect((await decisions(manager)).length).toBe(0);
    expect((await decisions(s.owner)).map((m) => m.kind)).toEqual(['DECISION_DUE']);
  });
});

describe('pair, contract, progress and questionnaire reminders', () => {
  it('asks a pair for its session when due by its cadence, and tells the manager once it has gone quiet', async () => {
    const organisation = await t.make.organisation();
    const { pair, senior, junior } = await t.make.pair(organisation);
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(ContractVersionEntity).update({ pairId: pair.id }, { cadence: Cadence.MONTHLY, seniorAgreedAt: new Date('2031-01-01T10:00:00Z'), juniorAgreedAt: new Date('2031-01-01T10:00:00Z') });
    await t.server.db.getRepository(MentoringSessionEntity).save({ pairId: pair.id, heldOn: '2031-01-10', topics: ['Rotas'], loggedById: senior.person.id, privateNotesCipher: null });

    await runReminderSweep(t.server.db, new Date('2031-02-08T12:00:00Z'));
    expect(await mailFor(senior, junior, manager)).toEqual([]);
    await runReminderSweep(t.server.db, new Date('2031-02-09T12:00:00Z'));
    await runReminderSweep(t.server.db, new Date('2031-02-20T12:00:00Z'));
    expect((await mailFor(senior, junior, manager)).map((m) => m.kind).sort()).toEqual(['SESSION_DUE', 'SESSION_DUE']);

    await runReminderSweep(t.server.db, new Date('2031-03-12T12:00:00Z'));
    const quiet = (await mailFor(manager)).map((m) => m.kind);
    expect(quiet).toEqual(['PAIR_QUIET']);
  });

  it('reminds the partner whose agreement a contract version awaits, after two days', async () => {
    const organisation = await t.make.organisation();
    const { pair, senior, junior } = await t.make.pair(organisation);
    const proposed = new Date('2031-06-01T10:00:00Z');
    await t.server.db.getRepository(ContractVersionEntity).save({
      pairId: pair.id, version: 2, focusTopics: ['Rotas'], cadence: Cadence.FORTNIGHTLY, groundRules: 'Plainly.', confidentiality: 'Between us.',
      proposedById: senior.person.id, seniorAgreedAt: proposed, juniorAgreedAt: null, createdAt: proposed,
    });
    await runReminderSweep(t.server.db, at(proposed, 1));
    expect((await mailFor(senior, junior)).filter((m) => m.kind === 'CONTRACT_AGREEMENT_PENDING')).toEqual([]);
    await runReminderSweep(t.server.db, at(proposed, 2, 1));
    await runReminderSweep(t.server.db, at(proposed, 3));
    expect((await mailFor(senior, junior)).filter((m) => m.kind === 'CONTRACT_AGREEMENT_PENDING').map((m) => m.to)).toEqual([junior.person.id]);
  });

  it('tells the owner and the pair when a change in progress has had no progress report for 30 days', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    const started = new Date('2031-07-01T09:00:00Z');
    await t.server.db.getRepository('change_proposal').update({ id: s.change.id }, { startedAt: started });
    await runReminderSweep(t.server.db, at(started, 29));
    expect((await mailFor(s.owner, s.senior, s.junior)).filter((m) => m.kind === 'PROGRESS_STALE')).toEqual([]);
    await runReminderSweep(t.server.db, at(started, 30, 1));
    await runReminderSweep(t.server.db, at(started, 31));
    const stale = (await mailFor(s.owner, s.senior, s.junior)).filter((m) => m.kind === 'PROGRESS_STALE');
    expect(stale.map((m) => m.to).sort()).toEqual([s.owner.person.id, s.senior.person.id, s.junior.person.id].sort());
  });
});

describe('questionnaire reminders', () => {
  it('tells co-learners when the questionnaire opens, and a week before the programme ends only those who have not answered', async () => {
    const organisation = await t.make.organisation();
    const programme = await t.make.programme(organisation, { startsOn: '2031-01-01', endsOn: '2031-12-31' });
    const { senior, junior } = await t.make.pair(organisation, { programme });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const openedAt = new Date('2031-12-01T09:00:00Z');
    const questionnaire = await t.server.db.getRepository(QuestionnaireEntity).save({
      organisationId: organisation.id, programmeId: programme.id, title: 'How did it go?', items: [], status: QuestionnaireStatus.OPEN, openedById: manager.person.id, openedAt,
    });
    await runReminderSweep(t.server.db, at(openedAt, 0, -1));
    expect(await mailFor(senior, junior)).toEqual([]);
    await runReminderSweep(t.server.db, at(openedAt, 0, 1));
    await runReminderSweep(t.server.db, at(openedAt, 1));
    expect((await mailFor(senior, junior)).map((m) => m.kind)).toEqual(['QUESTIONNAIRE_OPENED', 'QUESTIONNAIRE_OPENED']);

    await t.server.db.getRepository(QuestionnaireParticipationEntity).save({ questionnaireId: questionnaire.id, personId: senior.person.id });
    await runReminderSweep(t.server.db, new Date('2031-12-23T09:00:00Z'));
    expect((await mailFor(senior, junior)).filter((m) => m.kind === 'QUESTIONNAIRE_CLOSING')).toEqual([]);
    await runReminderSweep(t.server.db, new Date('2031-12-24T09:00:00Z'));
    await runReminderSweep(t.server.db, new Date('2031-12-25T09:00:00Z'));
    expect((await mailFor(senior, junior)).filter((m) => m.kind === 'QUESTIONNAIRE_CLOSING').map((m) => m.to)).toEqual([junior.person.id]);
  });
});

describe('daily digest', () => {
  it('collects the kinds a person chose to get daily into one message a day, in the morning where the organisation is', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    await t.server.db.getRepository(MailPreferenceEntity).save({ personId: s.junior.person.id, kind: NotificationKind.COMMENT_ADDED, delivery: MailDelivery.DAILY_DIGEST });
    const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`;
    await t.api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'One.' });
    await t.api.as(s.owner.token).mutation(COMMENT, { subjectId: s.id, body: 'Two.' });
    expect(await mailFor(s.junior)).toEqual([]);
    expect((await mailFor(s.senior)).map((m) => m.kind)).toEqual(['COMMENT_ADDED', 'COMMENT_ADDED']);

    // A time zone where it is 06:xx at `clock`, then one where it is past 08:00.
    const clock = new Date(Date.now() + 60_000);
    const zoneAt = (hour: number) => {
      for (let offset = -14; offset <= 12; offset++) {
        const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : ''}${offset}`;
        if (Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(clock)) === hour) return zone;
      }
      throw new Error('no zone');
    };
    await t.server.db.getRepository(OrganisationEntity).update({ id: s.organisation.id }, { timeZone: zoneAt(6) });
    await runReminderSweep(t.server.db, clock);
    expect(await mailFor(s.junior)).toEqual([]);

    await t.server.db.getRepository(OrganisationEntity).update({ id: s.organisation.id }, { timeZone: zoneAt(9) });
    await runReminderSweep(t.server.db, clock);
    await runReminderSweep(t.server.db, new Date(clock.getTime() + 3_600_000));
    const digests = await mailFor(s.junior);
    expect(digests).toHaveLength(1);
    expect(digests[0].kind).toBe('DIGEST');
    expect(digests[0].text.match(/commented on/g)).toHaveLength(2);
    expect(digests[0].text).not.toContain('One.');
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ recipientId: s.junior.person.id })).toBe(2);
  });

  it('offers reminders at once or off, never daily', async () => {
    const person = await t.make.person();
    const SET = `mutation ($input: SetMailPreferenceInput!) { setMailPreference(input: $input) { preference { kind delivery options } userErrors { code field } } }`;
    expect((await t.api.as(person.token).mutation(SET, { kind: 'DECISION_DUE', delivery: 'DAILY_DIGEST' })).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'delivery'] }]);
    expect(await t.api.as(person.token).mutation(SET, { kind: 'CASE_PUBLISHED', delivery: 'DAILY_DIGEST' })).toEqual({
      preference: { kind: 'CASE_PUBLISHED', delivery: 'DAILY_DIGEST', options: ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'] },
      userErrors: [],
    });
    const { viewer } = await t.api.as(person.token).ok(`{ viewer { mailPreferences { kind delivery } } }`);
    expect(viewer.mailPreferences).toContainEqual({ kind: 'CASE_PUBLISHED', delivery: 'DAILY_DIGEST' });
    expect(viewer.mailPreferences).toContainEqual({ kind: 'DECISION_DUE', delivery: 'IMMEDIATE' });
    expect(viewer.mailPreferences.length).toBe(Object.keys(NotificationKind).length + 8);
  });
});

describe('who is reminded, and what a sweep costs', () => {
  it('never reminds someone deactivated in the organisation, owner or manager', async () => {
    const submittedAt = new Date('2031-07-06T09:00:00Z');
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    await t.server.db.getRepository('change_proposal').update({ id: s.change.id }, { submittedAt });
    const active = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const deactivated = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(MembershipEntity).update({ id: deactivated.membership!.id }, { deactivatedAt: new Date('2031-07-01T00:00:00Z') });
    await t.server.db.getRepository(MembershipEntity).update({ personId: s.owner.person.id, organisationId: s.organisation.id }, { deactivatedAt: new Date('2031-07-01T00:00:00Z') });

    await runReminderSweep(t.server.db, at(submittedAt, 12));
    await runReminderSweep(t.server.db, at(submittedAt, 15));
    expect((await decisions(s.owner, active, deactivated)).map((m) => `${m.kind}→${m.to}`)).toEqual([`DECISION_OVERDUE→${active.person.id}`]);
    // The pair has logged no session by the autumn: it has gone quiet, and only the active manager hears.
    await runReminderSweep(t.server.db, new Date('2031-11-01T12:00:00Z'));
    expect((await mailFor(active, deactivated)).filter((m) => m.kind === 'PAIR_QUIET').map((m) => m.to)).toEqual([active.person.id]);
  });

  it('sweeping again costs the same few statements however many reminders it finds already written', async () => {
    const clock = new Date('2033-01-10T12:00:00Z');
    const repeatSweepStatements = async () => {
      await runReminderSweep(t.server.db, clock);
      return withStatementCounter(async () => {
        expect(await runReminderSweep(t.server.db, clock)).toBe(0);
        return currentStatementCount()!;
      });
    };
    const before = await repeatSweepStatements();
    const written = () => t.server.db.getRepository(MailMessageEntity).count();
    const mailBefore = await written();
    // Four more organisations, each with a change awaiting a decision and a pair gone quiet.
    for (let i = 0; i < 4; i++) {
      const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
      await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    }
    const after = await repeatSweepStatements();
    expect(await written()).toBeGreaterThanOrEqual(mailBefore + 8);
    expect(after).toBe(before);
  });
});

import { MailMessageEntity } from '../../server/src/modules/mail/mail.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { daysAgo } from '../helpers/co-learning';
import { factories, gid } from '../helpers/factories';
import { eventually, setAsidePendingMail, startMailingServer, TestSmtp } from '../helpers/mail';
import type { TestServer } from '../helpers/server';
import { coLearning } from '../helpers/co-learning';
import { runReminderSweep } from '../../server/src/modules/reminders/reminders.service';
import { ContractVersionEntity, MentoringSessionEntity } from '../../server/src/modules/pair/pair.entity';
import { SessionBookingEntity } from '../../server/src/modules/scheduling/scheduling.entity';

const BOOKING = 'id status sessionType proposedStarts localStart timeZone startsAt durationMinutes location videoLink sequence calendarUrl viewerCanAccept';
const PROPOSE = `mutation ($input: ProposeSessionInput!) { proposeSession(input: $input) { booking { ${BOOKING} } userErrors { field code message } } }`;
const ACCEPT = `mutation ($input: AcceptSessionInput!) { acceptSession(input: $input) { booking { ${BOOKING} } userErrors { field code message } } }`;
const RESCHEDULE = `mutation ($input: RescheduleSessionInput!) { rescheduleSession(input: $input) { booking { ${BOOKING} } userErrors { field code message } } }`;
const CANCEL = `mutation ($input: CancelSessionInput!) { cancelSession(input: $input) { booking { ${BOOKING} } userErrors { field code message } } }`;
const LOG = `mutation ($input: LogSessionInput!) { logSession(input: $input) { session { id sessionType heldOn } userErrors { field code message } } }`;
const PAIR = `query ($id: ID!) { node(id: $id) { ... on Pair { nextSessionAt bookings { id status localStart } } } }`;

let smtp: TestSmtp;
let server: TestServer;
let api: Api;
let make: ReturnType<typeof factories>;
let co: ReturnType<typeof coLearning>;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await new TestSmtp().start();
  server = await startMailingServer(smtp);
  api = new Api(server.url);
  make = factories(server.db);
  co = coLearning(server.db);
});
afterAll(async () => {
  await server.close();
  await smtp.stop();
});

const ics = async (token: string | undefined, url: string) => {
  const response = await fetch(`${server.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};
const line = (body: string, name: string) => body.split('\r\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
const attachmentOf = (message: any) => {
  const part = message.attachments.find((a: any) => a.contentType.startsWith('text/calendar'));
  return part ? part.content.toString('utf8') : null;
};

describe('booking a session', () => {
  it('is proposed by one co-learner, accepted by the other, invites both with the same event, and is rescheduled and logged', async () => {
    const organisation = await make.organisation();
    const { senior, junior, id: pairId } = await make.pair(organisation);
    const proposed = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['2027-05-11T09:00', '2027-05-12T14:30'], durationMinutes: 60, location: 'Board room, level 2' });
    expect(proposed.userErrors).toEqual([]);
    expect(proposed.booking).toMatchObject({ status: 'PROPOSED', sessionType: 'CONVERSATION', timeZone: 'Europe/London', localStart: null, viewerCanAccept: false, sequence: 0 });
    const bookingId = proposed.booking.id;

    // The proposer cannot accept their own offer; nor is there a calendar file before a time is agreed.
    expect(Api.codes(await api.as(senior.token).request(ACCEPT, { input: { bookingId, start: '2027-05-11T09:00' } }))).toEqual(['FORBIDDEN']);
    expect((await ics(senior.token, proposed.booking.calendarUrl)).status).toBe(404);
    const wrong = await api.as(junior.token).mutation(ACCEPT, { bookingId, start: '2027-05-13T09:00' });
    expect(wrong.userErrors).toEqual([{ field: ['input', 'start'], code: 'INVALID_INPUT', message: 'Choose one of the times offered.' }]);

    const accepted = await api.as(junior.token).mutation(ACCEPT, { bookingId, start: '2027-05-12T14:30' });
    expect(accepted.userErrors).toEqual([]);
    // British Summer Time: 14:30 in London is 13:30 UTC.
    expect(accepted.booking).toMatchObject({ status: 'ACCEPTED', localStart: '2027-05-12T14:30', startsAt: '2027-05-12T13:30:00.000Z', sequence: 0 });

    // Both download the same invitation; it says only "Co-learning session", the time and the place.
    const [forSenior, forJunior] = [await ics(senior.token, accepted.booking.calendarUrl), await ics(junior.token, accepted.booking.calendarUrl)];
    expect(forSenior.status).toBe(200);
    expect(forSenior.type).toContain('text/calendar');
    expect(forSenior.body).toBe(forJunior.body);
    const uid = line(forSenior.body, 'UID');
    expect(uid).toMatch(/^booking-[0-9a-f-]{36}@common-ground$/);
    expect(line(forSenior.body, 'SEQUENCE')).toBe('0');
    expect(line(forSenior.body, 'DTSTART')).toBe('20270512T133000Z');
    expect(line(forSenior.body, 'DTEND')).toBe('20270512T143000Z');
    expect(line(forSenior.body, 'SUMMARY')).toBe('Co-learning session');
    expect(line(forSenior.body, 'LOCATION')).toBe('Board room\\, level 2');
    for (const name of [senior.person.displayName, junior.person.displayName, senior.person.email, junior.person.email]) expect(forSenior.body).not.toContain(name);

    // Both are emailed the invitation, the same event as the download.
    for (const person of [senior, junior]) {
      const [message] = await eventually(`the invitation to ${person.person.email}`, () => smtp.to(person.person.email).filter((m) => attachmentOf(m)).length && smtp.to(person.person.email).filter((m) => attachmentOf(m)));
      const attached = attachmentOf(message)!;
      expect(line(attached, 'UID')).toBe(uid);
      expect(line(attached, 'METHOD')).toBe('REQUEST');
      expect(line(attached, 'DTSTART')).toBe('20270512T133000Z');
    }

    // The next session shows on the pair, for the pair.
    const home = await api.as(junior.token).ok(PAIR, { id: pairId });
    expect(home.node).toMatchObject({ nextSessionAt: '2027-05-12T13:30:00.000Z', bookings: [{ id: bookingId, status: 'ACCEPTED', localStart: '2027-05-12T14:30' }] });

    // Rescheduling updates the same event: same UID, higher sequence, in the download and by email.
    const moved = await api.as(senior.token).mutation(RESCHEDULE, { bookingId, start: '2027-05-19T10:00', videoLink: 'https://meet.example.org/abc', location: null });
    expect(moved.userErrors).toEqual([]);
    expect(moved.booking).toMatchObject({ localStart: '2027-05-19T10:00', sequence: 1, videoLink: 'https://meet.example.org/abc', location: null });
    const after = await ics(junior.token, moved.booking.calendarUrl);
    expect(line(after.body, 'UID')).toBe(uid);
    expect(line(after.body, 'SEQUENCE')).toBe('1');
    expect(line(after.body, 'DTSTART')).toBe('20270519T090000Z');
    expect(line(after.body, 'LOCATION')).toBe('https://meet.example.org/abc');
    await eventually('the updated invitation', () => smtp.to(junior.person.email).some((m) => attachmentOf(m) && line(attachmentOf(m)!, 'SEQUENCE') === '1'));

    // Logged afterwards, the log is linked to the booking, which is then held. (The session is moved into the past in the database: time has passed.)
    const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
    await server.db.query(`UPDATE session_booking SET starts_at = $2 WHERE id = $1`, [dbId(bookingId), daysAgo(2)]);
    const logged = await api.as(junior.token).mutation(LOG, { pairId, heldOn: daysAgo(2).toISOString().slice(0, 10), topics: ['Rotas'], bookingId });
    expect(logged.userErrors).toEqual([]);
    expect(logged.session.sessionType).toBe('CONVERSATION');
    const [row] = await server.db.query(`SELECT status, logged_session_id FROM session_booking WHERE id = $1`, [dbId(bookingId)]);
    expect(row).toEqual({ status: 'HELD', logged_session_id: dbId(logged.session.id) });
    const again = await api.as(senior.token).mutation(LOG, { pairId, heldOn: daysAgo(2).toISOString().slice(0, 10), topics: ['Rotas'], bookingId });
    expect(again.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: ['input', 'bookingId'] });
    expect((await api.as(senior.token).ok(PAIR, { id: pairId })).node.bookings).toEqual([]);
  });

  it('keeps the local time across daylight-saving changes, and refuses a time the clocks skip', async () => {
    const organisation = await make.organisation();
    const { senior, junior, id: pairId } = await make.pair(organisation);
    const book = async (start: string) => {
      const proposed = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: [start] });
      return (await api.as(junior.token).mutation(ACCEPT, { bookingId: proposed.booking.id, start })).booking;
    };
    // 09:00 in London, either side of the March change (28 March 2027) and the October change (31 October 2027).
    expect((await book('2027-03-26T09:00')).startsAt).toBe('2027-03-26T09:00:00.000Z');
    const spring = await book('2027-03-29T09:00');
    expect(spring.startsAt).toBe('2027-03-29T08:00:00.000Z');
    expect((await book('2027-10-29T09:00')).startsAt).toBe('2027-10-29T08:00:00.000Z');
    expect((await book('2027-11-01T09:00')).startsAt).toBe('2027-11-01T09:00:00.000Z');

    // Rescheduled from summer into winter time, it stays at 09:00 local; the file says so in UTC.
    const moved = await api.as(junior.token).mutation(RESCHEDULE, { bookingId: spring.id, start: '2027-11-08T09:00' });
    expect(moved.booking).toMatchObject({ localStart: '2027-11-08T09:00', startsAt: '2027-11-08T09:00:00.000Z' });
    expect(line((await ics(senior.token, moved.booking.calendarUrl)).body, 'DTSTART')).toBe('20271108T090000Z');

    const skipped = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['2027-03-28T01:30'] });
    expect(skipped.userErrors).toEqual([{ field: ['input', 'starts', '0'], code: 'INVALID_INPUT', message: '2027-03-28 01:30 is not a time that exists in Europe/London (clocks go forward then): choose another.' }]);
    const past = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['2020-01-01T09:00'] });
    expect(past.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: 'Choose a time in the future.' });
    const malformed = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['next tuesday'] });
    expect(malformed.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'starts'] });
  });

  it('uses the organisation’s time zone', async () => {
    const organisation = await make.organisation({ timeZone: 'America/New_York' });
    const { senior, junior, id: pairId } = await make.pair(organisation);
    const proposed = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['2027-07-01T09:00'] });
    const accepted = await api.as(junior.token).mutation(ACCEPT, { bookingId: proposed.booking.id, start: '2027-07-01T09:00' });
    expect(accepted.booking).toMatchObject({ timeZone: 'America/New_York', startsAt: '2027-07-01T13:00:00.000Z' });
  });

  it('is the pair’s alone: managers see when the next session is, nobody else sees the booking or its file', async () => {
    const organisation = await make.organisation();
    const { senior, junior, id: pairId } = await make.pair(organisation);
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const colleague = await make.person({ organisation, roles: [Role.CO_LEARNER, Role.OWNER] });
    const stranger = await make.person({ roles: [Role.PROGRAMME_MANAGER, Role.CO_LEARNER] });
    const admin = await make.admin();
    const proposed = await api.as(senior.token).mutation(PROPOSE, { pairId, starts: ['2027-06-01T09:00'], location: 'Ward 7 seminar room' });
    const { booking } = await api.as(junior.token).mutation(ACCEPT, { bookingId: proposed.booking.id, start: '2027-06-01T09:00' });

    const asManager = await api.as(manager.token).ok(PAIR, { id: pairId });
    expect(asManager.node).toEqual({ nextSessionAt: '2027-06-01T08:00:00.000Z', bookings: [] });
    for (const other of [manager, colleague, stranger, admin]) {
      expect((await api.as(other.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: booking.id })).node).toBeNull();
      expect((await ics(other.token, booking.calendarUrl)).status).toBe(404);
      expect(Api.codes(await api.as(other.token).request(CANCEL, { input: { bookingId: booking.id } }))[0]).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    expect((await ics(undefined, booking.calendarUrl)).status).toBe(401);
    expect((await ics(senior.token, '/calendar/sessions/not-an-id.ics')).status).toBe(404);

    // Cancelling updates the same event in calendars: a CANCEL with a higher sequence.
    const cancelled = await api.as(junior.token).mutation(CANCEL, { bookingId: booking.id });
    expect(cancelled.booking).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    const file = (await ics(senior.token, booking.calendarUrl)).body;
    expect(line(file, 'METHOD')).toBe('CANCEL');
    expect(line(file, 'STATUS')).toBe('CANCELLED');
    expect((await api.as(junior.token).mutation(CANCEL, { bookingId: booking.id })).userErrors[0].code).toBe('INVALID_TRANSITION');
    // No email or stored message carries anything but the time and place.
    const stored = await server.db.getRepository(MailMessageEntity).find({ where: { organisationId: organisation.id } });
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toMatch(/Ward 7 seminar room.*(notes|journal)/);
  });

  it('keeps a pair with a booked next session from counting as gone quiet', async () => {
    const organisation = await make.organisation();
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const programme = await co.programme(organisation);
    const quietSenior = await make.person({ organisation });
    const quietJunior = await make.person({ organisation });
    const bookedSenior = await make.person({ organisation });
    const bookedJunior = await make.person({ organisation });
    const quiet = await co.pair(programme, quietSenior.person, quietJunior.person);
    const booked = await co.pair(programme, bookedSenior.person, bookedJunior.person);
    for (const pair of [quiet, booked]) await co.session(pair, 100);
    const proposed = await api.as(bookedSenior.token).mutation(PROPOSE, { pairId: gid('Pair', booked.id), starts: ['2027-06-01T09:00'], sessionType: 'SHADOWING' });
    await api.as(bookedJunior.token).mutation(ACCEPT, { bookingId: proposed.booking.id, start: '2027-06-01T09:00' });
    const { programmeDashboard } = await api.as(manager.token).ok(`query ($id: ID!) { programmeDashboard(programmeId: $id) { pairActivity { quietPairCount pairs { pairId quiet conversations shadowing groupSessions } } } }`, { id: gid('Programme', programme.id) });
    expect(programmeDashboard.pairActivity.quietPairCount).toBe(1);
    const byPair = Object.fromEntries(programmeDashboard.pairActivity.pairs.map((p: any) => [p.pairId, p]));
    expect(byPair[gid('Pair', quiet.id)]).toMatchObject({ quiet: true, conversations: 1, shadowing: 0 });
    expect(byPair[gid('Pair', booked.id)]).toMatchObject({ quiet: false });
  });

  it('sends no session-due reminder and no quiet alert while a session is booked ahead', async () => {
    const organisation = await make.organisation();
    const { pair, senior, junior } = await make.pair(organisation);
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    await server.db.getRepository(ContractVersionEntity).update({ pairId: pair.id }, { seniorAgreedAt: new Date('2032-01-01T10:00:00Z'), juniorAgreedAt: new Date('2032-01-01T10:00:00Z') });
    await server.db.getRepository(MentoringSessionEntity).save({ pairId: pair.id, heldOn: '2032-01-10', topics: ['Rotas'], loggedById: senior.person.id, privateNotesCipher: null });
    // Booked for 1 April: the monthly session falls due in February and the pair would be quiet by mid-March.
    await server.db.getRepository(SessionBookingEntity).save({
      pairId: pair.id, organisationId: organisation.id, proposedById: senior.person.id, status: 'ACCEPTED' as never, proposedStarts: ['2032-04-01T09:00'],
      localStart: '2032-04-01T09:00', timeZone: 'Europe/London', startsAt: new Date('2032-04-01T08:00:00Z'), durationMinutes: 60,
    });
    const reminders = async () => (await server.db.getRepository(MailMessageEntity).find({ where: [{ recipientId: senior.person.id }, { recipientId: junior.person.id }, { recipientId: manager.person.id }] })).map((m) => m.kind).filter((k) => k === 'SESSION_DUE' || k === 'PAIR_QUIET');
    await runReminderSweep(server.db, new Date('2032-02-20T12:00:00Z'));
    await runReminderSweep(server.db, new Date('2032-03-20T12:00:00Z'));
    expect(await reminders()).toEqual([]);
    // Once the booked time has passed with nothing logged, the rhythm applies again.
    await runReminderSweep(server.db, new Date('2032-04-02T12:00:00Z'));
    expect(await reminders()).toEqual(['PAIR_QUIET']);
  });
});

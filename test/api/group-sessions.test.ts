import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const SESSION = 'id title kind status localStart startsAt calendarUrl inviteeCount viewerCanRun facilitator { displayName } invitees { person { id } attended } learning { body recordedOn }';
const SCHEDULE = `mutation ($input: ScheduleGroupSessionInput!) { scheduleGroupSession(input: $input) { groupSession { ${SESSION} } userErrors { field code message } } }`;
const ATTEND = `mutation ($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { groupSession { ${SESSION} } userErrors { field code message } } }`;
const LEARN = `mutation ($input: AddGroupLearningInput!) { addGroupLearning(input: $input) { groupSession { ${SESSION} } userErrors { field code message } } }`;
const LIST = `{ groupSessions(first: 50) { totalCount nodes { id title } } }`;

describe('group sessions', () => {
  it('are scheduled by a manager for the cohort, run by a named facilitator, with attendance and learning that names no one', async () => {
    const organisation = await t.make.organisation();
    const programme = await t.make.programme(organisation);
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const facilitator = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Fran Facilitator' });
    const a = await t.make.pair(organisation, { programme });
    const b = await t.make.pair(organisation, { programme });
    const c = await t.make.pair(organisation, { programme });
    const programmeId = gid('Programme', programme.id);

    // A co-learner cannot schedule one; a facilitator from elsewhere is refused.
    expect(Api.codes(await t.api.as(a.senior.token).request(SCHEDULE, { input: { programmeId, title: 'Set one', kind: 'ACTION_LEARNING_SET', start: '2027-04-06T13:00' } }))).toEqual(['FORBIDDEN']);
    const stranger = await t.make.person({ roles: [Role.CO_LEARNER] });
    const refused = await t.api.as(manager.token).mutation(SCHEDULE, { programmeId, title: 'Set one', kind: 'ACTION_LEARNING_SET', start: '2027-04-06T13:00', facilitatorId: stranger.globalId });
    expect(refused.userErrors).toEqual([{ field: ['input', 'facilitatorId'], code: 'INVALID_INPUT', message: 'Name a facilitator from this organisation.' }]);

    // For chosen pairs: only theirs are invited.
    const chosen = await t.api.as(manager.token).mutation(SCHEDULE, { programmeId, title: 'Action-learning set 1', kind: 'ACTION_LEARNING_SET', start: '2027-04-06T13:00', pairIds: [a.id, b.id], facilitatorId: facilitator.globalId, location: 'Education centre' });
    expect(chosen.userErrors).toEqual([]);
    expect(chosen.groupSession).toMatchObject({ status: 'SCHEDULED', inviteeCount: 4, startsAt: '2027-04-06T12:00:00.000Z', facilitator: { displayName: 'Fran Facilitator' } });
    // The whole cohort: every active pair.
    const cohort = await t.api.as(manager.token).mutation(SCHEDULE, { programmeId, title: 'Joint closing session with the board', kind: 'CLOSING_SESSION', start: '2027-07-01T10:00' });
    expect(cohort.groupSession.inviteeCount).toBe(6);

    // Invitees see their sessions; the third pair sees only the cohort one.
    expect((await t.api.as(a.junior.token).ok(LIST)).groupSessions.totalCount).toBe(2);
    expect((await t.api.as(c.junior.token).ok(LIST)).groupSessions.nodes.map((n: any) => n.title)).toEqual(['Joint closing session with the board']);
    const calendar = await fetch(`${t.server.url}${chosen.groupSession.calendarUrl}`, { headers: { authorization: `Bearer ${a.senior.token}` } });
    expect(calendar.status).toBe(200);
    const ics = await calendar.text();
    expect(ics).toContain('SUMMARY:Co-learning session');
    expect(ics).not.toContain('Action-learning set');
    expect((await fetch(`${t.server.url}${chosen.groupSession.calendarUrl}`, { headers: { authorization: `Bearer ${c.senior.token}` } })).status).toBe(404);

    // Moved by the facilitator: the same event, the next sequence.
    const MOVE = `mutation ($input: RescheduleGroupSessionInput!) { rescheduleGroupSession(input: $input) { groupSession { localStart sequence } userErrors { code } } }`;
    const moved = await t.api.as(facilitator.token).mutation(MOVE, { groupSessionId: chosen.groupSession.id, start: '2027-04-13T13:00' });
    expect(moved).toEqual({ groupSession: { localStart: '2027-04-13T13:00', sequence: 1 }, userErrors: [] });
    const after = await (await fetch(`${t.server.url}${chosen.groupSession.calendarUrl}`, { headers: { authorization: `Bearer ${a.senior.token}` } })).text();
    const field = (text: string, name: string) => text.split('\r\n').find((l) => l.startsWith(`${name}:`));
    expect(field(after, 'UID')).toBe(field(ics, 'UID'));
    expect(field(after, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(field(after, 'DTSTART')).toBe('DTSTART:20270413T120000Z');
    expect(Api.codes(await t.api.as(a.senior.token).request(MOVE, { input: { groupSessionId: chosen.groupSession.id, start: '2027-04-20T13:00' } }))).toEqual(['FORBIDDEN']);

    // Attendance is recorded once the session has started (time passes in the database), by the facilitator.
    const id = chosen.groupSession.id;
    const early = await t.api.as(facilitator.token).mutation(ATTEND, { groupSessionId: id, attendeeIds: [a.senior.globalId] });
    expect(early.userErrors[0].code).toBe('INVALID_TRANSITION');
    await t.server.db.query(`UPDATE group_session SET starts_at = now() - interval '1 hour' WHERE id = $1`, [Buffer.from(id, 'base64url').toString().split(':')[1]]);
    expect(Api.codes(await t.api.as(a.senior.token).request(ATTEND, { input: { groupSessionId: id, attendeeIds: [a.senior.globalId] } }))).toEqual(['FORBIDDEN']);
    const notInvited = await t.api.as(facilitator.token).mutation(ATTEND, { groupSessionId: id, attendeeIds: [c.senior.globalId] });
    expect(notInvited.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'attendeeIds'] });
    const held = await t.api.as(facilitator.token).mutation(ATTEND, { groupSessionId: id, attendeeIds: [a.senior.globalId, a.junior.globalId, b.senior.globalId] });
    expect(held.userErrors).toEqual([]);
    expect(held.groupSession.status).toBe('HELD');
    const attendance = Object.fromEntries(held.groupSession.invitees.map((i: any) => [i.person.id, i.attended]));
    expect(attendance).toEqual({ [a.senior.globalId]: true, [a.junior.globalId]: true, [b.senior.globalId]: true, [b.junior.globalId]: false });

    // Shared learning: stored and shown without any author.
    await t.api.as(facilitator.token).mutation(LEARN, { groupSessionId: id, body: 'Rota swaps are approved faster when the ward manager sees the whole month.' });
    const learned = await t.api.as(manager.token).mutation(LEARN, { groupSessionId: id, body: 'Shortlisting criteria favour full-time applicants.' });
    expect(learned.groupSession.learning.map((l: any) => l.body).sort()).toEqual(['Rota swaps are approved faster when the ward manager sees the whole month.', 'Shortlisting criteria favour full-time applicants.']);
    const columns = await t.server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'group_session_learning'`);
    expect(columns.map((c: any) => c.column_name).sort()).toEqual(['body', 'id', 'recorded_on', 'session_id']);
    expect(Api.codes(await t.api.as(b.junior.token).request(LEARN, { input: { groupSessionId: id, body: 'I said this' } }))).toEqual(['FORBIDDEN']);

    // An invitee sees the learning and their own attendance line only; nobody outside sees the session.
    const asInvitee = await t.api.as(b.junior.token).ok(`query ($id: ID!) { node(id: $id) { ... on GroupSession { ${SESSION} } } }`, { id });
    expect(asInvitee.node.invitees).toEqual([{ person: { id: b.junior.globalId }, attended: false }]);
    expect(asInvitee.node.learning).toHaveLength(2);
    expect(asInvitee.node.viewerCanRun).toBe(false);
    for (const other of [c.senior, stranger]) expect((await t.api.as(other.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();

    // The dashboard's pair activity counts the group session for each pair someone came from.
    const { programmeDashboard } = await t.api.as(manager.token).ok(`query ($id: ID!) { programmeDashboard(programmeId: $id) { pairActivity { pairs { pairId groupSessions } } } }`, { id: programmeId });
    const groups = Object.fromEntries(programmeDashboard.pairActivity.pairs.map((p: any) => [p.pairId, p.groupSessions]));
    expect(groups).toEqual({ [a.id]: 1, [b.id]: 1, [c.id]: 0 });
  });
});

import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { factories, gid, type TestPerson } from '../helpers/factories';
import { setAsidePendingMail, startMailingServer } from '../helpers/mail';
import type { TestServer } from '../helpers/server';

const WRITE = `mutation ($input: WriteJournalEntryInput!) { writeJournalEntry(input: $input) { entry { id body createdAt } userErrors { field code message } } }`;
const DELETE = `mutation ($input: DeleteJournalEntryInput!) { deleteJournalEntry(input: $input) { userErrors { code message } } }`;
const MY_JOURNAL = `{ myJournal(first: 100) { totalCount nodes { id body } } }`;
const RATE = `mutation ($input: RateMyGoalsInput!) { rateMyGoals(input: $input) { rating { stage goals rating sharedWithPartner isMine } userErrors { field code message } } }`;
const PAIR_GOALS = `query ($id: ID!) { node(id: $id) { ... on Pair { goalRatings { stage goals rating isMine } } } }`;
const PROPOSE = `mutation ($input: ProposeSessionInput!) { proposeSession(input: $input) { booking { id } userErrors { code } } }`;
const ACCEPT = `mutation ($input: AcceptSessionInput!) { acceptSession(input: $input) { booking { id calendarUrl } userErrors { code } } }`;
const LOG = `mutation ($input: LogSessionInput!) { logSession(input: $input) { userErrors { code } } }`;

/** Without an SMTP server every message is kept in the outbox, where the admin can read it. */
let server: TestServer;
let api: Api;
let make: ReturnType<typeof factories>;
beforeAll(async () => {
  await setAsidePendingMail();
  server = await startMailingServer(null);
  api = new Api(server.url);
  make = factories(server.db);
});
afterAll(() => server.close());

const get = async (token: string, path: string) => {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.text() };
};

describe('a journal entry reaches its author alone', () => {
  it('through no path: node, nodes, lists, search, exports, notifications, email, calendar files or anyone else’s data download', async () => {
    const organisation = await make.organisation();
    const { pair, programme, senior: author, junior: partner, id: pairId } = await make.pair(organisation);
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER, Role.CO_LEARNER], name: 'Manager' });
    const owner = await make.person({ organisation, roles: [Role.OWNER], name: 'Owner' });
    const admin = await make.admin();
    const outsider = await make.person({ roles: [Role.PROGRAMME_MANAGER, Role.CO_LEARNER, Role.OWNER], name: 'Outsider' });
    const others: [string, TestPerson][] = [['partner', partner], ['manager', manager], ['owner', owner], ['admin', admin], ['other organisation', outsider]];

    const secret = `Journal-secret-${Date.now()}: I felt unheard in the panel`;
    const written = await api.as(author.token).mutation(WRITE, { body: secret });
    expect(written.userErrors).toEqual([]);
    expect(written.entry.body).toBe(secret);
    const entryId = written.entry.id;

    // Private notes and goals travel alongside, so every path below is tried with them too.
    const notesSecret = `Private-notes-${Date.now()}`;
    await api.as(author.token).mutation(LOG, { pairId, heldOn: '2026-11-02', topics: ['Panels'], privateNotes: notesSecret });
    const goalsSecret = `Goals-secret-${Date.now()}`;
    expect((await api.as(author.token).mutation(RATE, { programmeId: gid('Programme', programme.id), stage: 'START', goals: goalsSecret, rating: 2, shareWithPartner: false })).userErrors).toEqual([]);
    // A booked session: its calendar file must carry none of it.
    const proposed = await api.as(author.token).mutation(PROPOSE, { pairId, starts: ['2027-06-01T09:00'] });
    const { booking } = await api.as(partner.token).mutation(ACCEPT, { bookingId: proposed.booking.id, start: '2027-06-01T09:00' });

    // The author reads it back, and finds it in their own data download.
    expect((await api.as(author.token).ok(`query ($id: ID!) { node(id: $id) { ... on JournalEntry { body } } }`, { id: entryId })).node).toEqual({ body: secret });
    expect((await api.as(author.token).ok(MY_JOURNAL)).myJournal).toEqual({ totalCount: 1, nodes: [{ id: entryId, body: secret }] });
    const ownDownload = await get(author.token, '/exports/my-data.json');
    expect(ownDownload.body).toContain(secret);
    expect(ownDownload.body).toContain(goalsSecret);

    for (const [role, person] of others) {
      const as = api.as(person.token);
      const where = (path: string) => `${role}: ${path}`;
      const seen: string[] = [];
      const record = (path: string, text: string) => {
        if (text.includes(secret) || text.includes(goalsSecret)) seen.push(where(path));
      };
      /** A query that must be well-formed: refused as forbidden at most, never a mistake of the test's. */
      const ask = async (query: string, variables?: Record<string, unknown>) => {
        const response = await as.request(query, variables);
        expect(Api.codes(response).filter((code) => code !== 'FORBIDDEN')).toEqual([]);
        return JSON.stringify(response.data);
      };
      const node = await as.request(`query ($id: ID!) { node(id: $id) { id ... on JournalEntry { body } } }`, { id: entryId });
      expect(node.data.node).toBeNull();
      const nodes = await as.request(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [entryId] });
      expect(nodes.data.nodes).toEqual([null]);
      const list = await as.ok(MY_JOURNAL);
      expect(list.myJournal.totalCount).toBe(0);
      record('myJournal', JSON.stringify(list));
      const deleted = await as.request(DELETE, { input: { entryId } });
      expect(Api.codes(deleted)).toEqual(['NOT_FOUND']);
      record('barriers search', await ask(`{ barriers(filter: { search: "unheard panel" }) { nodes { title description } } }`));
      record('library search', await ask(`{ sharedCases(search: "unheard panel") { nodes { title summary } } }`));
      record('notifications', await ask(`{ notifications(first: 100) { nodes { message actorName } } }`));
      record('pair goals', await ask(PAIR_GOALS, { id: pairId }));
      record('pair sessions', await ask(`query ($id: ID!) { node(id: $id) { ... on Pair { sessions { nodes { privateNotes sharedTakeaways topics } } } } }`, { id: pairId }));
      record('outbox', await ask(`{ mailMessages(first: 100) { nodes { subject text } } }`));
      for (const path of ['/exports/my-data.json', '/exports/changes.csv', '/exports/barriers.csv', booking.calendarUrl]) record(path, (await get(person.token, path)).body);
      const download = (await get(person.token, '/exports/my-data.json')).body;
      if (role === 'partner') expect(download).toContain(notesSecret);
      else expect(download).not.toContain(notesSecret);
      expect(seen).toEqual([]);
    }
    // Nor can the admin read it in what was emailed: the outbox holds every message, none with it.
    const outbox = await server.db.query(`SELECT subject, text, content::text AS content FROM mail_message`);
    expect(outbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(outbox)).not.toContain(secret);
    expect(JSON.stringify(outbox)).not.toContain(notesSecret);
    // At rest it is encrypted: the database holds no plain text of the entry or the goals.
    const stored = await server.db.query(`SELECT body_cipher FROM journal_entry WHERE author_id = $1`, [author.person.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].body_cipher).not.toContain('unheard');
    const goals = await server.db.query(`SELECT goals_cipher FROM goal_rating WHERE person_id = $1`, [author.person.id]);
    expect(goals[0].goals_cipher).not.toContain('Goals-secret');
    void pair;
  });

  it('is deleted by its author only', async () => {
    const author = await make.person();
    const written = await api.as(author.token).mutation(WRITE, { body: 'A short reflection.' });
    expect((await api.as(author.token).mutation(DELETE, { entryId: written.entry.id })).userErrors).toEqual([]);
    expect((await api.as(author.token).ok(MY_JOURNAL)).myJournal.totalCount).toBe(0);
    const empty = await api.as(author.token).mutation(WRITE, { body: '' });
    expect(empty.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'body'] });
  });
});

describe('goal self-ratings', () => {
  it('are shared with the partner only when the author chooses; programme figures need five people', async () => {
    const organisation = await make.organisation();
    const programme = await make.programme(organisation);
    const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const pairs = [];
    for (let i = 0; i < 3; i++) pairs.push(await make.pair(organisation, { programme }));
    const programmeId = gid('Programme', programme.id);
    const [first] = pairs;
    await api.as(first.senior.token).mutation(RATE, { programmeId, stage: 'START', goals: 'Understand rota pressures', rating: 2, shareWithPartner: true });
    await api.as(first.junior.token).mutation(RATE, { programmeId, stage: 'START', goals: 'Learn how panels decide', rating: 1, shareWithPartner: false });
    const asSenior = (await api.as(first.senior.token).ok(PAIR_GOALS, { id: first.id })).node.goalRatings;
    expect(asSenior).toEqual([{ stage: 'START', goals: 'Understand rota pressures', rating: 2, isMine: true }]);
    const asJunior = (await api.as(first.junior.token).ok(PAIR_GOALS, { id: first.id })).node.goalRatings;
    expect(asJunior).toHaveLength(2);
    expect((await api.as(manager.token).ok(PAIR_GOALS, { id: first.id })).node.goalRatings).toEqual([]);

    const FIGURE = `query ($id: ID!) { node(id: $id) { ... on Programme { goalChange { people averageStart averageEnd averageChange note } } } }`;
    const rateBoth = async (person: TestPerson, start: number, end: number) => {
      await api.as(person.token).mutation(RATE, { programmeId, stage: 'START', goals: 'Goals', rating: start, shareWithPartner: false });
      await api.as(person.token).mutation(RATE, { programmeId, stage: 'END', goals: 'Goals', rating: end, shareWithPartner: false });
    };
    const people = pairs.flatMap((p) => [p.senior, p.junior]);
    for (const person of people.slice(0, 4)) await rateBoth(person, 2, 4);
    const withheld = (await api.as(manager.token).ok(FIGURE, { id: programmeId })).node.goalChange;
    expect(withheld).toMatchObject({ people: null, averageChange: null });
    expect(withheld.note).toContain('5 people');
    await rateBoth(people[4], 1, 4);
    expect((await api.as(manager.token).ok(FIGURE, { id: programmeId })).node.goalChange).toEqual({ people: 5, averageStart: 1.8, averageEnd: 4, averageChange: 2.2, note: null });
    // Co-learners do not get the programme figure.
    expect((await api.as(first.senior.token).ok(FIGURE, { id: programmeId })).node.goalChange).toBeNull();
    // A rating outside 1–5 is refused; someone outside the programme's pairs cannot rate in it.
    expect((await api.as(first.senior.token).mutation(RATE, { programmeId, stage: 'END', goals: 'Goals', rating: 6 })).userErrors[0].code).toBe('INVALID_INPUT');
    expect((await api.as(manager.token).mutation(RATE, { programmeId, stage: 'END', goals: 'Goals', rating: 3 })).userErrors[0].code).toBe('FORBIDDEN');
  });
});

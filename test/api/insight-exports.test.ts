import { apiSuite } from '../helpers/suite';
import { gid } from '../helpers/factories';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { EXPORT_BATCH_SIZE } from '../../server/src/modules/insight/exports.router';
import { Role } from '../../server/src/modules/person/membership.entity';

const t = apiSuite();

/** A small RFC 4180 parser: enough to read our own exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

async function download(path: string, token?: string, cookie = false) {
  const headers: Record<string, string> = token ? (cookie ? { cookie: `cg_session=${token}` } : { authorization: `Bearer ${token}` }) : {};
  const response = await fetch(`${t.server.url}${path}`, { headers });
  const body = Buffer.from(await response.arrayBuffer()).toString('utf8'); // keeps the byte-order mark
  return { status: response.status, headers: response.headers, body, rows: response.ok ? parseCsv(body.replace(/^\uFEFF/, '')) : [] };
}

/** Rows as objects keyed by the header. */
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

async function organisationWithChanges() {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const owner = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Olu Owner' });
  const otherOwner = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Dee Owner' });
  const senior = await t.make.person({ organisation, name: 'Sam Senior' });
  const junior = await t.make.person({ organisation, name: 'Jo Junior' });
  const programme = await t.co.programme(organisation, { name: 'Cohort, "2026"' });
  const pair = await t.co.pair(programme, senior.person, junior.person);
  const named = await t.co.barrier(pair, { title: 'Rotas, "fixed" in advance' });
  const anonymous = await t.co.barrier(pair, { title: 'Promotion panels', attribution: Attribution.ANONYMOUS });
  await t.co.change(named, pair, owner.person, ChangeStatus.ADOPTED, { created: 30, submitted: 20, decided: 15, started: 10, adopted: 2, target: 1 }, {
    title: '=HYPERLINK("http://evil.example","click")',
    successMeasures: [{ metric: 'Shortlist diversity', unit: '%', baseline: 10, target: 40, current: 35 }],
    adoptionEvidence: { policyOrProcess: 'Rota policy', effectiveFrom: '2026-01-01', link: 'https://intranet.example/rota', summary: 'Line one\nline two' },
  });
  await t.co.change(anonymous, pair, otherOwner.person, ChangeStatus.IN_PROGRESS, { created: 20, submitted: 15, decided: 10, started: 5, target: 3 }, { title: '-1 step for panels' });
  return { organisation, manager, owner, senior, programme, pair, named, anonymous };
}

describe('CSV export of changes', () => {
  it('a manager downloads every change, with owner, state, dates and measures, in words a person reads, safely escaped', async () => {
    const s = await organisationWithChanges();
    const { status, headers, body, rows } = await download(`/exports/changes.csv?organisationId=${gid('Organisation', s.organisation.id)}`, s.manager.token);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="changes-${s.organisation.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    // human column names; the ids that link back to the app come last
    expect(rows[0]).toEqual([
      'Title', 'Status', 'Programme', 'Barrier', 'Barrier category', 'Proposed by (pair)', 'Owner', 'Owner email', 'Target date', 'Overdue', 'Progress (%)',
      'Proposed on', 'Submitted on', 'Decided on', 'Started on', 'Adopted on', 'Success measures', 'Adopted policy or process', 'In effect from',
      'Adoption evidence link', 'Adoption summary', 'Change id', 'Barrier id',
    ]);
    expect(body.startsWith('\uFEFFTitle,Status,')).toBe(true);
    const [adopted, inProgress] = records(rows);
    expect(adopted).toMatchObject({
      Title: `'=HYPERLINK("http://evil.example","click")`, // a formula is neutralised
      Status: 'Adopted',
      Programme: 'Cohort, "2026"',
      Barrier: 'Rotas, "fixed" in advance',
      'Barrier category': 'Recruitment',
      'Proposed by (pair)': 'Sam Senior & Jo Junior',
      Owner: 'Olu Owner',
      Overdue: 'no',
      'Progress (%)': '100',
      'Success measures': 'Shortlist diversity: 10 → 40 (now 35) %',
      'Adopted policy or process': 'Rota policy',
      'Adoption summary': 'Line one\nline two',
      'Barrier id': gid('Barrier', s.named.id),
    });
    // days, never moments
    expect(adopted['Adopted on']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(adopted['Adopted on']).getTime()).toBeGreaterThan(Date.now() - 4 * 86_400_000);
    for (const column of ['Proposed on', 'Submitted on', 'Decided on', 'Started on']) expect(inProgress[column]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // organisation-wide, the anonymous barrier's change is there, its raising pair and cohort not named
    expect(inProgress).toMatchObject({ Title: "'-1 step for panels", Status: 'In progress', 'Proposed by (pair)': 'A co-learning pair', Programme: '', Overdue: 'yes', Owner: 'Dee Owner' });
    expect(headers.get('x-withheld-in-small-groups')).toBeNull();
    expect(body).not.toContain('PRIVATE-NOTES');
    expect(body).not.toMatch(/\b(ADOPTED|IN_PROGRESS|RECRUITMENT)\b/);
  });

  it('filtered to a one-pair programme, leaves out the anonymous barrier’s change and says that some items are withheld', async () => {
    const s = await organisationWithChanges();
    const { status, headers, rows } = await download(`/exports/changes.csv?programmeId=${gid('Programme', s.programme.id)}`, s.manager.token);
    expect(status).toBe(200);
    expect(records(rows).map((r) => r.Barrier)).toEqual(['Rotas, "fixed" in advance']);
    expect(headers.get('x-withheld-in-small-groups')).toMatch(/^Some items are withheld here/);
  });

  it('an owner downloads only the changes they own; a co-learner and strangers are refused', async () => {
    const s = await organisationWithChanges();
    const mine = await download('/exports/changes.csv', s.owner.token, true); // session cookie works too
    expect(mine.status).toBe(200);
    expect(records(mine.rows).map((r) => r.Owner)).toEqual(['Olu Owner']);

    const colearner = await download('/exports/changes.csv', s.senior.token);
    expect(colearner.status).toBe(403);
    expect(JSON.parse(colearner.body)).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });

    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect((await download(`/exports/changes.csv?programmeId=${gid('Programme', s.programme.id)}`, stranger.token)).status).toBe(404);
    expect((await download(`/exports/changes.csv?organisationId=${gid('Organisation', s.organisation.id)}`, stranger.token)).status).toBe(404);
    expect((await download('/exports/changes.csv')).status).toBe(401);
    expect((await download('/exports/changes.csv?programmeId=nonsense', s.manager.token)).status).toBe(400);
  });
});

describe('CSV export of barriers', () => {
  it('for managers only; an anonymous barrier names neither its pair nor who raised it', async () => {
    const s = await organisationWithChanges();
    await t.co.corroborate(s.named, await t.co.pair(s.programme, (await t.make.person({ organisation: s.organisation })).person, (await t.make.person({ organisation: s.organisation })).person), ['Surgery']);
    const { status, rows } = await download('/exports/barriers.csv', s.manager.token);
    expect(status).toBe(200);
    const byTitle = Object.fromEntries(records(rows).map((r) => [r.Title, r]));
    expect(byTitle['Rotas, "fixed" in advance']).toMatchObject({
      'Raised by (pair)': 'Sam Senior & Jo Junior', 'Raised by': 'Sam Senior', Corroborations: '1', Changes: '1', 'Adopted changes': '1',
      'Affected groups': 'Race', Category: 'Recruitment', Status: 'Open', Attribution: 'Named', 'Barrier id': gid('Barrier', s.named.id),
    });
    expect(byTitle['Promotion panels']).toMatchObject({ Attribution: 'Anonymous', 'Raised by (pair)': 'A co-learning pair', 'Raised by': '', Programme: '', Changes: '1' });
    expect(byTitle['Promotion panels']['Raised on']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await download('/exports/barriers.csv', s.owner.token)).status).toBe(403);
    expect((await download('/exports/barriers.csv', s.senior.token)).status).toBe(403);
  });
});

describe('streaming', () => {
  it('streams thousands of rows in keyset batches of 500, one statement per batch', async () => {
    const s = await organisationWithChanges();
    const base = {
      organisationId: s.organisation.id, barrierId: s.named.id, pairId: s.pair.id, proposedById: s.pair.juniorId, ownerId: s.owner.person.id,
      whatChanges: 'w', expectedImpact: 'e', targetDate: '2030-01-01', status: ChangeStatus.DRAFT, version: 1,
    };
    const total = 3001; // plus the two changes already there
    for (let start = 0; start < total; start += 1000) {
      const count = Math.min(1000, total - start);
      // identical created_at for a whole chunk: the id keeps the keyset order total
      const createdAt = new Date(Date.now() - 100_000 + start);
      await t.server.db.getRepository(ChangeEntity).insert(Array.from({ length: count }, (_, i) => ({ ...base, title: `Bulk ${start + i}`, createdAt })));
    }
    const spy = jest.spyOn(t.server.db, 'query');
    try {
      const { status, rows } = await download('/exports/changes.csv', s.manager.token);
      expect(status).toBe(200);
      const titles = records(rows).map((r) => r.Title);
      expect(titles).toHaveLength(total + 2);
      expect(new Set(titles).size).toBe(total + 2);
      const batches = spy.mock.calls.filter(([sql]) => String(sql).includes('FROM change_proposal c'));
      expect(EXPORT_BATCH_SIZE).toBe(500);
      expect(batches).toHaveLength(Math.ceil((total + 2) / 500)); // 7: six full batches and a last short one
      expect(batches.every(([, params]) => (params as unknown[])[6] === 500)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

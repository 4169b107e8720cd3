import { ensureDemoData } from '../helpers/demo';
import { apiSuite } from '../helpers/suite';

/** The demo tells the sustainment story: a change reviewed twice and still in force, and one that lapsed and reopened its barrier. */
const t = apiSuite();

const CHANGES = `{ changes(first: 50, filter: { status: [ADOPTED] }) { nodes { title barrier { status history { kind toStatus note } }
  sustainment { state inForceAtMonths reviews { months inForce isCancelled } measures { points { label value } } } } } }`;

async function login(email: string): Promise<string> {
  const payload = await t.api.mutation(`mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, { email, password: 'commonground' });
  return payload.token;
}

describe('the demo sustainment story', () => {
  it('holds a change with two reviews in force and a lapsed one that reopened its barrier', async () => {
    await ensureDemoData(t.server.db);
    const token = await login('pat.manager@northshore.example');
    const { changes } = await t.api.as(token).ok(CHANGES);
    const byTitle = Object.fromEntries(changes.nodes.map((c: { title: string }) => [c.title, c]));
    const kept = byTitle['Mandatory training offered in night-shift hours'];
    expect(kept.sustainment).toMatchObject({ state: 'IN_FORCE', inForceAtMonths: [6, 12], reviews: [{ months: 6, inForce: true }, { months: 12, inForce: true }] });
    expect(kept.sustainment.measures[0].points.map((p: { label: string }) => p.label)).toEqual(['Baseline', 'At adoption', '6-month review', '12-month review']);
    const lapsed = byTitle['Staff networks open to bank and agency staff'];
    expect(lapsed.sustainment).toMatchObject({ state: 'LAPSED', reviews: [{ months: 6, inForce: false }, { months: 12, isCancelled: true }] });
    expect(lapsed.barrier.status).toBe('OPEN');
    expect(lapsed.barrier.history.find((e: { toStatus: string; note: string | null }) => e.toStatus === 'OPEN' && e.note)).toMatchObject({ kind: 'BARRIER_STATUS_CHANGED', toStatus: 'OPEN', note: expect.stringContaining('no longer in force') });
    // The sponsor can sign in and follow changes.
    const sid = await login('sid.sponsor@northshore.example');
    const viewer = await t.api.as(sid).ok(`{ viewer { memberships { roles } } }`);
    expect(viewer.viewer.memberships[0].roles).toEqual(['SPONSOR']);
  });
});

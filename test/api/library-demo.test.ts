import { seedDemoLibrary } from '../../server/src/modules/library/library.seed';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { ensureDemoData } from '../helpers/demo';
import { libraryTestServer } from '../helpers/library';

const t = libraryTestServer();

const LIBRARY = `{ sharedCases(first: 10) { totalCount nodes { title summary whatChanged outcomeSummary organisationName sector outcome adaptationCount
  adaptations { nodes { organisationName changeStatus } } } } }`;

describe('the demo library', () => {
  it('publishes three anonymised Northshore cases, one adapted by Riverside, and does it once', async () => {
    await ensureDemoData(t.server.db);
    await seedDemoLibrary(t.server.db);
    await seedDemoLibrary(t.server.db);
    const casey = await t.server.db.getRepository(PersonEntity).findOneByOrFail({ email: 'casey.member@riverside.example' });
    const { sharedCases } = await t.api.as(await t.fx.make.signIn(casey)).ok(LIBRARY);
    expect(sharedCases.totalCount).toBe(3);
    const panels = sharedCases.nodes.find((c: { title: string }) => c.title.startsWith('Band 7 promotion panels'));
    expect(panels).toMatchObject({ organisationName: 'Northshore Health NHS Trust', outcome: 'ADOPTED', sector: 'HEALTH' });
    const adjustments = sharedCases.nodes.find((c: { title: string }) => c.title.startsWith('Disabled staff'));
    expect(adjustments).toMatchObject({ organisationName: null, adaptationCount: 1, adaptations: { nodes: [{ organisationName: 'Riverside Council', changeStatus: 'DRAFT' }] } });
    const text = JSON.stringify(sharedCases.nodes.map((c: object) => ({ ...c, adaptations: null })));
    for (const name of ['Sam', 'Jo ', 'Olu', 'Dee', 'Rae', 'Kit', 'Pat']) expect(text).not.toContain(name);
  });
});

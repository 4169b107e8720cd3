import { seedDemoLibrary } from '../../server/src/modules/library/library.seed';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { ensureDemoData } from '../helpers/demo';
import { libraryTestServer } from '../helpers/library';

const t = libraryTestServer();

const LIBRARY = `{ sharedCases(first: 30, search: "band promotion OR adjustments OR rota") { nodes { title summary whatChanged outcomeSummary organisationName sector outcome adaptationCount
  adaptations { nodes { organisationName changeStatus } } } } }`;

describe('the demo library', () => {
  it('publishes three anonymised Northshore cases, one adapted by Riverside, and does it once', async () => {
    await ensureDemoData(t.server.db);
    await seedDemoLibrary(t.server.db);
    await seedDemoLibrary(t.server.db);
    const casey = await t.server.db.getRepository(PersonEntity).findOneByOrFail({ email: 'casey.member@riverside.example' });
    const { sharedCases: found } = await t.api.as(await t.fx.make.signIn(casey)).ok(LIBRARY);
    const demoTitles = ['Band 7 promotion panels have no ethnic-minority members', 'Disabled staff wait months for reasonable adjustments', 'Night rota gives carers no predictable nights off'];
    const sharedCases = { nodes: found.nodes.filter((c: { title: string }) => demoTitles.includes(c.title)) };
    expect(sharedCases.nodes).toHaveLength(3);
    const panels = sharedCases.nodes.find((c: { title: string }) => c.title.startsWith('Band 7 promotion panels'));
    expect(panels).toMatchObject({ organisationName: 'Northshore Health NHS Trust', outcome: 'ADOPTED', sector: 'HEALTH' });
    const adjustments = sharedCases.nodes.find((c: { title: string }) => c.title.startsWith('Disabled staff'));
    expect(adjustments).toMatchObject({ organisationName: null, adaptationCount: 1, adaptations: { nodes: [{ organisationName: 'Riverside Council', changeStatus: 'DRAFT' }] } });
    const text = JSON.stringify(sharedCases.nodes.map((c: object) => ({ ...c, adaptations: null })));
    for (const name of ['Sam', 'Jo ', 'Olu', 'Dee', 'Rae', 'Kit', 'Pat']) expect(text).not.toContain(name);
  });
});

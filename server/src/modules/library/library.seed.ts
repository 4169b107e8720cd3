import type { DataSource } from 'typeorm';
import { createLogger } from '../../common/logger';
import type { Config } from '../../config';
import { type Context, createContext } from '../../context';
import { Viewer } from '../auth/viewer';
import { BarrierEntity } from '../barrier/barrier.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PairEntity } from '../pair/pair.entity';
import { MembershipEntity, Role } from '../person/membership.entity';
import { PersonEntity } from '../person/person.entity';
import { toGlobalId } from '../../common/relay';
import { RedactionAction } from './library.inputs';
import { CaseRedactionEntity, RedactionStatus, SharedCaseEntity } from './library.entity';
import { LibraryService } from './library.service';

/** The demo's Northshore barriers that become library cases, by title, and how each is published. */
const DEMO_CASES = [
  { barrier: 'Band 7 promotion panels have no ethnic-minority members', tags: ['promotion panels', 'race equality'], showOrganisationName: true },
  { barrier: 'Disabled staff wait months for reasonable adjustments', tags: ['reasonable adjustments', 'disability'], showOrganisationName: false },
  { barrier: 'Night rota gives carers no predictable nights off', tags: ['rotas', 'carers', 'flexible working'], showOrganisationName: false },
];
/** Riverside adapts this one, and shares how far it got. */
const ADAPTED_BY_RIVERSIDE = 'Disabled staff wait months for reasonable adjustments';

async function viewerFor(db: DataSource, email: string): Promise<Viewer> {
  const person = await db.getRepository(PersonEntity).findOneByOrFail({ email });
  const memberships = await db.getRepository(MembershipEntity).find({ where: { personId: person.id }, order: { createdAt: 'ASC' } });
  return new Viewer(person, memberships, 'demo-seed');
}

/** A context acting as one demo person, so the seed goes through the same rules as the API. */
async function actingAs(db: DataSource, email: string): Promise<Context> {
  const noHttp = { ip: '127.0.0.1', setSessionCookie: () => undefined, setDeviceCookie: () => undefined, clearSessionCookie: () => undefined };
  return createContext({ requestId: 'demo-seed', db, config: {} as Config, log: createLogger('silent'), viewer: await viewerFor(db, email), http: noHttp });
}

async function emailOf(db: DataSource, personId: string): Promise<string> {
  return (await db.getRepository(PersonEntity).findOneByOrFail({ id: personId })).email;
}

/**
 * Publishes the demo library: three anonymised cases from Northshore's barriers (drafted, every
 * flagged item redacted as the assistant proposed, consented by both co-learners, approved by Pat),
 * and one adapted by Riverside's Ash and Bo for Morgan to own. Does nothing if Northshore already
 * has cases, or if the demo organisations are not there. Call it after seedDemo.
 */
export async function seedDemoLibrary(db: DataSource): Promise<void> {
  const northshore = await db.getRepository(OrganisationEntity).findOneBy({ slug: 'northshore' });
  const riverside = await db.getRepository(OrganisationEntity).findOneBy({ slug: 'riverside' });
  if (!northshore || !riverside) return;
  if (await db.getRepository(SharedCaseEntity).existsBy({ organisationId: northshore.id })) return;
  const manager = await actingAs(db, 'pat.manager@northshore.example');

  for (const spec of DEMO_CASES) {
    const barrier = await db.getRepository(BarrierEntity).findOneBy({ organisationId: northshore.id, title: spec.barrier });
    if (!barrier) continue;
    const pair = await db.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId });
    const [senior, junior] = await Promise.all([actingAs(db, await emailOf(db, pair.seniorId)), actingAs(db, await emailOf(db, pair.juniorId))]);
    const drafted = await new LibraryService(junior).requestPublication({ barrierId: toGlobalId('Barrier', barrier.id), tags: spec.tags });
    for (;;) {
      const open = await db.getRepository(CaseRedactionEntity).findOneBy({ caseId: drafted.id, status: RedactionStatus.OPEN });
      if (!open) break;
      await new LibraryService(senior).resolveRedaction(open.id, RedactionAction.ACCEPT);
    }
    await new LibraryService(senior).consent(drafted.id, true);
    await new LibraryService(junior).consent(drafted.id, true);
    const published = await new LibraryService(manager).approve(drafted.id, spec.showOrganisationName);

    if (spec.barrier === ADAPTED_BY_RIVERSIDE) {
      const ash = await actingAs(db, 'ash.senior@riverside.example');
      const ashBo = await db.getRepository(PairEntity).findOneBy({ organisationId: riverside.id, seniorId: ash.viewer!.personId });
      const morgan = await db.getRepository(PersonEntity).findOneBy({ email: 'morgan.owner@riverside.example' });
      const owner = morgan && (await db.getRepository(MembershipEntity).findOneBy({ personId: morgan.id, organisationId: riverside.id }));
      if (ashBo && morgan && owner?.roles.includes(Role.OWNER)) {
        await new LibraryService(ash).adapt({
          caseId: toGlobalId('SharedCase', published.id),
          pairId: toGlobalId('Pair', ashBo.id),
          ownerId: toGlobalId('Person', morgan.id),
          title: 'Staff wait months for workplace adjustments',
          expectedImpact: 'Adjustments agreed within four weeks of a request for every Riverside service, measured from the HR case log.',
          shareProgress: true,
        });
      }
    }
  }
}

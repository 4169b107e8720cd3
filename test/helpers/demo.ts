import type { DataSource } from 'typeorm';
import { seedDemo } from '../../server/src/db/seed/demo';
import { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';

/** Seeds the demo organisations into the test database once; later calls find them there. */
export async function ensureDemoData(db: DataSource): Promise<void> {
  if (await db.getRepository(OrganisationEntity).existsBy({ slug: 'northshore' })) return;
  await seedDemo(db, Buffer.from(process.env.NOTES_ENCRYPTION_KEY!, 'base64'));
}

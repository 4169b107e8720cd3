import type { DataSource } from 'typeorm';
import { createPairLoaders } from './modules/pair/pair.loaders';
import { createIdentityLoaders } from './modules/person/person.loaders';

/** Every domain's per-request DataLoaders, one namespace per domain. */
export function createLoaders(db: DataSource) {
  return {
    identity: createIdentityLoaders(db),
    pair: createPairLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

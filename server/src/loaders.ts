import type { DataSource } from 'typeorm';
import { createLibraryLoaders } from './modules/library/library.loaders';
import { createIdentityLoaders } from './modules/person/person.loaders';

/** Every domain's per-request DataLoaders, one namespace per domain. */
export function createLoaders(db: DataSource) {
  return {
    identity: createIdentityLoaders(db),
    library: createLibraryLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

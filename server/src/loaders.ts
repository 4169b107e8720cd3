import type { DataSource } from 'typeorm';
import { createEvaluationLoaders } from './modules/evaluation/evaluation.loaders';
import { createIdentityLoaders } from './modules/person/person.loaders';

/** Every domain's per-request DataLoaders, one namespace per domain. */
export function createLoaders(db: DataSource) {
  return {
    identity: createIdentityLoaders(db),
    evaluation: createEvaluationLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

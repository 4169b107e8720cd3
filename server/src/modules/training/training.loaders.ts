import type { DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { PairEntity } from '../pair/pair.entity';
import { TrainingCompletionEntity, TrainingModuleEntity } from './training.entity';

export function createTrainingLoaders(db: DataSource) {
  return {
    moduleById: byId(db, TrainingModuleEntity),
    modulesByProgramme: manyBy(db, TrainingModuleEntity, 'programmeId', { position: 'ASC', createdAt: 'ASC' }),
    completionsByModule: manyBy(db, TrainingCompletionEntity, 'moduleId', { completedAt: 'ASC' }),
    /** Every pair of a programme, whatever its status: who is on which side. */
    pairsByProgramme: manyBy(db, PairEntity, 'programmeId', { createdAt: 'ASC' }),
  };
}

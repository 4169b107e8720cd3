import type { DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { TrainingCompletionEntity, TrainingModuleEntity } from './training.entity';

export function createTrainingLoaders(db: DataSource) {
  return {
    moduleById: byId(db, TrainingModuleEntity),
    modulesByProgramme: manyBy(db, TrainingModuleEntity, 'programmeId', { position: 'ASC', createdAt: 'ASC' }),
    completionsByModule: manyBy(db, TrainingCompletionEntity, 'moduleId', { completedAt: 'ASC' }),
  };
}

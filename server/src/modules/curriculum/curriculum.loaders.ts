import type { DataSource } from 'typeorm';
import { manyBy } from '../../common/loader-utils';
import { CurriculumMonthEntity } from './curriculum.entity';

export function createCurriculumLoaders(db: DataSource) {
  return {
    monthsByProgramme: manyBy(db, CurriculumMonthEntity, 'programmeId', { month: 'ASC' }),
  };
}

import type { DataSource } from 'typeorm';
import { manyBy } from '../../common/loader-utils';
import { MeasureValueEntity, SustainmentReviewEntity } from './sustainment.entity';

export function createSustainmentLoaders(db: DataSource) {
  return {
    reviewsByChange: manyBy(db, SustainmentReviewEntity, 'changeId', { months: 'ASC' }),
    valuesByChange: manyBy(db, MeasureValueEntity, 'changeId', { recordedAt: 'ASC' }),
  };
}

import type { DataSource } from 'typeorm';
import { manyBy } from '../../common/loader-utils';
import { EventEntity } from './event.entity';

export function createHistoryLoaders(db: DataSource) {
  return {
    /** A barrier's history includes its changes' events. */
    eventsByBarrier: manyBy(db, EventEntity, 'barrierId', { createdAt: 'ASC' }),
    eventsByChange: manyBy(db, EventEntity, 'changeId', { createdAt: 'ASC' }),
  };
}

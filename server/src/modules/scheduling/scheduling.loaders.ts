import type { DataSource } from 'typeorm';
import { aggregateBy } from '../../common/loader-utils';
import { BookingStatus, SessionBookingEntity } from './scheduling.entity';

export function createSchedulingLoaders(db: DataSource) {
  return {
    /** When each pair's next booked session starts (accepted, still ahead). */
    nextSessionAt: aggregateBy<SessionBookingEntity, Date>(db, SessionBookingEntity, 'pairId', 'min(row.starts_at) FILTER (WHERE row.starts_at > now())', { status: BookingStatus.ACCEPTED }),
  };
}

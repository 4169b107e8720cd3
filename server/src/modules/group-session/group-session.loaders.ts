import type { DataSource } from 'typeorm';
import { BarrierEntity } from '../barrier/barrier.entity';
import { byId, countBy, manyBy } from '../../common/loader-utils';
import { GroupSessionEntity, GroupSessionInviteeEntity } from './group-session.entity';

export function createGroupSessionLoaders(db: DataSource) {
  return {
    inviteeCount: countBy(db, GroupSessionInviteeEntity, 'sessionId'),
    session: byId(db, GroupSessionEntity),
    /** Barriers raised on behalf of a session's set, newest first. */
    barriersRaised: manyBy(db, BarrierEntity, 'raisedForGroupSessionId', { createdAt: 'DESC' }),
  };
}

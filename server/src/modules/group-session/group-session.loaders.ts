import type { DataSource } from 'typeorm';
import { countBy } from '../../common/loader-utils';
import { GroupSessionInviteeEntity } from './group-session.entity';

export function createGroupSessionLoaders(db: DataSource) {
  return {
    inviteeCount: countBy(db, GroupSessionInviteeEntity, 'sessionId'),
  };
}

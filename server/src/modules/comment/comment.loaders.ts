import type { DataSource } from 'typeorm';
import { countBy, manyBy } from '../../common/loader-utils';
import { CommentEntity } from './comment.entity';

export function createCommentLoaders(db: DataSource) {
  return {
    byBarrier: manyBy(db, CommentEntity, 'barrierId', { createdAt: 'ASC' }),
    byChange: manyBy(db, CommentEntity, 'changeId', { createdAt: 'ASC' }),
    countByChange: countBy(db, CommentEntity, 'changeId'),
  };
}

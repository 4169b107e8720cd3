import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyBy } from '../../common/loader-utils';
import { CommentEntity } from './comment.entity';

export function createCommentLoaders(db: DataSource) {
  return {
    byBarrier: manyBy(db, CommentEntity, 'barrierId', { createdAt: 'ASC' }),
    byChange: manyBy(db, CommentEntity, 'changeId', { createdAt: 'ASC' }),
    countByChange: new DataLoader<string, number>(async (changeIds) => {
      const rows: { change_id: string; count: string }[] = await db
        .getRepository(CommentEntity)
        .createQueryBuilder('c')
        .select('c.change_id', 'change_id')
        .addSelect('count(*)', 'count')
        .where({ changeId: In([...changeIds]) })
        .groupBy('c.change_id')
        .getRawMany();
      const counts = new Map(rows.map((r) => [r.change_id, Number(r.count)]));
      return changeIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

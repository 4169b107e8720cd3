import { DomainError, notFound, UserErrorCode } from '../../common/errors';
import { fromGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { BarrierService } from '../barrier/barrier.service';
import { ChangeEntity } from '../change/change.entity';
import { changePolicy } from '../change/change.policy';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { PairEntity } from '../pair/pair.entity';
import { CommentEntity } from './comment.entity';

export class CommentService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /**
   * Adds a comment to a barrier or a change the viewer may see. On a change, the pair and the owner
   * hear of it; on a barrier, the pair that raised it.
   */
  async add(subjectId: string, body: string): Promise<CommentEntity> {
    const { type } = fromGlobalId(subjectId);
    return this.ctx.db.transaction(async (tx) => {
      let organisationId: string;
      let barrierId: string | null = null;
      let changeId: string | null = null;
      let recipients: string[];
      if (type === 'Barrier') {
        const barrier = await new BarrierService(this.ctx).findVisible(subjectId, tx);
        const pair = await tx.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId });
        ({ organisationId } = barrier);
        barrierId = barrier.id;
        recipients = [pair.seniorId, pair.juniorId];
      } else if (type === 'Change') {
        const change = await tx.getRepository(ChangeEntity).findOneBy({ id: fromGlobalId(subjectId).id });
        if (!change || !changePolicy.canComment(this.viewer, change)) throw notFound('That change');
        const pair = await tx.getRepository(PairEntity).findOneByOrFail({ id: change.pairId });
        ({ organisationId } = change);
        changeId = change.id;
        recipients = [pair.seniorId, pair.juniorId, change.ownerId];
      } else {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Comments go on a barrier or a change.', ['input', 'subjectId']);
      }
      const comments = tx.getRepository(CommentEntity);
      const comment = await comments.save(comments.create({ organisationId, barrierId, changeId, authorId: this.viewer.personId, body: body.trim() }));
      const change = changeId ? await tx.getRepository(ChangeEntity).findOneByOrFail({ id: changeId }) : null;
      await notify(tx, recipients, {
        organisationId,
        kind: NotificationKind.COMMENT_ADDED,
        actorId: this.viewer.personId,
        barrierId: barrierId ?? change?.barrierId ?? null,
        changeId,
        commentId: comment.id,
      });
      return comment;
    });
  }
}


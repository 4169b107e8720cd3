import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import type { CommentEntity } from './comment.entity';

@ObjectType('Comment', { implements: Node, description: 'A comment on a barrier or a change.' })
export class Comment extends Node {
  entity: CommentEntity;

  @Field()
  body: string;

  /** Resolved in comment.resolver.ts: the day only where the author is hidden. */
  createdAt: Date;

  static from(entity: CommentEntity): Comment {
    return Object.assign(new Comment(), { entity, id: toGlobalId('Comment', entity.id), body: entity.body, createdAt: entity.createdAt });
  }
}

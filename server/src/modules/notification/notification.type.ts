import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { type NotificationEntity, NotificationKind } from './notification.entity';

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about.' });

@ObjectType('Notification', { implements: Node, description: 'Something that happened that the viewer should know about.' })
export class Notification extends Node {
  entity: NotificationEntity;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field()
  isRead: boolean;

  /** Resolved in notification.resolver.ts: the day only where the actor is hidden. */
  createdAt: Date;

  static from(entity: NotificationEntity): Notification {
    return Object.assign(new Notification(), {
      entity,
      id: toGlobalId('Notification', entity.id),
      kind: entity.kind,
      isRead: entity.readAt !== null,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(Notification, 'Notification') {}

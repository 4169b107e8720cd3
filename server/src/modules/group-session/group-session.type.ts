import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { type GroupSessionEntity, GroupSessionKind, GroupSessionStatus } from './group-session.entity';

registerEnumType(GroupSessionKind, { name: 'GroupSessionKind', description: 'Group coaching, an action-learning set, or the joint closing session.' });
registerEnumType(GroupSessionStatus, { name: 'GroupSessionStatus', description: 'SCHEDULED → HELD (attendance recorded), or CANCELLED.' });

@ObjectType('GroupSession', { implements: Node, description: 'A session for several pairs of a programme, run by a manager or a facilitator.' })
export class GroupSession extends Node {
  entity: GroupSessionEntity;

  @Field()
  title: string;

  @Field(() => GroupSessionKind)
  kind: GroupSessionKind;

  @Field(() => GroupSessionStatus)
  status: GroupSessionStatus;

  @Field({ description: 'Local wall time (YYYY-MM-DDTHH:mm) in `timeZone`.' })
  localStart: string;

  @Field()
  timeZone: string;

  @Field()
  startsAt: Date;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  videoLink: string | null;

  @Field(() => Int)
  sequence: number;

  @Field({ description: 'Where the invitation (.ics) downloads from, for invitees and whoever runs it.' })
  calendarUrl: string;

  static from(entity: GroupSessionEntity): GroupSession {
    const id = toGlobalId('GroupSession', entity.id);
    return Object.assign(new GroupSession(), {
      entity,
      id,
      title: entity.title,
      kind: entity.kind,
      status: entity.status,
      localStart: entity.localStart,
      timeZone: entity.timeZone,
      startsAt: entity.startsAt,
      durationMinutes: entity.durationMinutes,
      location: entity.location,
      videoLink: entity.videoLink,
      sequence: entity.sequence,
      calendarUrl: `/calendar/sessions/${id}.ics`,
    });
  }
}

@ObjectType('GroupSessionConnection')
export class GroupSessionConnection extends Connection(GroupSession, 'GroupSession') {}

@ObjectType('GroupSessionInvitee', { description: 'An invited co-learner and whether they came; attendance for whoever runs the session and the person themself.' })
export class GroupSessionInvitee {
  personId: string;

  @Field(() => Boolean, { nullable: true, description: 'Null until attendance is recorded.' })
  attended: boolean | null;
}

@ObjectType('GroupLearning', { description: 'Shared learning from a group session; it never names who said it.' })
export class GroupLearning {
  @Field()
  body: string;

  @Field({ description: 'YYYY-MM-DD' })
  recordedOn: string;
}

@ObjectType('RaisingSet', { description: 'The group session set a barrier was raised on behalf of: all anyone is shown of who raised it.' })
export class RaisingSet {
  @Field()
  title: string;

  @Field(() => GroupSessionKind)
  kind: GroupSessionKind;
}

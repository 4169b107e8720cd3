import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { type MembershipEntity, Role } from './membership.entity';
import type { PersonEntity } from './person.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do in an organisation.',
  valuesConfig: {
    CO_LEARNER: { description: 'Takes part in a co-learning pair; raises barriers and proposes changes.' },
    OWNER: { description: 'A leader who can make a change happen; decides the changes assigned to them.' },
    PROGRAMME_MANAGER: { description: 'Runs programmes, invites people, matches pairs, approves cases.' },
    COMMUNITY_MEMBER: { description: 'Browses and adapts cases in the community library.' },
  },
});

@ObjectType('Person', { implements: Node, description: 'Someone with an account.' })
export class Person extends Node {
  entity: PersonEntity;

  @Field()
  displayName: string;

  static from(entity: PersonEntity): Person {
    return Object.assign(new Person(), {
      entity,
      id: toGlobalId('Person', entity.id),
      displayName: entity.displayName,
    });
  }
}

@ObjectType('Membership', { implements: Node, description: "A person's place and roles in one organisation." })
export class Membership extends Node {
  entity: MembershipEntity;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'e.g. "Director of People".' })
  jobTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The part of the organisation they work in.' })
  division: string | null;

  @Field(() => Int, { nullable: true, description: 'Ordered level from 1 (most junior) to 20 (most senior); the matching assistant pairs by it.' })
  grade: number | null;

  @Field()
  joinedAt: Date;

  static from(entity: MembershipEntity): Membership {
    return Object.assign(new Membership(), {
      entity,
      id: toGlobalId('Membership', entity.id),
      roles: entity.roles,
      jobTitle: entity.jobTitle,
      division: entity.division,
      grade: entity.grade,
      joinedAt: entity.createdAt,
    });
  }
}

@ObjectType('MembershipConnection')
export class MembershipConnection extends Connection(Membership, 'Membership') {}

import { Field, ObjectType } from 'type-graphql';
import { Membership, Person } from '../person/person.type';
import type { Viewer } from './viewer';

@ObjectType('Viewer', { description: 'The signed-in person, with where they belong and what they may do.' })
export class ViewerType {
  viewer: Viewer;

  @Field(() => Person)
  person: Person;

  @Field()
  email: string;

  @Field({ description: 'Platform admins create organisations and grant programme managers.' })
  isPlatformAdmin: boolean;

  @Field(() => [Membership], { description: 'Every organisation the viewer belongs to, with their roles there.' })
  memberships: Membership[];

  static from(viewer: Viewer): ViewerType {
    return Object.assign(new ViewerType(), {
      viewer,
      person: Person.from(viewer.person),
      email: viewer.person.email,
      isPlatformAdmin: viewer.isPlatformAdmin,
      memberships: viewer.memberships.map(Membership.from),
    });
  }
}


import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { Cadence, type ProgrammeEntity, ProgrammeStatus } from './programme.entity';

registerEnumType(ProgrammeStatus, { name: 'ProgrammeStatus', description: 'PLANNED → ACTIVE → CLOSED.' });
registerEnumType(Cadence, { name: 'Cadence', description: 'How often co-learners meet.' });

@ObjectType('Programme', { implements: Node, description: 'A cohort of co-learning pairs, typically 6–12 months of monthly sessions.' })
export class Programme extends Node {
  entity: ProgrammeEntity;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  endsOn: string;

  @Field(() => Cadence)
  sessionCadence: Cadence;

  @Field(() => ProgrammeStatus)
  status: ProgrammeStatus;

  @Field(() => [Int], { description: 'When adopted changes are reviewed: months after adoption is confirmed.' })
  reviewMonths: number[];

  @Field()
  createdAt: Date;

  static from(entity: ProgrammeEntity): Programme {
    return Object.assign(new Programme(), {
      entity,
      id: toGlobalId('Programme', entity.id),
      name: entity.name,
      description: entity.description,
      startsOn: entity.startsOn,
      endsOn: entity.endsOn,
      sessionCadence: entity.sessionCadence,
      status: entity.status,
      reviewMonths: entity.reviewMonths,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('ProgrammeConnection')
export class ProgrammeConnection extends Connection(Programme, 'Programme') {}

import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { GoalStage, type GoalRatingEntity, type JournalEntryEntity } from './journal.entity';

registerEnumType(GoalStage, { name: 'GoalStage', description: 'START or END of the programme.' });

@ObjectType('JournalEntry', { implements: Node, description: 'An entry of your reflective journal: readable by you alone.' })
export class JournalEntry extends Node {
  @Field()
  body: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(entity: JournalEntryEntity, body: string): JournalEntry {
    return Object.assign(new JournalEntry(), { id: toGlobalId('JournalEntry', entity.id), body, createdAt: entity.createdAt, updatedAt: entity.updatedAt });
  }
}

@ObjectType('JournalEntryConnection')
export class JournalEntryConnection extends Connection(JournalEntry, 'JournalEntry') {}

@ObjectType('GoalRating', { description: "A person's own rating of their goals at the start or end of a programme." })
export class GoalRating {
  personId: string;

  @Field(() => GoalStage)
  stage: GoalStage;

  @Field()
  goals: string;

  @Field(() => Int)
  rating: number;

  @Field()
  sharedWithPartner: boolean;

  @Field({ description: 'Whether it is the viewer’s own.' })
  isMine: boolean;

  static from(entity: GoalRatingEntity, goals: string, isMine: boolean): GoalRating {
    return Object.assign(new GoalRating(), { personId: entity.personId, stage: entity.stage, goals, rating: entity.rating, sharedWithPartner: entity.sharedWithPartner, isMine });
  }
}

@ObjectType('GoalChangeFigure', { description: 'How self-ratings moved from start to end, over the people who gave both; withheld under five people.' })
export class GoalChangeFigure {
  @Field(() => Int, { nullable: true, description: 'People with both ratings; null when fewer than five (withheld).' })
  people: number | null;

  @Field(() => Float, { nullable: true })
  averageStart: number | null;

  @Field(() => Float, { nullable: true })
  averageEnd: number | null;

  @Field(() => Float, { nullable: true })
  averageChange: number | null;

  @Field(() => String, { nullable: true, description: 'Why the figure is withheld, if it is.' })
  note: string | null;
}

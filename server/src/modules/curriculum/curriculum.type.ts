import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/relay';
import type { CurriculumMonthEntity } from './curriculum.entity';

@ObjectType('CurriculumResource', { description: 'Background reading or material: a link, a short text, or both.' })
export class CurriculumResource {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  text: string | null;
}

@ObjectType('CurriculumMonth', { description: "One month of a programme's plan." })
export class CurriculumMonth {
  entity: CurriculumMonthEntity;

  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1 = the programme’s first month.' })
  month: number;

  @Field()
  topic: string;

  @Field({ description: 'Short guidance for the pair.' })
  guidance: string;

  @Field(() => [CurriculumResource])
  resources: CurriculumResource[];

  @Field(() => [String], { description: 'Reflection prompts.' })
  prompts: string[];

  static from(entity: CurriculumMonthEntity): CurriculumMonth {
    return Object.assign(new CurriculumMonth(), {
      entity,
      id: toGlobalId('CurriculumMonth', entity.id),
      month: entity.month,
      topic: entity.topic,
      guidance: entity.guidance,
      resources: entity.resources,
      prompts: entity.prompts,
    });
  }
}

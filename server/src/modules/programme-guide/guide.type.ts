import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/relay';
import { GuideStepKey, type GuideStepEntity } from './guide.entity';

registerEnumType(GuideStepKey, { name: 'GuideStepKey', description: 'A stage of running a programme.' });

@ObjectType('GuideStep', { description: "One step of the programme manager's guide, ticked when the app sees it done or a manager marks it." })
export class GuideStep {
  entity: GuideStepEntity;

  @Field(() => ID)
  id: string;

  @Field(() => GuideStepKey)
  key: GuideStepKey;

  @Field(() => Int)
  position: number;

  @Field()
  title: string;

  @Field()
  guidance: string;

  @Field(() => String, { nullable: true, description: 'When it is due (YYYY-MM-DD), from the programme’s start.' })
  dueOn: string | null;

  @Field({ description: 'Done: seen by the app, or marked by a manager.' })
  done: boolean;

  @Field({ description: 'What the app sees done, whatever a manager marked.' })
  seenDone: boolean;

  @Field({ description: 'What the app looks for to tick this step by itself.' })
  evidence: string;

  @Field(() => Date, { nullable: true, description: 'When a manager marked it done.' })
  markedDoneAt: Date | null;

  static from(entity: GuideStepEntity, dueOn: string | null, seenDone: boolean, evidence: string): GuideStep {
    return Object.assign(new GuideStep(), {
      entity,
      id: toGlobalId('GuideStep', entity.id),
      key: entity.key,
      position: entity.position,
      title: entity.title,
      guidance: entity.guidance,
      dueOn,
      done: seenDone || entity.markedDoneAt !== null,
      seenDone,
      evidence,
      markedDoneAt: entity.markedDoneAt,
    });
  }
}

import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventKind, type EventEntity } from './event.entity';

registerEnumType(EventKind, { name: 'EventKind', description: 'What happened.' });

@ObjectType('HistoryEvent', { description: 'One entry in the append-only history of a barrier or change.' })
export class HistoryEvent {
  entity: EventEntity;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field(() => String, { nullable: true })
  toStatus: string | null;

  @Field(() => String, { nullable: true, description: "A decision's outcome." })
  outcome: string | null;

  @Field(() => String, { nullable: true, description: "A decision's rationale." })
  rationale: string | null;

  @Field(() => Int, { nullable: true, description: 'A progress report\'s percentage.' })
  progress: number | null;

  @Field(() => String, { nullable: true, description: 'A progress note, a withdrawal reason, what was adopted, or a review note.' })
  note: string | null;

  @Field()
  at: Date;

  /** For CHANGE_OWNER_CHANGED: who the change was handed to. */
  ownerId: string | null;

  static from(entity: EventEntity): HistoryEvent {
    const d = entity.detail;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return Object.assign(new HistoryEvent(), {
      entity,
      kind: entity.kind,
      fromStatus: entity.fromStatus,
      toStatus: entity.toStatus,
      outcome: text(d.outcome),
      rationale: text(d.rationale),
      progress: typeof d.progress === 'number' ? d.progress : null,
      note: text(d.note) ?? text(d.reason) ?? text(d.policyOrProcess),
      at: entity.createdAt,
      ownerId: text(d.ownerId),
    });
  }
}

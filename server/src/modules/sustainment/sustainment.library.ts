import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import type { Context } from '../../context';
import { type ChangeEntity, ChangeStatus } from '../change/change.entity';
import { SharedCase } from '../library/library.type';
import { MeasureSeries, SustainmentState, sustainmentOf } from './sustainment.type';

const monthOnly = (d: Date) => d.toISOString().slice(0, 7);

@ObjectType({ description: "Whether an adopted change of a case is still in force, by its owner's reviews; months only, never days." })
export class CaseSustainment {
  @Field(() => SustainmentState)
  state: SustainmentState;
  @Field(() => [Int], { description: 'Review months at which it was confirmed in force, e.g. [6, 12].' })
  inForceAtMonths: number[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM of the latest review recorded.' })
  lastReviewedIn: string | null;
  @Field(() => [MeasureSeries], { description: "The measures over time, named as the case's (redacted) text names them." })
  measures: MeasureSeries[];
}

@Resolver(() => SharedCase)
export class SharedCaseSustainmentResolver {
  @Authorized()
  @FieldResolver(() => [CaseSustainment], { description: 'For each adopted change of the case, confirmed: is it still in force, and its measures over time.' })
  async sustainment(@Root() sharedCase: SharedCase, @Ctx() ctx: Context): Promise<CaseSustainment[]> {
    const entity = sharedCase.entity;
    const changes = (await ctx.loaders.change.change.loadMany(entity.sourceChangeIds)).filter((c): c is ChangeEntity => !!c && !(c instanceof Error));
    // The case's measures were copied from its changes in this order, then redacted: name each series as the case does.
    const caseMeasures = entity.measures;
    let index = 0;
    const result: CaseSustainment[] = [];
    for (const change of changes) {
      const first = index;
      index += change.successMeasures.length;
      if (change.status !== ChangeStatus.ADOPTED) continue;
      const [reviews, values] = await Promise.all([ctx.loaders.sustainment.reviewsByChange.load(change.id), ctx.loaders.sustainment.valuesByChange.load(change.id)]);
      const s = sustainmentOf(change, reviews, values, monthOnly);
      const recorded = reviews.filter((r) => r.recordedAt).map((r) => r.recordedAt!);
      result.push({
        state: s.state,
        inForceAtMonths: s.inForceAtMonths,
        lastReviewedIn: recorded.length ? monthOnly(recorded.sort((a, b) => b.getTime() - a.getTime())[0]) : null,
        measures: s.measures.map((m, i) => ({ ...m, metric: caseMeasures[first + i]?.metric ?? `Measure ${i + 1}`, unit: caseMeasures[first + i]?.unit ?? m.unit })),
      });
    }
    return result;
  }
}

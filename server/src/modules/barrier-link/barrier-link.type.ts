import { Field, Int, ObjectType } from 'type-graphql';
import { K_ANONYMITY } from '../../common/anonymity';
import type { Reach } from './barrier-link.service';

@ObjectType({
  description:
    'How widely a case’s barrier is reported across organisations: alike barriers (same category, a shared affected group, similar wording, or adapted from the case). Shown only when at least `threshold` organisations other than yours report one; organisations are never named.',
})
export class CrossOrganisationReach {
  @Field({ description: 'False while fewer than `threshold` organisations besides yours match; the figures are then null.' })
  shown: boolean;

  @Field(() => Int, { description: 'The fewest organisations, besides yours, for the figures to show.' })
  threshold: number;

  @Field(() => Int, { nullable: true, description: 'Organisations reporting an alike barrier (yours and the case’s included).' })
  organisations: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, how many adopted a change on it.' })
  withAdoptedChange: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of those, how many have an adopted change still in force at its 12-month sustainment review; null where that cannot be told yet.',
  })
  inForceAtTwelveMonths: number | null;

  @Field({ description: 'One line to show with the figures.' })
  summary: string;

  static from(reach: Reach): CrossOrganisationReach {
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const summary = !reach.shown
      ? `Shown once at least ${K_ANONYMITY} other organisations report a barrier like this one.`
      : `This barrier is reported in ${plural(reach.organisations!, 'organisation', 'organisations')}; ${reach.withAdoptedChange} adopted a change` +
        (reach.inForceAtTwelveMonths === null ? '.' : `; ${reach.inForceAtTwelveMonths} still in force at 12 months.`);
    return Object.assign(new CrossOrganisationReach(), { ...reach, threshold: K_ANONYMITY, summary });
  }
}

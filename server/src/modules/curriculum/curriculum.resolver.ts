import { Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { today } from '../../common/dates';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import type { Context } from '../../context';
import { SessionPrompts } from '../pair/pair.type';
import { Role } from '../person/membership.entity';
import { programmeMonthOn } from '../programme-template/programme-template.service';
import { Programme } from '../programme/programme.type';
import { RemoveCurriculumMonthInput, SaveCurriculumMonthInput } from './curriculum.inputs';
import { CurriculumMonthPayload } from './curriculum.payloads';
import { CurriculumService } from './curriculum.service';
import { CurriculumMonth } from './curriculum.type';

@Resolver(() => Programme)
export class CurriculumResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => CurriculumMonthPayload, { description: "Set one month of a programme's curriculum (topic, guidance, resources, prompts) until it closes." })
  saveCurriculumMonth(@InputArg(SaveCurriculumMonthInput) input: SaveCurriculumMonthInput, @Ctx() ctx: Context) {
    return mutate(CurriculumMonthPayload, input, async () => {
      const { programme, month } = await new CurriculumService(ctx).save(input);
      return { programme: Programme.from(programme), curriculumMonth: CurriculumMonth.from(month) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => CurriculumMonthPayload, { description: 'Take a month out of the curriculum.' })
  removeCurriculumMonth(@InputArg(RemoveCurriculumMonthInput) input: RemoveCurriculumMonthInput, @Ctx() ctx: Context) {
    return mutate(CurriculumMonthPayload, input, async () => ({ programme: Programme.from(await new CurriculumService(ctx).remove(input)) }));
  }

  @Authorized()
  @FieldResolver(() => [CurriculumMonth], { description: 'The month-by-month plan, first month first.', complexity: unpagedList })
  async curriculum(@Root() programme: Programme, @Ctx() ctx: Context): Promise<CurriculumMonth[]> {
    return (await ctx.loaders.curriculum.monthsByProgramme.load(programme.entity.id)).map(CurriculumMonth.from);
  }

  @Authorized()
  @FieldResolver(() => Int, { description: 'Which month of the programme today falls in (1 before it starts).' })
  currentMonth(@Root() programme: Programme): number {
    return programmeMonthOn(programme.entity, today());
  }
}

@Resolver(() => SessionPrompts)
export class CurriculumSessionPromptsResolver {
  @Authorized()
  @FieldResolver(() => CurriculumMonth, { nullable: true, description: "This month's curriculum topic, guidance, resources and prompts, if the programme plans one." })
  async curriculumMonth(@Root() prompts: SessionPrompts, @Ctx() ctx: Context): Promise<CurriculumMonth | null> {
    const pair = await ctx.loaders.pair.pair.load(prompts.pairId);
    const programme = pair && (await ctx.loaders.pair.programme.load(pair.programmeId));
    if (!programme) return null;
    const month = programmeMonthOn(programme, today());
    const planned = (await ctx.loaders.curriculum.monthsByProgramme.load(programme.id)).find((m) => m.month === month);
    return planned ? CurriculumMonth.from(planned) : null;
  }
}

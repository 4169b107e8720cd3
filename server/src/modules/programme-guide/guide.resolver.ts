import { Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { programmePolicy } from '../programme/programme.policy';
import { Programme } from '../programme/programme.type';
import { AddProgrammeGuideInput, MarkGuideStepInput } from './guide.inputs';
import { GuideStepPayload, ProgrammeGuidePayload } from './guide.payloads';
import { GuideService } from './guide.service';
import { GuideStep } from './guide.type';

@Resolver(() => Programme)
export class ProgrammeGuideResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => GuideStepPayload, { description: 'Tick (or untick) a step of the guide by hand, until the programme closes.' })
  markGuideStep(@InputArg(MarkGuideStepInput) input: MarkGuideStepInput, @Ctx() ctx: Context) {
    return mutate(GuideStepPayload, input, async () => ({ guideStep: await new GuideService(ctx).mark(input) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammeGuidePayload, { description: 'Give a programme made without a template the standard guide.' })
  addProgrammeGuide(@InputArg(AddProgrammeGuideInput) input: AddProgrammeGuideInput, @Ctx() ctx: Context) {
    return mutate(ProgrammeGuidePayload, input, async () => ({ guide: await new GuideService(ctx).addStandard(input) }));
  }

  @Authorized()
  @FieldResolver(() => [GuideStep], {
    nullable: true,
    description: "The programme manager's guide (recruit, train, match, launch, mid-point, evaluate, report, celebrate); for its managers (null for others).",
    complexity: unpagedList,
  })
  guide(@Root() programme: Programme, @Ctx() ctx: Context): Promise<GuideStep[]> | null {
    if (!programmePolicy.canManage(ctx.viewer as Viewer, programme.entity.organisationId)) return null;
    return new GuideService(ctx).stepsOf(programme.entity);
  }
}

import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { unpagedList } from '../../common/limits';
import type { Context } from '../../context';
import { OpenQuestionnairePayload } from '../evaluation/evaluation.payloads';
import { Questionnaire } from '../evaluation/evaluation.type';
import { Role } from '../person/membership.entity';
import { ProgrammePayload } from '../programme/programme.payloads';
import { Programme } from '../programme/programme.type';
import { CreateProgrammeFromTemplateInput, OpenClosingQuestionnaireInput, UpdateProgrammeDesignInput } from './programme-template.inputs';
import { ProgrammeDesignPayload } from './programme-template.payloads';
import { designView, ProgrammeTemplateService } from './programme-template.service';
import { ProgrammeDesign, ProgrammeTemplate } from './programme-template.type';
import { PROGRAMME_TEMPLATES } from './templates';

@Resolver(() => Programme)
export class ProgrammeTemplateResolver {
  @Authorized()
  @Query(() => [ProgrammeTemplate], { description: 'The ready-made programme shapes a manager can start from.', complexity: unpagedList })
  programmeTemplates(): ProgrammeTemplate[] {
    return PROGRAMME_TEMPLATES.map(ProgrammeTemplate.from);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammePayload, { description: 'Create a PLANNED programme from a template: length, cadence, wording, curriculum, training, guide, milestones and questionnaire are copied in, to edit.' })
  createProgrammeFromTemplate(@InputArg(CreateProgrammeFromTemplateInput) input: CreateProgrammeFromTemplateInput, @Ctx() ctx: Context) {
    return mutate(ProgrammePayload, input, async () => ({ programme: Programme.from(await new ProgrammeTemplateService(ctx).createFromTemplate(input)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammeDesignPayload, { description: "Edit a programme's wording, training rule and milestones until it closes." })
  updateProgrammeDesign(@InputArg(UpdateProgrammeDesignInput) input: UpdateProgrammeDesignInput, @Ctx() ctx: Context) {
    return mutate(ProgrammeDesignPayload, input, async () => {
      const { programme, design } = await new ProgrammeTemplateService(ctx).updateDesign(input);
      return { programme: Programme.from(programme), design: designView(programme, design) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => OpenQuestionnairePayload, { description: 'Open the closing questionnaire the programme planned (its title and questions).' })
  openClosingQuestionnaire(@InputArg(OpenClosingQuestionnaireInput) input: OpenClosingQuestionnaireInput, @Ctx() ctx: Context) {
    return mutate(OpenQuestionnairePayload, input, async () => ({
      questionnaire: Questionnaire.from(await new ProgrammeTemplateService(ctx).openClosingQuestionnaire(input.programmeId)),
    }));
  }

  @Authorized()
  @FieldResolver(() => ProgrammeDesign, { description: 'Its template, wording for each side, training rule, milestones and planned questionnaire.' })
  async design(@Root() programme: Programme, @Ctx() ctx: Context): Promise<ProgrammeDesign> {
    return designView(programme.entity, await ctx.loaders.programmeTemplate.designByProgramme.load(programme.entity.id));
  }
}

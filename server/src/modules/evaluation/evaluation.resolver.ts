import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate, notFound } from '../../common/errors';
import { ConnectionArgs, idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { DashboardAccess } from '../insight/insight.policy';
import { Dashboard } from '../insight/insight.type';
import { Role } from '../person/membership.entity';
import { QuestionnaireEntity, RespondentGroup } from './evaluation.entity';
import { CloseQuestionnaireInput, OpenQuestionnaireInput, SubmitQuestionnaireResponseInput } from './evaluation.inputs';
import { CloseQuestionnairePayload, OpenQuestionnairePayload, SubmitQuestionnaireResponsePayload } from './evaluation.payloads';
import { evaluationPolicy } from './evaluation.policy';
import { EvaluationService } from './evaluation.service';
import { Questionnaire, QuestionnaireConnection, QuestionnaireResults } from './evaluation.type';

@Resolver(() => Questionnaire)
export class QuestionnaireResolver {
  @Authorized()
  @Query(() => QuestionnaireConnection, { description: 'Questionnaires you run (as a programme manager) or are asked to answer (as a co-learner), newest first.' })
  async questionnaires(
    @Args() args: ConnectionArgs,
    @Arg('programmeId', () => ID, { nullable: true }) programmeId: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await new EvaluationService(ctx).list(args, programmeId ? idOf(programmeId, 'Programme') : null);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: Questionnaire.from(e.node) })), nodes: page.nodes.map(Questionnaire.from) };
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Query(() => QuestionnaireResults, { description: 'A questionnaire’s results, in aggregate only; for the organisation’s programme managers.' })
  async questionnaireResults(@Arg('questionnaireId', () => ID) questionnaireId: string, @Ctx() ctx: Context): Promise<QuestionnaireResults> {
    const service = new EvaluationService(ctx);
    const questionnaire = await service.visible(idOf(questionnaireId, 'Questionnaire'));
    if (!questionnaire) throw notFound('That questionnaire');
    return service.results(questionnaire);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => OpenQuestionnairePayload, { description: 'Open the end-of-programme questionnaire for a programme’s co-learners.' })
  openQuestionnaire(@InputArg(OpenQuestionnaireInput) input: OpenQuestionnaireInput, @Ctx() ctx: Context) {
    return mutate(OpenQuestionnairePayload, input, async () => ({
      questionnaire: Questionnaire.from(await new EvaluationService(ctx).open(idOf(input.programmeId, 'Programme'), input.title, input.questions)),
    }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => CloseQuestionnairePayload, { description: 'Stop taking responses.' })
  closeQuestionnaire(@InputArg(CloseQuestionnaireInput) input: CloseQuestionnaireInput, @Ctx() ctx: Context) {
    return mutate(CloseQuestionnairePayload, input, async () => ({
      questionnaire: Questionnaire.from(await new EvaluationService(ctx).close(idOf(input.questionnaireId, 'Questionnaire'))),
    }));
  }

  @Authorized()
  @Mutation(() => SubmitQuestionnaireResponsePayload, { description: 'Answer a questionnaire, once. Nobody can see who answered what.' })
  submitQuestionnaireResponse(@InputArg(SubmitQuestionnaireResponseInput) input: SubmitQuestionnaireResponseInput, @Ctx() ctx: Context) {
    return mutate(SubmitQuestionnaireResponsePayload, input, async () => ({
      questionnaire: Questionnaire.from(await new EvaluationService(ctx).respond(idOf(input.questionnaireId, 'Questionnaire'), input.answers)),
    }));
  }

  @Authorized()
  @FieldResolver(() => String, { description: 'The programme’s name.' })
  async programmeName(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.pair.programme.load(questionnaire.entity.programmeId))?.name ?? '';
  }

  @Authorized()
  @FieldResolver(() => RespondentGroup, { nullable: true, description: 'Your side of your pair in this programme, if you are one of its co-learners.' })
  viewerGroup(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): Promise<RespondentGroup | null> {
    return new EvaluationService(ctx).groupOf(questionnaire.entity.programmeId);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  viewerHasResponded(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): Promise<boolean> {
    return new EvaluationService(ctx).hasResponded(questionnaire.entity.id);
  }

  @Authorized()
  @FieldResolver(() => Boolean)
  async viewerCanRespond(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): Promise<boolean> {
    const service = new EvaluationService(ctx);
    const [group, responded] = await Promise.all([service.groupOf(questionnaire.entity.programmeId), service.hasResponded(questionnaire.entity.id)]);
    return evaluationPolicy.canRespond(questionnaire.entity, group, responded);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether you may close it and read its results.' })
  viewerCanManage(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): boolean {
    return evaluationPolicy.canManage(ctx.viewer as Viewer, questionnaire.entity.organisationId);
  }

  @Authorized()
  @FieldResolver(() => QuestionnaireResults, { nullable: true, description: 'Results in aggregate; null unless you manage the programme.' })
  results(@Root() questionnaire: Questionnaire, @Ctx() ctx: Context): Promise<QuestionnaireResults> | null {
    if (!evaluationPolicy.canManage(ctx.viewer as Viewer, questionnaire.entity.organisationId)) return null;
    return new EvaluationService(ctx).results(questionnaire.entity);
  }
}

@Resolver(() => Dashboard)
export class DashboardQuestionnaireResolver {
  @Authorized()
  @FieldResolver(() => Questionnaire, { nullable: true, description: 'The programme’s questionnaire, on a programme dashboard seen by a manager.' })
  async questionnaire(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<Questionnaire | null> {
    const { programmeId, access } = dashboard.scope;
    if (!programmeId || access !== DashboardAccess.FULL) return null;
    const entity = await ctx.db.getRepository(QuestionnaireEntity).findOneBy({ programmeId });
    return entity && Questionnaire.from(entity);
  }
}

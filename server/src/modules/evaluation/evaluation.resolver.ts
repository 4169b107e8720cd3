import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { DomainError, forbidden, InputArg, mutate, notFound } from '../../common/errors';
import { ConnectionArgs, idOf } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { DashboardAccess } from '../insight/insight.policy';
import { Dashboard } from '../insight/insight.type';
import { Role } from '../person/membership.entity';
import { PHASE_ORDER, QuestionnaireEntity, RespondentGroup } from './evaluation.entity';
import { QuestionBankService } from './evaluation.bank';
import { QuestionnaireComparisonService } from './evaluation.comparison';
import { AddBankQuestionInput, CloseQuestionnaireInput, OpenQuestionnaireInput, SubmitQuestionnaireResponseInput } from './evaluation.inputs';
import { AddBankQuestionPayload, CloseQuestionnairePayload, OpenQuestionnairePayload, SubmitQuestionnaireResponsePayload } from './evaluation.payloads';
import { evaluationPolicy } from './evaluation.policy';
import { EvaluationService } from './evaluation.service';
import { BankQuestion, Questionnaire, QuestionnaireComparison, QuestionnaireConnection, QuestionnaireResults } from './evaluation.type';

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
  @Query(() => [BankQuestion], { description: 'The question bank of an organisation you manage (the first by default): standard questions first, then those its managers added.' })
  async questionBank(@Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null, @Ctx() ctx: Context): Promise<BankQuestion[]> {
    const bank = new QuestionBankService(ctx);
    const orgId = await asQueryError(() => bank.managedOrganisation(organisationId ? idOf(organisationId, 'Organisation') : null));
    return (await bank.list(orgId)).map(BankQuestion.from);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => AddBankQuestionPayload, { description: 'Add a question to your organisation’s question bank, to ask in its questionnaires.' })
  addBankQuestion(@InputArg(AddBankQuestionInput) input: AddBankQuestionInput, @Ctx() ctx: Context) {
    return mutate(AddBankQuestionPayload, input, async () => ({
      question: BankQuestion.from(await new QuestionBankService(ctx).add(input.organisationId ? idOf(input.organisationId, 'Organisation') : null, input.kind, input.prompt)),
    }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Query(() => QuestionnaireComparison, {
    description:
      'How “% agreed” changed between two questionnaires of one programme, per group; a group is shown only with at least five respondents in both. For the organisation’s programme managers.',
  })
  questionnaireComparison(
    @Arg('fromQuestionnaireId', () => ID) fromId: string,
    @Arg('toQuestionnaireId', () => ID) toId: string,
    @Ctx() ctx: Context,
  ): Promise<QuestionnaireComparison> {
    return new QuestionnaireComparisonService(ctx).compare(idOf(fromId, 'Questionnaire'), idOf(toId, 'Questionnaire'));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => OpenQuestionnairePayload, { description: 'Open a questionnaire (baseline, mid-point or closing) for a programme’s co-learners.' })
  openQuestionnaire(@InputArg(OpenQuestionnaireInput) input: OpenQuestionnaireInput, @Ctx() ctx: Context) {
    return mutate(OpenQuestionnairePayload, input, async () => ({
      questionnaire: Questionnaire.from(
        await new EvaluationService(ctx).open({
          programmeId: idOf(input.programmeId, 'Programme'),
          phase: input.phase,
          title: input.title,
          questionIds: input.questionIds?.map((id) => idOf(id, 'BankQuestion')),
          questions: input.questions,
        }),
      ),
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
  @FieldResolver(() => Questionnaire, { nullable: true, description: 'The programme’s latest questionnaire (closing before mid-point before baseline), on a programme dashboard seen by a manager.' })
  async questionnaire(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<Questionnaire | null> {
    const { programmeId, access } = dashboard.scope;
    if (!programmeId || access !== DashboardAccess.FULL) return null;
    const all = await ctx.db.getRepository(QuestionnaireEntity).findBy({ programmeId });
    const latest = all.sort((a, b) => PHASE_ORDER.indexOf(b.phase) - PHASE_ORDER.indexOf(a.phase))[0];
    return latest ? Questionnaire.from(latest) : null;
  }

  @Authorized()
  @FieldResolver(() => QuestionnaireComparison, {
    nullable: true,
    description: 'The change between the programme’s first and last questionnaires, on a programme dashboard seen by a manager; null with fewer than two.',
  })
  async evaluationChange(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<QuestionnaireComparison | null> {
    const { programmeId, access } = dashboard.scope;
    if (!programmeId || access !== DashboardAccess.FULL) return null;
    return new QuestionnaireComparisonService(ctx).firstToLast(programmeId);
  }
}

/** A query that reuses a mutation-side check: its DomainError becomes the matching top-level error. */
async function asQueryError<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw error.code === 'FORBIDDEN' ? forbidden(error.message) : notFound('That organisation');
  }
}

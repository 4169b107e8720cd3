import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Pair } from '../pair/pair.type';
import { loadedTrainingGaps } from '../training/training.service';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import { ProgrammeStatus } from '../programme/programme.entity';
import { Programme } from '../programme/programme.type';
import { FixMatchingCoupleInput, ProgrammeMatchingInput, RunMatchingInput, SaveMatchingProfileInput, SetMatchingProposalFixedInput } from './matching.inputs';
import { ConfirmMatchingPayload, MatchingAssistantPayload, MatchingProfilePayload, WithdrawMatchingProfilePayload } from './matching.payloads';
import { matchingPolicy } from './matching.policy';
import { MatchingFocus } from './matching.rules';
import { MatchingService } from './matching.service';
import { MatchingAssistant, MatchingCandidateType, MatchingProfile, MatchingProposal } from './matching.type';

@Resolver()
export class MatchingResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Query(() => MatchingAssistant, { description: "A programme's matching assistant, for its managers." })
  async matchingAssistant(@Arg('programmeId', () => ID) programmeId: string, @Ctx() ctx: Context): Promise<MatchingAssistant> {
    return MatchingAssistant.from(await new MatchingService(ctx).view(programmeId));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => MatchingProfilePayload, { description: 'Opt in to matching in a programme, or change your profile.' })
  saveMatchingProfile(@InputArg(SaveMatchingProfileInput) input: SaveMatchingProfileInput, @Ctx() ctx: Context) {
    return mutate(MatchingProfilePayload, input, async () => ({ profile: MatchingProfile.from(await new MatchingService(ctx).saveProfile(input.programmeId, input)) }));
  }

  @Authorized(Role.CO_LEARNER)
  @Mutation(() => WithdrawMatchingProfilePayload, { description: 'Opt out of matching in a programme: your profile and any unconfirmed proposal with you go.' })
  withdrawMatchingProfile(@InputArg(ProgrammeMatchingInput) input: ProgrammeMatchingInput, @Ctx() ctx: Context) {
    return mutate(WithdrawMatchingProfilePayload, input, async () => {
      await new MatchingService(ctx).withdrawProfile(input.programmeId);
      return { withdrawn: true };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => MatchingAssistantPayload, { description: 'Run the assistant: fixed proposals stay, everyone else not yet paired is proposed afresh. Nothing is paired.' })
  runMatching(@InputArg(RunMatchingInput) input: RunMatchingInput, @Ctx() ctx: Context) {
    return mutate(MatchingAssistantPayload, input, async () => ({
      assistant: MatchingAssistant.from(await new MatchingService(ctx).run(input.programmeId, input.focus ?? MatchingFocus.MUTUAL, input.seniorFromGrade ?? null)),
    }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => MatchingAssistantPayload, { description: 'Keep a proposal through re-runs, or let the assistant reconsider it.' })
  setMatchingProposalFixed(@InputArg(SetMatchingProposalFixedInput) input: SetMatchingProposalFixedInput, @Ctx() ctx: Context) {
    return mutate(MatchingAssistantPayload, input, async () => ({ assistant: MatchingAssistant.from(await new MatchingService(ctx).setFixed(input.proposalId, input.fixed)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => MatchingAssistantPayload, { description: 'Propose a couple of your own, fixed; it replaces any unfixed proposal with either person. The hard rules still hold.' })
  fixMatchingCouple(@InputArg(FixMatchingCoupleInput) input: FixMatchingCoupleInput, @Ctx() ctx: Context) {
    return mutate(MatchingAssistantPayload, input, async () => ({
      assistant: MatchingAssistant.from(await new MatchingService(ctx).fixCouple(input.programmeId, input.seniorId, input.juniorId, input.replacesProposalId ?? null)),
    }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ConfirmMatchingPayload, { description: 'Confirm every proposal: each becomes a pair (PROPOSED until its contract is agreed), all or none.' })
  confirmMatching(@InputArg(ProgrammeMatchingInput) input: ProgrammeMatchingInput, @Ctx() ctx: Context) {
    return mutate(ConfirmMatchingPayload, input, async () => ({ pairs: (await new MatchingService(ctx).confirm(input.programmeId)).map(Pair.from) }));
  }
}

@Resolver(() => MatchingProposal)
export class MatchingProposalResolver {
  @Authorized()
  @FieldResolver(() => Person)
  async senior(@Root() proposal: MatchingProposal, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(proposal.entity.seniorId))!);
  }

  @Authorized()
  @FieldResolver(() => Person)
  async junior(@Root() proposal: MatchingProposal, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(proposal.entity.juniorId))!);
  }

  @Authorized()
  @FieldResolver(() => [String], {
    description: 'When the programme starts a pair only once both are trained: who still has to complete what, in words ("Sam Senior: Foundations"). Empty when they may start, or when the programme has no such rule.',
  })
  async trainingStillToComplete(@Root() proposal: MatchingProposal, @Ctx() ctx: Context): Promise<string[]> {
    const design = await ctx.loaders.programmeTemplate.designByProgramme.load(proposal.entity.programmeId);
    if (!design?.trainingRequired) return [];
    // The proposal as the pair it would become: the same sides, so the same modules.
    const gaps = await loadedTrainingGaps(ctx, proposal.entity);
    const names = await Promise.all(gaps.map((g) => ctx.loaders.identity.person.load(g.personId)));
    return gaps.map((g, i) => `${names[i]?.displayName ?? 'A co-learner'}: ${g.missing.map((m) => m.title).join(', ')}`);
  }
}

@Resolver(() => MatchingCandidateType)
export class MatchingCandidateResolver {
  @Authorized()
  @FieldResolver(() => Person)
  async person(@Root() candidate: MatchingCandidateType, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(candidate.personId))!);
  }
}

@Resolver(() => MatchingProfile)
export class MatchingProfileResolver {
  @Authorized()
  @FieldResolver(() => Person)
  async person(@Root() profile: MatchingProfile, @Ctx() ctx: Context): Promise<Person> {
    return Person.from((await ctx.loaders.identity.person.load(profile.entity.personId))!);
  }
}

@Resolver(() => Programme)
export class ProgrammeMatchingResolver {
  @Authorized()
  @FieldResolver(() => MatchingProfile, { nullable: true, description: "The viewer's own matching profile in this programme, if they opted in." })
  async viewerMatchingProfile(@Root() programme: Programme, @Ctx() ctx: Context): Promise<MatchingProfile | null> {
    const profile = await new MatchingService(ctx).profileOf(programme.entity, (ctx.viewer as Viewer).personId);
    return profile ? MatchingProfile.from(profile) : null;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may opt in to matching here (a co-learner of the organisation, programme not closed).' })
  viewerCanOptIn(@Root() programme: Programme, @Ctx() ctx: Context): boolean {
    return matchingPolicy.canKeepProfile(ctx.viewer as Viewer, programme.entity.organisationId) && programme.entity.status !== ProgrammeStatus.CLOSED;
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "Whether the viewer may run this programme's matching assistant." })
  viewerCanRunMatching(@Root() programme: Programme, @Ctx() ctx: Context): boolean {
    return matchingPolicy.canRunAssistant(ctx.viewer as Viewer, programme.entity.organisationId);
  }
}

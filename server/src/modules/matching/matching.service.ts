import { In, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf, toGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { OPEN_PAIR, PairEntity } from '../pair/pair.entity';
import { PairService } from '../pair/pair.service';
import { MembershipEntity, Role } from '../person/membership.entity';
import { PersonEntity } from '../person/person.entity';
import { managersByPerson } from '../person/reporting-line';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { MatchingProfileEntity, MatchingProposalEntity, MatchingRunEntity } from './matching.entity';
import { matchingPolicy } from './matching.policy';
import { hardRuleBroken, MatchingFocus, proposeMatches, scoreCouple, splitBySeniority, type MatchingCandidate } from './matching.rules';
import { ProgrammeDesignEntity } from '../programme-template/programme-design.entity';
import { DEFAULT_WORDING } from '../programme-template/templates';

export interface ProfileInput {
  topics: string[];
  availability: MatchingProfileEntity['availability'];
  hopes?: string | null;
  volunteeredCharacteristics: string[];
  useCharacteristics: boolean;
}

export interface CandidateView {
  candidate: MatchingCandidate;
  side: 'SENIOR' | 'JUNIOR' | null;
  /** Why the person is not in a proposal, when they are not. */
  unmatchedBecause: string | null;
}

export interface AssistantView {
  programme: ProgrammeEntity;
  run: MatchingRunEntity | null;
  proposals: MatchingProposalEntity[];
  candidates: CandidateView[];
}

/**
 * The matching assistant: people opt in with a profile; the manager runs the assistant, which
 * proposes an optimal assignment with reasons; fixes, adjusts and re-runs; and confirms, which
 * creates the pairs through the pair service. Nothing is paired until the manager confirms.
 */
export class MatchingService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  private async visibleProgramme(tx: EntityManager, programmeGlobalId: string, lock = false): Promise<ProgrammeEntity> {
    const id = idOf(programmeGlobalId, 'Programme');
    const programme = lock ? await findForUpdate(tx, ProgrammeEntity, id) : await tx.getRepository(ProgrammeEntity).findOneBy({ id });
    if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
    return programme;
  }

  /** Locks a programme the viewer manages and that is still open, for the assistant's writes. */
  private async managedProgramme(tx: EntityManager, programmeGlobalId: string): Promise<ProgrammeEntity> {
    const programme = await this.visibleProgramme(tx, programmeGlobalId, true);
    if (!matchingPolicy.canRunAssistant(this.viewer, programme.organisationId)) throw forbidden("Only the programme's managers run the matching assistant.");
    if (programme.status === ProgrammeStatus.CLOSED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme is closed.', ['input', 'programmeId']);
    return programme;
  }

  // --- profiles -------------------------------------------------------------------------------

  async saveProfile(programmeGlobalId: string, input: ProfileInput): Promise<MatchingProfileEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await this.visibleProgramme(tx, programmeGlobalId);
      if (!matchingPolicy.canKeepProfile(this.viewer, programme.organisationId)) throw forbidden('Co-learners of the organisation opt in to matching.');
      if (programme.status === ProgrammeStatus.CLOSED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme is closed.', ['input', 'programmeId']);
      const profiles = tx.getRepository(MatchingProfileEntity);
      const existing = await profiles.findOneBy({ programmeId: programme.id, personId: this.viewer.personId });
      const topics = [...new Map(input.topics.map((t) => [t.trim().toLowerCase(), t.trim()])).values()].filter(Boolean);
      return profiles.save({
        ...(existing ?? profiles.create({ programmeId: programme.id, organisationId: programme.organisationId, personId: this.viewer.personId })),
        topics,
        availability: [...new Set(input.availability)],
        hopes: input.hopes?.trim() ?? '',
        volunteeredCharacteristics: [...new Set(input.volunteeredCharacteristics)],
        useCharacteristics: input.useCharacteristics,
      });
    });
  }

  /** Opting out: the profile goes, and so do proposals not yet confirmed that include the person. */
  async withdrawProfile(programmeGlobalId: string): Promise<void> {
    await this.ctx.db.transaction(async (tx) => {
      const programme = await this.visibleProgramme(tx, programmeGlobalId, true);
      await tx.getRepository(MatchingProfileEntity).delete({ programmeId: programme.id, personId: this.viewer.personId });
      await tx.getRepository(MatchingProposalEntity).delete([
        { programmeId: programme.id, seniorId: this.viewer.personId },
        { programmeId: programme.id, juniorId: this.viewer.personId },
      ]);
    });
  }

  async profileOf(programme: ProgrammeEntity, personId: string): Promise<MatchingProfileEntity | null> {
    const profile = await this.ctx.db.getRepository(MatchingProfileEntity).findOneBy({ programmeId: programme.id, personId });
    return profile && matchingPolicy.canReadProfile(this.viewer, profile) ? profile : null;
  }

  // --- the assistant --------------------------------------------------------------------------

  async view(programmeGlobalId: string): Promise<AssistantView> {
    return this.ctx.db.transaction('REPEATABLE READ', async (tx) => {
      const programme = await this.visibleProgramme(tx, programmeGlobalId);
      if (!matchingPolicy.canRunAssistant(this.viewer, programme.organisationId)) throw forbidden("Only the programme's managers see the matching assistant.");
      return this.viewWithin(tx, programme);
    });
  }

  private async viewWithin(tx: EntityManager, programme: ProgrammeEntity): Promise<AssistantView> {
    const run = await tx.getRepository(MatchingRunEntity).findOneBy({ programmeId: programme.id });
    const proposals = await tx.getRepository(MatchingProposalEntity).find({ where: { programmeId: programme.id }, order: { fixed: 'DESC', score: 'DESC', id: 'ASC' } });
    const { candidates, busy } = await this.candidates(tx, programme);
    const split = splitBySeniority(candidates, run?.seniorFromGrade ?? null);
    const seniors = new Set(split.seniors.map((c) => c.personId));
    const proposed = new Set(proposals.flatMap((p) => [p.seniorId, p.juniorId]));
    return {
      programme,
      run,
      proposals,
      candidates: candidates.map((candidate) => ({
        candidate,
        side: candidate.grade === null ? null : seniors.has(candidate.personId) ? 'SENIOR' : 'JUNIOR',
        unmatchedBecause: proposed.has(candidate.personId)
          ? null
          : busy.has(candidate.personId)
            ? 'Already in a pair in this programme.'
            : candidate.grade === null
              ? 'No grade on their membership: add one on the Members page.'
              : run
                ? 'No eligible partner was left: every remaining partner is in their reporting line, not of the right grade, or already proposed.'
                : 'The assistant has not run yet.',
      })),
    };
  }

  /**
   * The people who opted in and are co-learners of the organisation, as the rules see them: grade,
   * division and reporting line from their membership, the rest from their profile; volunteered
   * characteristics only if they ticked "use for matching". `busy` holds those already in an open pair.
   */
  private async candidates(tx: EntityManager, programme: ProgrammeEntity): Promise<{ candidates: MatchingCandidate[]; busy: Set<string> }> {
    const profiles = await tx.getRepository(MatchingProfileEntity).findBy({ programmeId: programme.id });
    const personIds = profiles.map((p) => p.personId);
    if (personIds.length === 0) return { candidates: [], busy: new Set() };
    // One after another: a transaction has one connection.
    const memberships = await tx.getRepository(MembershipEntity).findBy({ organisationId: programme.organisationId, personId: In(personIds) });
    const people = await tx.getRepository(PersonEntity).findBy({ id: In(personIds) });
    const managers = await managersByPerson(tx, programme.organisationId);
    const openPairs = await tx.getRepository(PairEntity).findBy({ programmeId: programme.id, status: In(OPEN_PAIR) });
    const membershipOf = new Map(memberships.map((m) => [m.personId, m]));
    const nameOf = new Map(people.map((p) => [p.id, p.displayName]));
    const candidates = profiles
      .filter((profile) => {
        const membership = membershipOf.get(profile.personId);
        return membership && !membership.deactivatedAt && membership.roles.includes(Role.CO_LEARNER);
      })
      .map((profile): MatchingCandidate => {
        const membership = membershipOf.get(profile.personId)!;
        return {
          personId: profile.personId,
          name: nameOf.get(profile.personId) ?? 'Someone',
          grade: membership.grade,
          division: membership.division,
          managers: managers.get(profile.personId) ?? new Set(),
          topics: profile.topics,
          availability: profile.availability,
          characteristics: profile.useCharacteristics ? profile.volunteeredCharacteristics : [],
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { candidates, busy: new Set(openPairs.flatMap((p) => [p.seniorId, p.juniorId])) };
  }

  /**
   * Proposes couples for everyone not yet paired or in a fixed proposal: fixed proposals stay as
   * they are, the others are replaced by the optimal assignment of the rest.
   */
  async run(programmeGlobalId: string, focus: MatchingFocus, seniorFromGrade: number | null): Promise<AssistantView> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await this.managedProgramme(tx, programmeGlobalId);
      const proposals = tx.getRepository(MatchingProposalEntity);
      await proposals.delete({ programmeId: programme.id, fixed: false });
      const fixed = await proposals.findBy({ programmeId: programme.id });
      const taken = new Set(fixed.flatMap((p) => [p.seniorId, p.juniorId]));
      const { candidates, busy } = await this.candidates(tx, programme);
      const free = candidates.filter((c) => !taken.has(c.personId) && !busy.has(c.personId));
      // The split is decided on the whole cohort, so fixing a few couples does not move the line.
      const threshold = splitBySeniority(candidates, seniorFromGrade).seniorFromGrade;
      const { seniors, juniors } = splitBySeniority(free, threshold ?? Number.MAX_SAFE_INTEGER);
      const proposed = proposeMatches(seniors, juniors, focus);
      if (proposed.length) {
        await proposals.insert(
          proposed.map((p) => ({
            programmeId: programme.id,
            organisationId: programme.organisationId,
            seniorId: p.senior.personId,
            juniorId: p.junior.personId,
            score: p.score,
            reasons: p.reasons,
            fixed: false,
          })),
        );
      }
      await tx.getRepository(MatchingRunEntity).save({ programmeId: programme.id, focus, seniorFromGrade: threshold, ranById: this.viewer.personId });
      return this.viewWithin(tx, programme);
    });
  }

  /** Keeps a proposal through re-runs, or lets the assistant reconsider it. */
  async setFixed(proposalGlobalId: string, fixed: boolean): Promise<AssistantView> {
    return this.ctx.db.transaction(async (tx) => {
      const proposal = await this.lockProposal(tx, proposalGlobalId);
      const programme = await this.managedProgramme(tx, toGlobalId('Programme', proposal.programmeId));
      await tx.getRepository(MatchingProposalEntity).update(proposal.id, { fixed });
      return this.viewWithin(tx, programme);
    });
  }

  /**
   * The manager's own couple, fixed: it replaces `replacesProposalId` if given, and any unfixed
   * proposal that had either person (their partners wait for the next run). Hard rules still hold.
   */
  async fixCouple(programmeGlobalId: string, seniorGlobalId: string, juniorGlobalId: string, replacesProposalId: string | null): Promise<AssistantView> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await this.managedProgramme(tx, programmeGlobalId);
      const seniorId = idOf(seniorGlobalId, 'Person');
      const juniorId = idOf(juniorGlobalId, 'Person');
      const run = await tx.getRepository(MatchingRunEntity).findOneBy({ programmeId: programme.id });
      const { candidates, busy } = await this.candidates(tx, programme);
      const senior = candidates.find((c) => c.personId === seniorId);
      const junior = candidates.find((c) => c.personId === juniorId);
      if (!senior || !junior) {
        // In the programme's own words ("Choose a board member…", "Choose a reverse mentor…").
        const wording = (await tx.getRepository(ProgrammeDesignEntity).findOneBy({ programmeId: programme.id })) ?? DEFAULT_WORDING;
        const [label, field] = !senior ? [wording.seniorLabel, 'seniorId'] : [wording.juniorLabel, 'juniorId'];
        throw new DomainError(UserErrorCode.INVALID_INPUT, `Choose a ${label.toLowerCase()} who has opted in to matching in this programme.`, ['input', field]);
      }
      for (const [field, person] of [['seniorId', senior], ['juniorId', junior]] as const) {
        if (busy.has(person.personId)) throw new DomainError(UserErrorCode.ALREADY_EXISTS, `${person.name} is already in a pair in this programme.`, ['input', field]);
      }
      const broken = hardRuleBroken(senior, junior);
      if (broken) throw new DomainError(UserErrorCode.INVALID_INPUT, broken, ['input', 'juniorId']);

      const proposals = tx.getRepository(MatchingProposalEntity);
      const replaced = replacesProposalId ? await this.lockProposal(tx, replacesProposalId) : null;
      if (replaced && replaced.programmeId !== programme.id) throw notFound('That proposal');
      const involved = await proposals.find({ where: [{ programmeId: programme.id, seniorId: In([seniorId, juniorId]) }, { programmeId: programme.id, juniorId: In([seniorId, juniorId]) }] });
      const blocking = involved.find((p) => p.fixed && p.id !== replaced?.id);
      if (blocking) {
        const who = [seniorId, juniorId].find((id) => id === blocking.seniorId || id === blocking.juniorId)!;
        const name = candidates.find((c) => c.personId === who)?.name ?? 'Someone';
        throw new DomainError(UserErrorCode.CONFLICT, `${name} is in another fixed proposal: unfix it first.`, ['input', who === seniorId ? 'seniorId' : 'juniorId']);
      }
      const removed = [...involved.map((p) => p.id), ...(replaced ? [replaced.id] : [])];
      if (removed.length) await proposals.delete({ id: In(removed) });
      const { score, reasons } = scoreCouple(senior, junior, (run?.focus as MatchingFocus) ?? MatchingFocus.MUTUAL);
      await proposals.insert({ programmeId: programme.id, organisationId: programme.organisationId, seniorId, juniorId, score, reasons, fixed: true });
      return this.viewWithin(tx, programme);
    });
  }

  /** Creates a pair for every proposal, through the pair service (its rules and notifications), all or none. */
  async confirm(programmeGlobalId: string): Promise<PairEntity[]> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await this.managedProgramme(tx, programmeGlobalId);
      const proposals = await tx.getRepository(MatchingProposalEntity).find({ where: { programmeId: programme.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      if (proposals.length === 0) throw new DomainError(UserErrorCode.INVALID_INPUT, 'There are no proposals to confirm: run the assistant first.', ['input', 'programmeId']);
      const pairs = new PairService(this.ctx);
      const created: PairEntity[] = [];
      for (const proposal of proposals) {
        try {
          created.push(await pairs.pairWithin(tx, programme, proposal.seniorId, proposal.juniorId));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Someone's membership or pairing changed since the run: say who, and pair nobody.
          const names = await tx.getRepository(PersonEntity).findBy({ id: In([proposal.seniorId, proposal.juniorId]) });
          const couple = names.map((p) => p.displayName).join(' and ');
          throw new DomainError(error.code, `${couple} can no longer be paired (${error.message.replace(/\.$/, '')}). Nobody was paired: re-run the assistant and confirm again.`, ['input', 'programmeId']);
        }
      }
      await tx.getRepository(MatchingProposalEntity).delete({ programmeId: programme.id });
      return created;
    });
  }

  private async lockProposal(tx: EntityManager, proposalGlobalId: string): Promise<MatchingProposalEntity> {
    const proposal = await findForUpdate(tx, MatchingProposalEntity, idOf(proposalGlobalId, 'MatchingProposal'));
    if (!proposal || !matchingPolicy.canRunAssistant(this.viewer, proposal.organisationId)) throw notFound('That proposal');
    return proposal;
  }
}

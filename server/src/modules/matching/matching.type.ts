import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import { AffectedGroup } from '../barrier/barrier.entity';
import { Availability, type MatchingProfileEntity, type MatchingProposalEntity } from './matching.entity';
import { MatchingFocus } from './matching.rules';
import type { AssistantView, CandidateView } from './matching.service';

registerEnumType(Availability, { name: 'Availability', description: 'When and how a person can meet.' });
registerEnumType(MatchingFocus, {
  name: 'MatchingFocus',
  description: 'What the assistant weighs most; the hard rules are the same for all.',
  valuesConfig: {
    MUTUAL: { description: 'Reciprocal mentoring across the organisation: different divisions, then shared topics.' },
    REVERSE: { description: 'Board members with staff from under-represented groups: lived experience volunteered for matching counts most.' },
    FIT: { description: 'Coach-led: shared topics and availability count most.' },
  },
});

export enum MatchingSide {
  SENIOR = 'SENIOR',
  JUNIOR = 'JUNIOR',
}
registerEnumType(MatchingSide, { name: 'MatchingSide', description: 'Which side of a pair a person is on, by grade.' });

@ObjectType('MatchingProfile', { implements: Node, description: "A person's opt-in to matching in one programme; read by the person and the programme's managers only." })
export class MatchingProfile extends Node {
  entity: MatchingProfileEntity;

  @Field(() => [String], { description: 'Topics they want to explore, in their words.' })
  topics: string[];

  @Field(() => [Availability])
  availability: Availability[];

  @Field({ description: 'What they hope to learn.' })
  hopes: string;

  @Field(() => [AffectedGroup], { description: 'Protected characteristics they chose to tell the programme about.' })
  volunteeredCharacteristics: string[];

  @Field({ description: 'Whether they agreed that the assistant uses their volunteered characteristics; otherwise it never does.' })
  useCharacteristics: boolean;

  @Field()
  updatedAt: Date;

  static from(entity: MatchingProfileEntity): MatchingProfile {
    return Object.assign(new MatchingProfile(), { entity, id: toGlobalId('MatchingProfile', entity.id), ...pick(entity) });
  }
}

const pick = (e: MatchingProfileEntity) => ({
  topics: e.topics,
  availability: e.availability,
  hopes: e.hopes,
  volunteeredCharacteristics: e.volunteeredCharacteristics,
  useCharacteristics: e.useCharacteristics,
  updatedAt: e.updatedAt,
});

@ObjectType('MatchingProposal', { implements: Node, description: 'A couple the assistant or the manager proposes; confirming makes it a pair.' })
export class MatchingProposal extends Node {
  entity: MatchingProposalEntity;

  @Field(() => Int, { description: 'How well they fit, 0–100, under the focus of the last run.' })
  score: number;

  @Field(() => [String], { description: 'Why, in words the people could read ("different divisions", "both chose flexible working").' })
  reasons: string[];

  @Field({ description: 'Kept as it is when the assistant re-runs.' })
  fixed: boolean;

  static from(entity: MatchingProposalEntity): MatchingProposal {
    return Object.assign(new MatchingProposal(), { entity, id: toGlobalId('MatchingProposal', entity.id), score: entity.score, reasons: entity.reasons, fixed: entity.fixed });
  }
}

@ObjectType({ description: 'Someone who opted in to matching, as the assistant sees them.' })
export class MatchingCandidateType {
  personId: string;

  @Field(() => Int, { nullable: true })
  grade: number | null;

  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => MatchingSide, { nullable: true, description: 'Null without a grade.' })
  side: MatchingSide | null;

  @Field(() => String, { nullable: true, description: 'Why they are in no proposal; null when they are in one.' })
  unmatchedBecause: string | null;

  static from(view: CandidateView): MatchingCandidateType {
    return Object.assign(new MatchingCandidateType(), {
      personId: view.candidate.personId,
      grade: view.candidate.grade,
      division: view.candidate.division,
      side: view.side as MatchingSide | null,
      unmatchedBecause: view.unmatchedBecause,
    });
  }
}

@ObjectType({ description: "A programme's matching assistant: who opted in, the current proposals, and who is left." })
export class MatchingAssistant {
  programmeId: string;

  @Field(() => MatchingFocus, { nullable: true, description: 'The focus of the last run; null before the first.' })
  focus: MatchingFocus | null;

  @Field(() => Int, { nullable: true, description: 'People at or above this grade are seniors; chosen to split the cohort evenly unless the manager set it.' })
  seniorFromGrade: number | null;

  @Field(() => Date, { nullable: true })
  ranAt: Date | null;

  @Field(() => [MatchingProposal])
  proposals: MatchingProposal[];

  @Field(() => [MatchingCandidateType])
  candidates: MatchingCandidateType[];

  static from(view: AssistantView): MatchingAssistant {
    return Object.assign(new MatchingAssistant(), {
      programmeId: view.programme.id,
      focus: (view.run?.focus as MatchingFocus) ?? null,
      seniorFromGrade: view.run?.seniorFromGrade ?? null,
      ranAt: view.run?.ranAt ?? null,
      proposals: view.proposals.map(MatchingProposal.from),
      candidates: view.candidates.map(MatchingCandidateType.from),
    });
  }
}


import { monthOf } from '../../common/anonymity';
import { Field, Int, ObjectType } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { AffectedGroup, BarrierCategory } from '../barrier/barrier.entity';
import { Barrier } from '../barrier/barrier.type';
import { SuccessMeasure } from '../change/change.type';
import { Sector } from '../organisation/organisation.entity';
import {
  type CaseAdaptationEntity,
  CaseOutcome,
  type CaseRedactionEntity,
  CaseTextField,
  RedactionStatus,
  type SharedCaseEntity,
  SharedCaseStatus,
} from './library.entity';
import { contextAround, RedactionKind } from './redaction';
import { caseText } from './case-text';
import './library.enums';

@ObjectType('SharedCase', {
  implements: Node,
  description:
    'An anonymised write-up of a barrier, the changes made and the outcome. Published cases are readable by the whole community; ' +
    'drafts only by the pair who wrote them and their programme managers. It never shows the pair, the people or private notes.',
})
export class SharedCase extends Node {
  entity: SharedCaseEntity;

  @Field({ description: 'What the barrier was, in a line.' })
  title: string;

  @Field({ description: 'The barrier and its evidence.' })
  summary: string;

  @Field({ description: 'What changed in policy or process.' })
  whatChanged: string;

  @Field({ description: 'What came of it.' })
  outcomeSummary: string;

  @Field(() => [SuccessMeasure])
  measures: SuccessMeasure[];

  @Field(() => Sector, { description: 'The sector of the organisation where it happened (always shown, unlike the name).' })
  sector: Sector;

  @Field(() => BarrierCategory)
  category: BarrierCategory;

  @Field(() => [AffectedGroup])
  affectedGroups: AffectedGroup[];

  @Field(() => [String])
  tags: string[];

  @Field(() => CaseOutcome)
  outcome: CaseOutcome;

  @Field(() => SharedCaseStatus)
  status: SharedCaseStatus;

  @Field({ description: 'The month publication was requested (the 1st, midnight UTC): cases carry months, never moments.' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The month it was (last) published (the 1st, midnight UTC): cases carry months, never moments.' })
  publishedAt: Date | null;

  static from(entity: SharedCaseEntity): SharedCase {
    return Object.assign(new SharedCase(), {
      entity,
      id: toGlobalId('SharedCase', entity.id),
      title: entity.title,
      summary: entity.summary,
      whatChanged: entity.whatChanged,
      outcomeSummary: entity.outcomeSummary,
      measures: entity.measures.map(SuccessMeasure.from),
      sector: entity.sector,
      category: entity.category,
      affectedGroups: entity.affectedGroups,
      tags: entity.tags,
      outcome: entity.outcome,
      status: entity.status,
      requestedAt: monthOf(entity.createdAt),
      publishedAt: entity.publishedAt && monthOf(entity.publishedAt),
    });
  }
}

@ObjectType('CaseRedaction', { implements: Node, description: 'A piece of personal data the redaction assistant flagged in a case, and what was done about it.' })
export class CaseRedaction extends Node {
  entity: CaseRedactionEntity;

  @Field(() => CaseTextField)
  field: CaseTextField;

  @Field(() => Int, { nullable: true, description: 'Which measure (from 0), when the field is MEASURE.' })
  measureIndex: number | null;

  @Field(() => RedactionKind)
  kind: RedactionKind;

  @Field({ description: 'The text found.' })
  found: string;

  @Field(() => Int, { description: "Where the find starts in the field's current text (open flags), or started (resolved ones)." })
  start: number;

  @Field(() => Int)
  end: number;

  @Field({ description: 'The find with a little text around it, for review.' })
  context: string;

  @Field({ description: 'What the assistant proposes instead, e.g. "[a senior clinician]".' })
  proposedReplacement: string;

  @Field(() => String, { nullable: true, description: 'What was put in the text, once accepted or edited.' })
  appliedReplacement: string | null;

  @Field(() => RedactionStatus)
  status: RedactionStatus;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  static from(entity: CaseRedactionEntity, sharedCase: SharedCaseEntity): CaseRedaction {
    const text = caseText(sharedCase, entity.field, entity.measureIndex) ?? '';
    return Object.assign(new CaseRedaction(), {
      entity,
      id: toGlobalId('CaseRedaction', entity.id),
      field: entity.field,
      measureIndex: entity.measureIndex,
      kind: entity.kind,
      found: entity.found,
      start: entity.startOffset,
      end: entity.endOffset,
      context:
        entity.status === RedactionStatus.OPEN
          ? contextAround(text, entity.startOffset, entity.endOffset)
          : (entity.appliedReplacement ?? entity.found),
      proposedReplacement: entity.proposedReplacement,
      appliedReplacement: entity.appliedReplacement,
      status: entity.status,
      resolvedAt: entity.resolvedAt,
    });
  }
}

@ObjectType('CaseConsents', { description: "The co-learners' consent to the case's current text; any edit asks them again." })
export class CaseConsents {
  @Field({ description: 'The senior co-learner has consented.' })
  senior: boolean;
  @Field({ description: 'The junior co-learner has consented.' })
  junior: boolean;
  @Field({ description: 'Both have consented.' })
  complete: boolean;
}

@ObjectType('CaseAdaptation', {
  implements: Node,
  description:
    "A case adapted into another organisation as a barrier and a draft change there. Its organisation's name and its progress show only " +
    'where that organisation consented to share them (and always to its own members).',
})
export class CaseAdaptation extends Node {
  entity: CaseAdaptationEntity;

  @Field({ description: 'The month it was adapted (the 1st, midnight UTC), as another organisation may see it.' })
  adaptedAt: Date;

  @Field({ description: 'The adopting organisation consents to show its name and how far its change got.' })
  shareProgress: boolean;

  static from(entity: CaseAdaptationEntity): CaseAdaptation {
    return Object.assign(new CaseAdaptation(), {
      entity,
      id: toGlobalId('CaseAdaptation', entity.id),
      adaptedAt: monthOf(entity.createdAt),
      shareProgress: entity.shareProgress,
    });
  }
}

@ObjectType('FacetCount', { description: 'One value of a filter with how many cases it would show, e.g. "Recruitment (12)".' })
export class FacetCount {
  @Field({ description: 'The enum value, e.g. RECRUITMENT.' })
  value: string;
  @Field(() => Int, { description: 'Cases matching the search and the other filters, with this value.' })
  count: number;
  @Field({ description: 'This value is part of the current filter.' })
  selected: boolean;
}

@ObjectType('SharedCaseFacets', {
  description:
    'Counts for each filter value. Each dimension is counted with the search and every other dimension\'s filter applied, ' +
    'but not its own, so choosing a second category never hides the first.',
})
export class SharedCaseFacets {
  @Field({
    description:
      'True when the search matches so many cases (thousands) that these counts are estimated from a random sample of ' +
      'them rather than counted one by one: a value with a small share of the matches may show 0. Show them as "about".',
  })
  estimated: boolean;
  @Field(() => [FacetCount])
  sectors: FacetCount[];
  @Field(() => [FacetCount])
  categories: FacetCount[];
  @Field(() => [FacetCount])
  affectedGroups: FacetCount[];
  @Field(() => [FacetCount])
  outcomes: FacetCount[];
}

@ObjectType('CasePublicationCandidate', { description: "A barrier of one of the viewer's pairs, with the changes that could make it a case." })
export class CasePublicationCandidate {
  @Field(() => Barrier)
  barrier: Barrier;

  @Field(() => Int, { description: 'Changes past the draft stage and not withdrawn.' })
  changeCount: number;
}

@ObjectType('SharedCaseConnection')
export class SharedCaseConnection extends Connection(SharedCase, 'SharedCase') {}

@ObjectType('SharedCaseSearchConnection', { description: 'A page of the community library, with facet counts for its filters.' })
export class SharedCaseSearchConnection extends Connection(SharedCase, 'SharedCaseSearch') {
  facetCounts: () => Promise<SharedCaseFacets>;
  countIsEstimate: () => Promise<boolean>;

  @Authorized()
  @Field(() => Boolean, {
    description:
      'True when the list holds so many cases (thousands) that totalCount is estimated from a random sample of them ' +
      'rather than counted one by one; show it as "about".',
  })
  totalCountIsEstimate(): Promise<boolean> {
    return this.countIsEstimate();
  }

  @Authorized()
  @Field(() => SharedCaseFacets, { description: 'How many cases each filter value would show, for "Recruitment (12)".' })
  facets(): Promise<SharedCaseFacets> {
    return this.facetCounts();
  }
}

@ObjectType('CaseAdaptationConnection')
export class CaseAdaptationConnection extends Connection(CaseAdaptation, 'CaseAdaptation') {}

@ObjectType('CasePublicationCandidateConnection')
export class CasePublicationCandidateConnection extends Connection(CasePublicationCandidate, 'CasePublicationCandidate') {}

import type { DataSource } from 'typeorm';
import { createLibraryLoaders } from './modules/library/library.loaders';
import { createBarrierLoaders } from './modules/barrier/barrier.loaders';
import { createChangeLoaders } from './modules/change/change.loaders';
import { changeRelationsLoader } from './modules/change/change.relations';
import { createCommentLoaders } from './modules/comment/comment.loaders';
import { createHistoryLoaders } from './modules/history/history.loaders';
import { createPairLoaders } from './modules/pair/pair.loaders';
import { createEvaluationLoaders } from './modules/evaluation/evaluation.loaders';
import { createBarrierLinkLoaders } from './modules/barrier-link/barrier-link.loaders';
import { createIdentityLoaders } from './modules/person/person.loaders';
import { createProgrammeTemplateLoaders } from './modules/programme-template/programme-template.loaders';
import { createCurriculumLoaders } from './modules/curriculum/curriculum.loaders';
import { createTrainingLoaders } from './modules/training/training.loaders';
import { createGuideLoaders } from './modules/programme-guide/guide.loaders';
import { createSustainmentLoaders } from './modules/sustainment/sustainment.loaders';
import { createSchedulingLoaders } from './modules/scheduling/scheduling.loaders';
import { createGroupSessionLoaders } from './modules/group-session/group-session.loaders';

/** Every domain's per-request DataLoaders, one namespace per domain. */
export function createLoaders(db: DataSource) {
  const loaders = {
    identity: createIdentityLoaders(db),
    library: createLibraryLoaders(db),
    pair: createPairLoaders(db),
    barrier: createBarrierLoaders(db),
    change: createChangeLoaders(db),
    comment: createCommentLoaders(db),
    history: createHistoryLoaders(db),
    evaluation: createEvaluationLoaders(db),
    barrierLink: createBarrierLinkLoaders(db),
    programmeTemplate: createProgrammeTemplateLoaders(db),
    curriculum: createCurriculumLoaders(db),
    training: createTrainingLoaders(db),
    guide: createGuideLoaders(db),
    sustainment: createSustainmentLoaders(db),
    scheduling: createSchedulingLoaders(db),
    groupSession: createGroupSessionLoaders(db),
  };
  return { ...loaders, changeRelations: changeRelationsLoader(db, loaders) };
}

export type Loaders = ReturnType<typeof createLoaders>;

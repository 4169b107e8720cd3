import { QuestionKind } from '../evaluation/evaluation.entity';
import { GuideStepKey } from '../programme-guide/guide.entity';
import { Cadence } from '../programme/programme.entity';
import { TrainingSide } from '../training/training.entity';
import type { Milestone, PlannedQuestionnaire } from './programme-design.entity';

/** The programme shapes the product offers ready-made; a template is only ever copied, never referenced. */
export enum ProgrammeTemplateKey {
  MUTUAL_12_MONTH = 'MUTUAL_12_MONTH',
  BOARD_REVERSE_6_MONTH = 'BOARD_REVERSE_6_MONTH',
  RECIPROCAL = 'RECIPROCAL',
}

export interface TemplateCurriculumMonth {
  month: number;
  topic: string;
  guidance: string;
  resources: { title: string; url: string | null; text: string | null }[];
  prompts: string[];
}

export interface TemplateTrainingModule {
  side: TrainingSide;
  title: string;
  description: string;
  expectedHours: number;
}

export interface TemplateGuideStep {
  key: GuideStepKey;
  title: string;
  guidance: string;
  /** Months from the programme's start when the step is due; negative means before it starts. */
  dueMonth: number | null;
}

export interface ProgrammeTemplateDefinition {
  key: ProgrammeTemplateKey;
  name: string;
  summary: string;
  lengthMonths: number;
  sessionCadence: Cadence;
  seniorLabel: string;
  juniorLabel: string;
  trainingRequired: boolean;
  curriculum: TemplateCurriculumMonth[];
  training: TemplateTrainingModule[];
  milestones: Milestone[];
  questionnaire: PlannedQuestionnaire;
  guide: TemplateGuideStep[];
}

/** The reciprocal wording, used by programmes made without a template. */
export const DEFAULT_WORDING = { seniorLabel: 'Senior co-learner', juniorLabel: 'Junior co-learner' };

const month = (n: number, topic: string, guidance: string, prompts: string[], resources: TemplateCurriculumMonth['resources'] = []): TemplateCurriculumMonth => ({
  month: n,
  topic,
  guidance,
  prompts,
  resources,
});

/** The guide's eight steps; each template words the guidance and timing for its own shape. */
export function guide(lengthMonths: number, words: Partial<Record<GuideStepKey, string>>): TemplateGuideStep[] {
  const steps: [GuideStepKey, string, string, number | null][] = [
    [GuideStepKey.RECRUIT, 'Recruit participants', 'Invite both sides and make sure each has the co-learner role in this organisation.', -2],
    [GuideStepKey.TRAIN, 'Train both sides', 'Every paired person completes their side’s training modules.', -1],
    [GuideStepKey.MATCH, 'Match pairs', 'Pair people by fit: what each wants to learn, and who they would rather not be paired with.', -1],
    [GuideStepKey.LAUNCH, 'Launch the programme', 'Start the programme so that pairs can agree their contracts and meet.', 0],
    [GuideStepKey.MID_POINT, 'Mid-point review', 'Check in with every pair: are they meeting, what barriers have they named, who needs a nudge?', Math.floor(lengthMonths / 2)],
    [GuideStepKey.EVALUATE, 'Evaluate', 'Open the closing questionnaire, give people time to answer, then close it.', lengthMonths],
    [GuideStepKey.REPORT, 'Report', 'Take the results and the changes adopted to the people who commissioned the programme.', lengthMonths],
    [GuideStepKey.CELEBRATE, 'Celebrate', 'Thank the pairs and share what changed because of them.', lengthMonths],
  ];
  return steps.map(([key, title, guidance, dueMonth]) => ({ key, title, guidance: words[key] ?? guidance, dueMonth }));
}

const closingQuestions = (extra: string[]): PlannedQuestionnaire['questions'] => [
  ...extra.map((prompt) => ({ kind: QuestionKind.LIKERT, prompt })),
  { kind: QuestionKind.LIKERT, prompt: 'I would recommend this programme to a colleague.' },
  { kind: QuestionKind.TEXT, prompt: 'What was the most valuable thing you learned from your partner?' },
  { kind: QuestionKind.TEXT, prompt: 'What should the programme do differently next time?' },
];

const MUTUAL: ProgrammeTemplateDefinition = {
  key: ProgrammeTemplateKey.MUTUAL_12_MONTH,
  name: 'Mutual mentoring, 12 months',
  summary: 'A year-long cohort in a large employer: monthly one-hour sessions on set topics with background reading, piloted in one division first and ending in a policy change.',
  lengthMonths: 12,
  sessionCadence: Cadence.MONTHLY,
  seniorLabel: 'Mentor',
  juniorLabel: 'Mentee',
  trainingRequired: false,
  curriculum: [
    month(1, 'Getting to know each other', 'Share your stories and agree your contract: topics, ground rules, confidentiality.', ['What do you hope to learn from your partner?', 'What would make this a safe space for you?']),
    month(2, 'Racism at work', 'Read the background piece beforehand; talk about what each of you has seen or lived.', ['Where have you seen race shape who gets on here?', 'What did the reading make you notice?'], [
      { title: 'Race at Work Charter', url: 'https://www.bitc.org.uk/race/', text: null },
    ]),
    month(3, 'Micro-aggressions', 'Name everyday slights without judging each other; notice the ones that go unremarked.', ['Which everyday remarks or habits exclude people here?', 'How does it feel to be on the receiving end, and to be told about it?']),
    month(4, 'Allyship', 'Move from understanding to action: what does an ally do on a Tuesday afternoon?', ['When did someone stand up for you, or could have?', 'What one thing will you do differently this month?']),
    month(5, 'Recruitment and shortlists', 'Look at how people come into the organisation and who is missing.', ['Who decides shortlists in your area?', 'What would we need to see to know it is fair?']),
    month(6, 'Progression and promotion', 'Mid-point: look back at what you have learned and choose a barrier to work on.', ['Which barrier have we seen most clearly?', 'Who owns the process that could change it?']),
    month(7, 'Data and evidence', 'Find the figures that show the barrier: workforce data, surveys, stories.', ['What evidence would convince the person who owns this process?']),
    month(8, 'Designing a change', 'Turn the barrier into a proposal with an owner and a measure.', ['What exactly would change, and for whom?', 'How will we know it worked?']),
    month(9, 'Working with the owner', 'Meet or write to the owner; prepare for questions and objections.', ['What does the owner need from us to say yes?']),
    month(10, 'Culture and belonging', 'Step back from the proposal: how does the culture around you need to shift?', ['Where do people feel they belong here, and where not?']),
    month(11, 'Sustaining change', 'Plan how the change will last after the programme ends.', ['Who will keep this going when we stop meeting?']),
    month(12, 'Closing and policy change', 'Review your year, complete the questionnaire, and present the policy change to the organisation.', ['What has changed in you, and in the organisation?', 'What will you carry on doing?']),
  ],
  training: [
    { side: TrainingSide.BOTH, title: 'Programme briefing', description: 'What mutual mentoring is, the year’s topics, and how confidentiality works.', expectedHours: 1.5 },
  ],
  milestones: [
    { month: 0, title: 'Pilot division starts' },
    { month: 6, title: 'Mid-point review' },
    { month: 12, title: 'Policy change proposed across the company' },
  ],
  questionnaire: {
    title: 'Mutual mentoring: end-of-year questionnaire',
    month: 12,
    questions: closingQuestions(['The topics we covered helped me understand racism and micro-aggressions at work.', 'I now act as an ally more often than I did.']),
  },
  guide: guide(12, {
    [GuideStepKey.RECRUIT]: 'Start with a pilot division; invite senior leaders and colleagues from under-represented groups to apply.',
    [GuideStepKey.REPORT]: 'Present the policy change the pairs proposed to the executive, with the questionnaire results.',
  }),
};

const BOARD: ProgrammeTemplateDefinition = {
  key: ProgrammeTemplateKey.BOARD_REVERSE_6_MONTH,
  name: 'Board-led reverse mentoring, 6 months',
  summary: 'Board members are mentored by staff from under-represented groups for six months; a closing questionnaire’s “% agreed” results go to the board.',
  lengthMonths: 6,
  sessionCadence: Cadence.MONTHLY,
  seniorLabel: 'Board member',
  juniorLabel: 'Reverse mentor',
  trainingRequired: false,
  curriculum: [
    month(1, 'Lived experience', 'The reverse mentor leads: share what working here is like from where they stand.', ['What surprised the board member?', 'What does the board not see from where it sits?']),
    month(2, 'Seeing the organisation from the front line', 'Shadow or walk through a part of the service together.', ['What did we see that the board papers never show?']),
    month(3, 'Decisions and their effects', 'Take one recent board decision and trace who it affected and how.', ['Who was in the room when it was decided, and who was not?']),
    month(4, 'Barriers to progression', 'Look at who progresses into senior roles and why.', ['What stops people like the reverse mentor from reaching the board?']),
    month(5, 'What the board could change', 'Agree one change the board member will champion.', ['What will the board member do, by when, and how will we know?']),
    month(6, 'Reflection and report', 'Reflect together, answer the questionnaire, and agree what goes to the board.', ['What has the board member learned?', 'What should the board hear from this programme?']),
  ],
  training: [
    { side: TrainingSide.SENIOR, title: 'Being reverse-mentored', description: 'Listening without defending; how power shapes the conversation.', expectedHours: 2 },
    { side: TrainingSide.JUNIOR, title: 'Reverse mentor preparation', description: 'Telling your story safely, setting boundaries, and where to find support.', expectedHours: 3 },
  ],
  milestones: [
    { month: 0, title: 'Board launch' },
    { month: 3, title: 'Mid-point check-in with the chair' },
    { month: 6, title: 'Questionnaire results to the board' },
  ],
  questionnaire: {
    title: 'Reverse mentoring: closing questionnaire for the board',
    month: 6,
    questions: closingQuestions(['Reverse mentoring improved my ability and competence as an inclusive leader.', 'The board now understands barriers faced by staff from under-represented groups better.']),
  },
  guide: guide(6, {
    [GuideStepKey.RECRUIT]: 'Every board member takes part; invite staff from under-represented groups to volunteer as reverse mentors.',
    [GuideStepKey.REPORT]: 'Take the questionnaire’s “% agreed” figures and the changes championed to a board meeting.',
  }),
};

const RECIPROCAL: ProgrammeTemplateDefinition = {
  key: ProgrammeTemplateKey.RECIPROCAL,
  name: 'Reciprocal mentoring',
  summary: 'Both sides are trained before pairing; co-learners identify barriers together and take their learning to the level of systems.',
  lengthMonths: 12,
  sessionCadence: Cadence.MONTHLY,
  seniorLabel: 'Senior co-learner',
  juniorLabel: 'Junior co-learner',
  trainingRequired: true,
  curriculum: [
    month(1, 'Building the relationship', 'Agree your contract: the topics you both want, your ground rules and confidentiality.', ['What does each of us bring?', 'What do we want to change?']),
    month(2, 'Power and privilege', 'Talk openly about the power between you and how it shows at work.', ['When did power get in the way of honesty between us?']),
    month(3, 'Naming barriers', 'Name the organisational barriers each of you sees, with evidence.', ['Which barrier would make the biggest difference if removed?']),
    month(4, 'Evidence and corroboration', 'Gather evidence and see whether other pairs see the same barrier.', ['What evidence do we have, and what is missing?']),
    month(5, 'From barrier to proposal', 'Write a change proposal with an owner and measures.', ['Who owns the system that creates this barrier?']),
    month(6, 'Mid-point reflection', 'Review the relationship and the work so far.', ['What is working between us, and what is not?']),
    month(7, 'Influencing owners', 'Prepare to meet the owner of the change.', ['What will persuade them?']),
    month(8, 'Systems thinking', 'Look beyond one process: what system keeps the barrier in place?', ['What else would have to change for this to stick?']),
    month(9, 'Following through', 'Track the change and report progress.', ['What has the owner done since we last met?']),
    month(10, 'Learning across the organisation', 'Share what you have learned with other pairs and teams.', ['Who else should hear what we learned?']),
    month(11, 'Sustaining change', 'Plan how the change lasts.', ['Who carries this on after the programme?']),
    month(12, 'Closing', 'Reflect, answer the questionnaire, and consider sharing your case with the library.', ['What changed in the system because of us?']),
  ],
  training: [
    { side: TrainingSide.BOTH, title: 'Reciprocal mentoring foundations', description: 'Two days on co-learning, power, privilege and psychological safety, taken by both sides.', expectedHours: 14 },
    { side: TrainingSide.SENIOR, title: 'Senior co-learner: listening and acting', description: 'Half a day on hearing hard truths and using your authority to change systems.', expectedHours: 4 },
    { side: TrainingSide.JUNIOR, title: 'Junior co-learner: speaking up safely', description: 'Half a day on telling your story, boundaries and support.', expectedHours: 4 },
  ],
  milestones: [
    { month: -1, title: 'Training days completed' },
    { month: 0, title: 'Pairs start' },
    { month: 6, title: 'Mid-point review' },
    { month: 12, title: 'Celebration and report' },
  ],
  questionnaire: {
    title: 'Reciprocal mentoring: end-of-programme questionnaire',
    month: 12,
    questions: closingQuestions(['Co-learning with my partner changed how I see barriers to equality at work.', 'The changes our pair worked on made a real difference to how this organisation works.']),
  },
  guide: guide(12, {
    [GuideStepKey.TRAIN]: 'Both sides complete the training days before they are paired; no pair starts until both have.',
  }),
};

export const PROGRAMME_TEMPLATES: readonly ProgrammeTemplateDefinition[] = [MUTUAL, BOARD, RECIPROCAL];

export function templateOf(key: string): ProgrammeTemplateDefinition | undefined {
  return PROGRAMME_TEMPLATES.find((t) => t.key === key);
}

import type { Role } from '../gql/graphql';

export type SectionKey = 'barriers' | 'changes' | 'decisions' | 'programmes' | 'groupSessions' | 'journal' | 'insight' | 'questionnaires' | 'library' | 'members';

/** What each section is for, in a sentence; used for the navigation, the home page and "coming soon" pages. */
export const sectionInfo: Record<SectionKey, { title: string; path: string; summary: string; forRoles: Role[]; ready: boolean; everyone?: boolean }> = {
  barriers: {
    title: 'Barriers',
    path: '/barriers',
    summary: 'Name what gets in the way of equality, diversity and inclusion, with evidence, and see where other pairs see it too.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER'],
    ready: true,
  },
  changes: {
    title: 'Changes',
    path: '/changes',
    summary: 'Propose a change to a barrier, link it to the owner who can make it happen, and follow it until it is adopted.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'SPONSOR'],
    ready: true,
  },
  decisions: {
    title: 'Decisions',
    path: '/decisions',
    summary: 'Changes waiting for your decision: approve, reject or ask for changes, always with a reason; and adoptions to confirm.',
    forRoles: ['OWNER', 'SPONSOR'],
    ready: true,
  },
  programmes: {
    title: 'Programmes',
    path: '/programmes',
    summary: 'Run cohorts: create a programme, start and close it, and match senior and junior co-learners into pairs.',
    forRoles: ['PROGRAMME_MANAGER'],
    ready: true,
  },
  groupSessions: {
    title: 'Group sessions',
    path: '/group-sessions',
    summary: 'Group coaching, action-learning sets and the joint closing session: invitations, attendance and shared learning that names no one.',
    forRoles: ['PROGRAMME_MANAGER', 'CO_LEARNER'],
    ready: true,
  },
  journal: {
    title: 'Journal',
    path: '/journal',
    summary: 'Your private reflective journal between sessions: readable by you alone, stored encrypted.',
    forRoles: ['CO_LEARNER'],
    ready: true,
  },
  insight: {
    title: 'Insight',
    path: '/insight',
    summary: 'The change funnel, time to adoption, systemic barriers and pair activity, with a printable board report and CSV exports.',
    forRoles: ['PROGRAMME_MANAGER', 'OWNER'],
    ready: true,
  },
  questionnaires: {
    title: 'Questionnaires',
    path: '/questionnaires',
    summary: 'The end-of-programme evaluation: co-learners answer anonymously; results show only in groups of five or more.',
    forRoles: ['PROGRAMME_MANAGER', 'CO_LEARNER'],
    ready: true,
  },
  library: {
    title: 'Library',
    path: '/library',
    summary: 'Anonymised cases from organisations in the community of practice: what the barrier was, what changed, what happened.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER'],
    ready: true,
  },
  members: {
    title: 'Members',
    path: '/members',
    summary: 'Who takes part in your organisation and in which roles; programme managers invite people from here.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER'],
    ready: true,
    everyone: true,
  },
};

export const sectionOrder: SectionKey[] = ['barriers', 'changes', 'decisions', 'programmes', 'groupSessions', 'journal', 'insight', 'questionnaires', 'library', 'members'];

/** The sections this person's roles give them a reason to visit. */
export function sectionsFor(roles: readonly Role[]): SectionKey[] {
  return sectionOrder.filter((key) => sectionInfo[key].everyone || sectionInfo[key].forRoles.some((role) => roles.includes(role)));
}

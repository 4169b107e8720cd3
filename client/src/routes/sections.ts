import type { Role } from '../gql/graphql';

export type SectionKey = 'barriers' | 'changes' | 'decisions' | 'library' | 'members';

/** What each section is for, in a sentence; used on the home page and on "coming soon" pages. */
export const sectionInfo: Record<SectionKey, { title: string; path: string; summary: string; forRoles: Role[]; ready: boolean }> = {
  barriers: {
    title: 'Barriers',
    path: '/barriers',
    summary: 'Name what gets in the way of equality, diversity and inclusion, with evidence, and see where other pairs see it too.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER'],
    ready: false,
  },
  changes: {
    title: 'Changes',
    path: '/changes',
    summary: 'Propose a change to a barrier, link it to the owner who can make it happen, and follow it until it is adopted.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER'],
    ready: false,
  },
  decisions: {
    title: 'Decisions',
    path: '/decisions',
    summary: 'Changes waiting for your decision: approve, reject or ask for changes, always with a reason.',
    forRoles: ['OWNER'],
    ready: false,
  },
  library: {
    title: 'Library',
    path: '/library',
    summary: 'Anonymised cases from organisations in the community of practice: what the barrier was, what changed, what happened.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER'],
    ready: false,
  },
  members: {
    title: 'Members',
    path: '/members',
    summary: 'Who takes part in your organisation and in which roles; programme managers invite people from here.',
    forRoles: ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER'],
    ready: true,
  },
};

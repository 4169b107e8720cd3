import type { InvitationStatus, Role, Sector } from './gql/graphql';

/** Words people read, for the codes the API speaks. */
export const roleLabels: Record<Role, string> = {
  CO_LEARNER: 'Co-learner',
  OWNER: 'Owner',
  PROGRAMME_MANAGER: 'Programme manager',
  COMMUNITY_MEMBER: 'Community member',
};

export const roleDescriptions: Record<Role, string> = {
  CO_LEARNER: 'Takes part in a co-learning pair; raises barriers and proposes changes.',
  OWNER: 'A leader who can make a change happen; decides the changes assigned to them.',
  PROGRAMME_MANAGER: 'Runs programmes, invites people, matches pairs, approves cases.',
  COMMUNITY_MEMBER: 'Browses and adapts cases in the community library.',
};

export const allRoles: Role[] = ['CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER'];

export const sectorLabels: Record<Sector, string> = {
  HEALTH: 'Health',
  LOCAL_GOVERNMENT: 'Local government',
  CENTRAL_GOVERNMENT: 'Central government',
  EDUCATION: 'Education',
  FINANCE: 'Finance',
  PRIVATE: 'Private sector',
  CHARITY: 'Charity',
  OTHER: 'Other',
};

export const allSectors = Object.keys(sectorLabels) as Sector[];

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  PENDING: 'Waiting',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
};

export function roleList(roles: readonly Role[]): string {
  return roles.map((role) => roleLabels[role]).join(', ');
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

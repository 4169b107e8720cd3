import type { Availability, MatchingFocus } from '../../gql/graphql';

export const availabilityLabels: Record<Availability, string> = {
  WEEKDAY_MORNINGS: 'Weekday mornings',
  WEEKDAY_AFTERNOONS: 'Weekday afternoons',
  WEEKDAY_EVENINGS: 'Weekday evenings',
  ONLINE: 'Online',
  IN_PERSON: 'In person',
};

export const allAvailability = Object.keys(availabilityLabels) as Availability[];

export const focusOptions: readonly { value: MatchingFocus; label: string; hint: string }[] = [
  { value: 'MUTUAL', label: 'Mutual mentoring', hint: 'Different divisions first, then shared topics and time.' },
  { value: 'REVERSE', label: 'Reverse mentoring', hint: 'Lived experience volunteered for matching counts most (board with staff).' },
  { value: 'FIT', label: 'Fit of the conversation', hint: 'Shared topics and availability count most (coach-led).' },
];

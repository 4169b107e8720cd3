import type { Viewer } from '../auth/viewer';
import type { GoalRatingEntity, JournalEntryEntity } from './journal.entity';

/** A journal is its author's alone; a goal rating is its author's, and their partner's if shared. */
export const journalPolicy = {
  canRead: (viewer: Viewer, entry: JournalEntryEntity) => entry.authorId === viewer.personId,
  canReadRating: (viewer: Viewer, rating: GoalRatingEntity, partnerIds: string[]) =>
    rating.personId === viewer.personId || (rating.sharedWithPartner && partnerIds.includes(viewer.personId)),
};

import type { DataSource } from 'typeorm';
import { decryptNotes } from '../pair/notes-cipher';
import { ProgrammeEntity } from '../programme/programme.entity';
import { GoalRatingEntity, JournalEntryEntity } from './journal.entity';

/** The person's own journal and goal ratings, decrypted, for their own data download only. */
export async function collectMyJournal(db: DataSource, personId: string, notesKey: Buffer | undefined) {
  const open = (cipher: string) => (notesKey ? decryptNotes(notesKey, cipher) : null);
  const [entries, ratings] = await Promise.all([
    db.getRepository(JournalEntryEntity).find({ where: { authorId: personId }, order: { createdAt: 'ASC' } }),
    db.getRepository(GoalRatingEntity).find({ where: { personId }, order: { stage: 'DESC' } }),
  ]);
  const programmes = ratings.length ? await db.getRepository(ProgrammeEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids: ratings.map((r) => r.programmeId) }).getMany() : [];
  return {
    yourJournal: entries.map((e) => ({ writtenAt: e.createdAt, updatedAt: e.updatedAt, body: open(e.bodyCipher) })),
    yourGoalRatings: ratings.map((r) => ({
      programme: programmes.find((p) => p.id === r.programmeId)?.name ?? null,
      stage: r.stage,
      goals: open(r.goalsCipher),
      rating: r.rating,
      sharedWithPartner: r.sharedWithPartner,
    })),
  };
}

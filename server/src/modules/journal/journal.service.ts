import { DomainError, notFound, UserErrorCode } from '../../common/errors';
import { K_ANONYMITY } from '../../common/anonymity';
import { idOf, paginate, type ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { decryptNotes, encryptNotes } from '../pair/notes-cipher';
import type { PairEntity } from '../pair/pair.entity';
import { pairPolicy } from '../pair/pair.policy';
import { ProgrammeEntity } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { GoalRatingEntity, GoalStage, JournalEntryEntity } from './journal.entity';
import type { DeleteJournalEntryInput, RateMyGoalsInput, WriteJournalEntryInput } from './journal.inputs';
import { journalPolicy } from './journal.policy';
import { GoalChangeFigure, GoalRating, JournalEntry } from './journal.type';

export class JournalService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  private get key(): Buffer {
    return this.ctx.config.notesKey!;
  }

  private toEntry = (entity: JournalEntryEntity) => JournalEntry.from(entity, decryptNotes(this.key, entity.bodyCipher));

  async write(input: WriteJournalEntryInput): Promise<JournalEntry> {
    const entries = this.ctx.db.getRepository(JournalEntryEntity);
    const saved = await entries.save(entries.create({ authorId: this.viewer.personId, bodyCipher: encryptNotes(this.key, input.body.trim()) }));
    return this.toEntry(saved);
  }

  async delete(input: DeleteJournalEntryInput): Promise<void> {
    const result = await this.ctx.db.getRepository(JournalEntryEntity).delete({ id: idOf(input.entryId, 'JournalEntry'), authorId: this.viewer.personId });
    if (!result.affected) throw notFound('That journal entry');
  }

  /** The viewer's own entries, newest first. There is no way to list anyone else's. */
  mine(args: ConnectionArgs) {
    const query = this.ctx.db.getRepository(JournalEntryEntity).createQueryBuilder('j').where('j.author_id = :me', { me: this.viewer.personId });
    return paginate(
      query,
      { name: 'newest', direction: 'DESC', keys: [{ sql: 'j.created_at', value: (j) => j.createdAt }, { sql: 'j.id', value: (j) => j.id }] },
      args,
      this.toEntry,
    );
  }

  /** One entry, for its author only; null for everyone else (existence is not revealed). */
  async visible(id: string): Promise<JournalEntry | null> {
    const entity = await this.ctx.db.getRepository(JournalEntryEntity).findOneBy({ id });
    return entity && journalPolicy.canRead(this.viewer, entity) ? this.toEntry(entity) : null;
  }

  /** Rates the viewer's goals at the start or end of a programme they are a co-learner in; again to revise. */
  async rate(input: RateMyGoalsInput): Promise<GoalRating> {
    const programmeId = idOf(input.programmeId, 'Programme');
    const programme = await this.ctx.db.getRepository(ProgrammeEntity).findOneBy({ id: programmeId });
    if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
    const inPair = await this.ctx.db.query(`SELECT 1 FROM pair WHERE programme_id = $1 AND $2 IN (senior_id, junior_id) AND status <> 'PROPOSED' LIMIT 1`, [programmeId, this.viewer.personId]);
    if (!inPair.length) throw new DomainError(UserErrorCode.FORBIDDEN, 'Rate your goals in a programme where you are in a pair.', ['input', 'programmeId']);
    const ratings = this.ctx.db.getRepository(GoalRatingEntity);
    await ratings.upsert(
      { personId: this.viewer.personId, programmeId, stage: input.stage, goalsCipher: encryptNotes(this.key, input.goals.trim()), rating: input.rating, sharedWithPartner: input.shareWithPartner },
      ['personId', 'programmeId', 'stage'],
    );
    const saved = await ratings.findOneByOrFail({ personId: this.viewer.personId, programmeId, stage: input.stage });
    return GoalRating.from(saved, input.goals.trim(), true);
  }

  /** The pair's ratings in its programme that the viewer may read: their own, and the partner's shared ones. */
  async ofPair(pair: PairEntity): Promise<GoalRating[]> {
    if (!pairPolicy.isMember(this.viewer, pair)) return [];
    const rows = await this.ctx.db
      .getRepository(GoalRatingEntity)
      .createQueryBuilder('g')
      .where('g.programme_id = :programme AND g.person_id IN (:...people)', { programme: pair.programmeId, people: [pair.seniorId, pair.juniorId] })
      .orderBy('g.stage', 'DESC')
      .getMany();
    const partners = [pair.seniorId, pair.juniorId];
    return rows
      .filter((row) => journalPolicy.canReadRating(this.viewer, row, partners))
      .map((row) => GoalRating.from(row, decryptNotes(this.key, row.goalsCipher), row.personId === this.viewer.personId));
  }

  /** The programme's change in self-ratings, for its managers, over people with both ratings; withheld under K. */
  async changeOf(programme: ProgrammeEntity): Promise<GoalChangeFigure | null> {
    if (!programmePolicy.canManage(this.viewer, programme.organisationId)) return null;
    const [row]: { people: number; start: string | null; finish: string | null }[] = await this.ctx.db.query(
      `SELECT count(*)::int AS people, avg(s.rating)::text AS start, avg(e.rating)::text AS finish
       FROM goal_rating s JOIN goal_rating e ON e.person_id = s.person_id AND e.programme_id = s.programme_id AND e.stage = '${GoalStage.END}'
       WHERE s.programme_id = $1 AND s.stage = '${GoalStage.START}'`,
      [programme.id],
    );
    const figure = new GoalChangeFigure();
    if (row.people < K_ANONYMITY) {
      return Object.assign(figure, { people: null, averageStart: null, averageEnd: null, averageChange: null, note: `Shown once at least ${K_ANONYMITY} people have rated their goals at both the start and the end.` });
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    const start = Number(row.start);
    const end = Number(row.finish);
    return Object.assign(figure, { people: row.people, averageStart: round(start), averageEnd: round(end), averageChange: round(end - start), note: null });
  }

}

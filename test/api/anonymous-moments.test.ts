import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { CommentEntity } from '../../server/src/modules/comment/comment.entity';
import { NotificationEntity, NotificationKind } from '../../server/src/modules/notification/notification.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const CHANGE = `query ($id: ID!) { node(id: $id) { ... on Change {
  createdAt updatedAt submittedAt pair { id } comments { createdAt authorName }
} } }`;

const midnight = (iso: string) => iso.endsWith('T00:00:00.000Z');

/**
 * Issue 8: people other than the pair see the day, not the moment, of what the pair behind an
 * anonymous barrier did, so nothing lines it up with the time a session was logged: the change's
 * proposal, submission and last update, the pair's comments, and notifications of what they did.
 */
it('shows others only the day of the changes and comments of the pair behind an anonymous barrier, and the pair the moment', async () => {
  const organisation = await t.make.organisation();
  const { pair, junior } = await t.make.pair(organisation);
  const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const at = new Date('2026-11-03T14:37:21.123Z');
  const barrier = await t.make.barrier(pair, { attribution: Attribution.ANONYMOUS });
  const change = await t.make.change(barrier, owner.person.id, { status: ChangeStatus.SUBMITTED, submittedAt: at, createdAt: at });
  await t.server.db.getRepository(CommentEntity).save({ organisationId: organisation.id, changeId: change.id, authorId: junior.person.id, body: 'We can evidence this.', createdAt: at });
  await t.server.db.getRepository(CommentEntity).save({ organisationId: organisation.id, changeId: change.id, authorId: owner.person.id, body: 'Noted.', createdAt: at });

  await t.server.db.getRepository(NotificationEntity).save({
    recipientId: owner.person.id, organisationId: organisation.id, kind: NotificationKind.CHANGE_SUBMITTED,
    actorId: junior.person.id, barrierId: barrier.id, changeId: change.id, createdAt: at,
  });
  const told = (await t.api.as(owner.token).ok(`{ notifications(first: 5) { nodes { createdAt actorName } } }`)).notifications.nodes;
  expect(told).toEqual([{ createdAt: '2026-11-03T00:00:00.000Z', actorName: 'A co-learning pair' }]);

  for (const viewer of [owner, manager]) {
    const seen = (await t.api.as(viewer.token).ok(CHANGE, { id: gid('Change', change.id) })).node;
    expect(seen.pair).toBeNull();
    expect([seen.createdAt, seen.submittedAt, seen.updatedAt].every(midnight)).toBe(true);
    expect(seen.createdAt).toBe('2026-11-03T00:00:00.000Z');
    const byPair = seen.comments.find((c: { authorName: string }) => c.authorName === 'A co-learning pair');
    const byOwner = seen.comments.find((c: { authorName: string }) => c.authorName !== 'A co-learning pair');
    expect(byPair.createdAt).toBe('2026-11-03T00:00:00.000Z');
    expect(byOwner.createdAt).toBe(at.toISOString()); // the owner's own words are not the pair's
  }

  const asPair = (await t.api.as(junior.token).ok(CHANGE, { id: gid('Change', change.id) })).node;
  expect(asPair.createdAt).toBe(at.toISOString());
  expect(asPair.submittedAt).toBe(at.toISOString());
  expect(asPair.comments.map((c: { createdAt: string }) => c.createdAt)).toEqual([at.toISOString(), at.toISOString()]);
});

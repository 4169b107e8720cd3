import { Api, gid, libraryTestServer } from '../helpers/library';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus, DecisionEntity, DecisionOutcome } from '../../server/src/modules/change/change.entity';
import { CommentEntity } from '../../server/src/modules/comment/comment.entity';
import { InvitationEntity } from '../../server/src/modules/invitation/invitation.entity';
import { NotificationEntity, NotificationKind } from '../../server/src/modules/notification/notification.entity';
import { MentoringSessionEntity } from '../../server/src/modules/pair/pair.entity';
import { QuestionBankQuestionEntity, QuestionKind, QuestionnaireEntity } from '../../server/src/modules/evaluation/evaluation.entity';
import { DEFAULT_QUESTIONS } from '../../server/src/modules/evaluation/evaluation.service';

/**
 * Audit regression: one record of every Node type in an organisation, fetched through node(id) and
 * nodes(ids) by a member of another organisation (with every role), by a platform admin, and
 * signed out. Only what the rules allow comes back.
 */
const t = libraryTestServer();

async function everyNodeType() {
  const team = await t.fx.team();
  const { barrier, changes } = await t.fx.barrier(team, { changes: [{ status: ChangeStatus.SUBMITTED }] });
  await t.server.db.getRepository('barrier').update(barrier.id, { attribution: Attribution.ANONYMOUS });
  const draft = await t.fx.requestCase(t.api, team, barrier); // unpublished, with redactions
  const db = t.server.db;
  const session = await db.getRepository(MentoringSessionEntity).save({
    pairId: team.pair.id, heldOn: '2025-03-01', topics: ['Panels'], privateNotesCipher: null, sharedTakeaways: 'Shared', loggedById: team.senior.person.id,
  });
  const decision = await db.getRepository(DecisionEntity).save({ changeId: changes[0].id, deciderId: team.owner.person.id, outcome: DecisionOutcome.REQUEST_CHANGES, rationale: 'More detail' });
  const comment = await db.getRepository(CommentEntity).save({ organisationId: team.organisation.id, barrierId: barrier.id, changeId: null, authorId: team.junior.person.id, body: 'We see this on nights' });
  const notification = await db.getRepository(NotificationEntity).save({
    recipientId: team.junior.person.id, organisationId: team.organisation.id, kind: NotificationKind.COMMENT_ADDED, actorId: team.owner.person.id, barrierId: barrier.id, detail: {},
  });
  const invitation = await db.getRepository(InvitationEntity).save({
    organisationId: team.organisation.id, email: `invitee.${Date.now()}@test.example`, displayName: 'Invitee', roles: [Role.CO_LEARNER], tokenHash: `hash-${Date.now()}`, expiresAt: new Date(Date.now() + 86_400_000),
  });
  const questionnaire = await db.getRepository(QuestionnaireEntity).save({
    organisationId: team.organisation.id, programmeId: team.programme.id, title: 'End of programme', items: DEFAULT_QUESTIONS.map((q, i) => ({ key: `q${i + 1}`, ...q })), openedById: team.manager.person.id,
  });
  const bankQuestion = await db.getRepository(QuestionBankQuestionEntity).save({
    organisationId: team.organisation.id, kind: QuestionKind.LIKERT, prompt: `Our own question ${Date.now()}`, standard: false, addedById: team.manager.person.id,
  });
  const ids: Record<string, string> = {
    Organisation: gid('Organisation', team.organisation.id),
    Person: team.junior.globalId,
    Membership: gid('Membership', team.junior.membership!.id),
    Invitation: gid('Invitation', invitation.id),
    Programme: gid('Programme', team.programme.id),
    Pair: gid('Pair', team.pair.id),
    MentoringSession: gid('MentoringSession', session.id),
    Barrier: gid('Barrier', barrier.id),
    Change: gid('Change', changes[0].id),
    Decision: gid('Decision', decision.id),
    Comment: gid('Comment', comment.id),
    Notification: gid('Notification', notification.id),
    SharedCase: draft.id,
    CaseRedaction: draft.redactions[0].id,
    Questionnaire: gid('Questionnaire', questionnaire.id),
    BankQuestion: gid('BankQuestion', bankQuestion.id),
  };
  return { team, ids };
}

const NODE = `query ($id: ID!) { node(id: $id) { __typename id } }`;
const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('node and nodes across organisations', () => {
  it('a member of another organisation, with every role, sees none of it', async () => {
    const { ids } = await everyNodeType();
    const other = await t.fx.team();
    const everyRole = await t.fx.make.person({ organisation: other.organisation, roles: [Role.CO_LEARNER, Role.OWNER, Role.PROGRAMME_MANAGER, Role.COMMUNITY_MEMBER] });
    for (const [type, id] of Object.entries(ids)) {
      expect({ type, node: (await t.api.as(everyRole.token).ok(NODE, { id })).node }).toEqual({ type, node: null });
    }
    const { nodes } = await t.api.as(everyRole.token).ok(NODES, { ids: Object.values(ids) });
    expect(nodes).toEqual(Object.values(ids).map(() => null));
  });

  it('a platform admin sees the organisation and its people (to grant managers), nothing of its programme', async () => {
    const { ids } = await everyNodeType();
    const admin = await t.fx.make.admin();
    const visible = ['Organisation', 'Person', 'Membership', 'Invitation'];
    const { nodes } = await t.api.as(admin.token).ok(NODES, { ids: Object.values(ids) });
    const seen = Object.keys(ids).filter((_, i) => nodes[i] !== null);
    expect(seen.sort()).toEqual(visible.sort());
  });

  it('signed out, node and nodes are UNAUTHENTICATED', async () => {
    const { ids } = await everyNodeType();
    expect(Api.codes(await t.api.request(NODE, { id: ids.Barrier }))).toEqual(['UNAUTHENTICATED']);
    expect(Api.codes(await t.api.request(NODES, { ids: Object.values(ids) }))).toEqual(['UNAUTHENTICATED']);
  });

  it('inside the organisation: an anonymous barrier hides its pair from the owner; the session and draft stay with the pair and managers', async () => {
    const { team, ids } = await everyNodeType();
    const Q = `query ($b: ID!, $s: ID!, $c: ID!) {
      b: node(id: $b) { ... on Barrier { raisedBy { id } comments { author { id } authorName } history { actor { id } } changes { pair { id } } } }
      s: node(id: $s) { id }
      c: node(id: $c) { id } }`;
    const asOwner = await t.api.as(team.owner.token).ok(Q, { b: ids.Barrier, s: ids.MentoringSession, c: ids.SharedCase });
    expect(asOwner.b.raisedBy).toBeNull();
    expect(asOwner.b.comments).toEqual([{ author: null, authorName: 'A co-learning pair' }]);
    expect(asOwner.b.changes).toEqual([{ pair: null }]);
    expect(asOwner.s).toBeNull();
    expect(asOwner.c).toBeNull();
    const asJunior = await t.api.as(team.junior.token).ok(Q, { b: ids.Barrier, s: ids.MentoringSession, c: ids.SharedCase });
    expect(asJunior.b.raisedBy).toEqual({ id: ids.Pair });
  });
});

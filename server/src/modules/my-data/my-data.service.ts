import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { BarrierCorroborationEntity, BarrierEntity } from '../barrier/barrier.entity';
import { ChangeEntity, DecisionEntity } from '../change/change.entity';
import { CommentEntity } from '../comment/comment.entity';
import { QuestionnaireEntity, QuestionnaireParticipationEntity } from '../evaluation/evaluation.entity';
import { CaseConsentEntity, CaseEndorsementEntity, SharedCaseEntity } from '../library/library.entity';
import { NotificationEntity } from '../notification/notification.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { decryptNotes } from '../pair/notes-cipher';
import { ContractVersionEntity, MentoringSessionEntity, PairEntity } from '../pair/pair.entity';
import { MembershipEntity } from '../person/membership.entity';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { collectMyJournal } from '../journal/journal.export';

/**
 * Everything Common Ground holds about the signed-in person, in the organisations they belong to,
 * for them to download: what they wrote, what their pairs wrote (their private session notes too,
 * which only the two of them can read), what they decided, and what they were told. Questionnaire
 * answers are stored without a name, so only the fact of taking part can be given.
 */
export async function collectMyData(db: DataSource, viewer: Viewer, notesKey: Buffer | undefined) {
  const me = viewer.personId;
  const organisationIds = viewer.organisationIds;
  const inMine = In(organisationIds);

  const person = await db.getRepository(PersonEntity).findOneByOrFail({ id: me });
  const memberships = await db.getRepository(MembershipEntity).findBy({ personId: me, organisationId: inMine });
  const organisations = await db.getRepository(OrganisationEntity).findBy({ id: inMine });
  const pairs = await db.getRepository(PairEntity).find({
    where: [
      { seniorId: me, organisationId: inMine },
      { juniorId: me, organisationId: inMine },
    ],
    order: { createdAt: 'ASC' },
  });
  const pairIds = pairs.map((pair) => pair.id);
  const [programmes, contracts, sessions, barriers, corroborations, proposed, owned, decisions, comments, consents, endorsements, participations, notifications, signIns] =
    await Promise.all([
      db.getRepository(ProgrammeEntity).findBy({ id: In(pairs.map((pair) => pair.programmeId)) }),
      db.getRepository(ContractVersionEntity).find({ where: { pairId: In(pairIds) }, order: { version: 'ASC' } }),
      db.getRepository(MentoringSessionEntity).find({ where: { pairId: In(pairIds) }, order: { heldOn: 'ASC' } }),
      db.getRepository(BarrierEntity).find({ where: { pairId: In(pairIds) }, order: { createdAt: 'ASC' } }),
      db.getRepository(BarrierCorroborationEntity).find({ where: { pairId: In(pairIds) }, order: { createdAt: 'ASC' } }),
      db.getRepository(ChangeEntity).find({ where: { pairId: In(pairIds) }, order: { createdAt: 'ASC' } }),
      db.getRepository(ChangeEntity).find({ where: { ownerId: me, organisationId: inMine }, order: { createdAt: 'ASC' } }),
      db.getRepository(DecisionEntity).find({ where: { deciderId: me }, order: { createdAt: 'ASC' } }),
      db.getRepository(CommentEntity).find({ where: { authorId: me, organisationId: inMine }, order: { createdAt: 'ASC' } }),
      db.getRepository(CaseConsentEntity).find({ where: { personId: me }, order: { createdAt: 'ASC' } }),
      db.getRepository(CaseEndorsementEntity).find({ where: { personId: me }, order: { createdAt: 'ASC' } }),
      db.getRepository(QuestionnaireParticipationEntity).find({ where: { personId: me } }),
      db.getRepository(NotificationEntity).find({ where: { recipientId: me, organisationId: inMine }, order: { createdAt: 'ASC' } }),
      db.getRepository(AuthSessionEntity).find({ where: { personId: me }, order: { createdAt: 'ASC' } }),
    ]);

  const caseIds = [...consents, ...endorsements].map((row) => row.caseId);
  const questionnaireIds = participations.map((row) => row.questionnaireId);
  const changeIds = decisions.map((d) => d.changeId).concat(comments.flatMap((c) => (c.changeId ? [c.changeId] : [])));
  const barrierIds = corroborations.map((c) => c.barrierId).concat(comments.flatMap((c) => (c.barrierId ? [c.barrierId] : [])), owned.map((c) => c.barrierId));
  const peopleIds = pairs.flatMap((pair) => [pair.seniorId, pair.juniorId]).concat(owned.map((c) => c.proposedById), proposed.map((c) => c.ownerId), sessions.map((s) => s.loggedById));
  const [cases, questionnaires, people, otherChanges, otherBarriers] = await Promise.all([
    db.getRepository(SharedCaseEntity).findBy({ id: In(caseIds) }),
    db.getRepository(QuestionnaireEntity).findBy({ id: In(questionnaireIds), organisationId: inMine }),
    db.getRepository(PersonEntity).findBy({ id: In(peopleIds) }),
    db.getRepository(ChangeEntity).findBy({ id: In(changeIds), organisationId: inMine }),
    db.getRepository(BarrierEntity).findBy({ id: In(barrierIds), organisationId: inMine }),
  ]);

  const nameOf = (id: string) => (id === me ? person.displayName : (people.find((p) => p.id === id)?.displayName ?? null));
  const organisationName = (id: string) => organisations.find((o) => o.id === id)?.name ?? null;
  const titleOf = <T extends { id: string; title: string }>(rows: T[], id: string | null) => (id ? (rows.find((row) => row.id === id)?.title ?? null) : null);
  const changeView = (change: ChangeEntity) => ({
    title: change.title,
    organisation: organisationName(change.organisationId),
    barrier: titleOf(barriers, change.barrierId) ?? titleOf(otherBarriers, change.barrierId),
    owner: nameOf(change.ownerId),
    status: change.status,
    whatChanges: change.whatChanges,
    expectedImpact: change.expectedImpact,
    targetDate: change.targetDate,
    progress: change.progress,
    successMeasures: change.successMeasures,
    adoptionEvidence: change.adoptionEvidence,
    withdrawnReason: change.withdrawnReason,
    proposedAt: change.createdAt,
    submittedAt: change.submittedAt,
    decidedAt: change.decidedAt,
    adoptedAt: change.adoptedAt,
  });

  return {
    exportedAt: new Date(),
    about: 'Everything Common Ground holds about you in the organisations you belong to. Questionnaire answers are stored without your name, so only the fact that you took part is here.',
    person: { displayName: person.displayName, email: person.email, isPlatformAdmin: person.isPlatformAdmin, accountCreatedAt: person.createdAt },
    memberships: memberships.map((m) => ({ organisation: organisationName(m.organisationId), roles: m.roles, jobTitle: m.jobTitle, division: m.division, joinedAt: m.createdAt })),
    pairs: pairs.map((pair) => ({
      organisation: organisationName(pair.organisationId),
      programme: programmes.find((p) => p.id === pair.programmeId)?.name ?? null,
      you: pair.seniorId === me ? 'senior' : 'junior',
      partner: nameOf(pair.seniorId === me ? pair.juniorId : pair.seniorId),
      status: pair.status,
      endedReason: pair.endedReason,
      matchedAt: pair.createdAt,
      contractVersions: contracts
        .filter((c) => c.pairId === pair.id)
        .map((c) => ({ version: c.version, focusTopics: c.focusTopics, cadence: c.cadence, groundRules: c.groundRules, confidentiality: c.confidentiality, proposedBy: nameOf(c.proposedById), seniorAgreedAt: c.seniorAgreedAt, juniorAgreedAt: c.juniorAgreedAt })),
      sessions: sessions
        .filter((s) => s.pairId === pair.id)
        .map((s) => ({
          heldOn: s.heldOn,
          topics: s.topics,
          privateNotes: s.privateNotesCipher && notesKey ? decryptNotes(notesKey, s.privateNotesCipher) : null,
          sharedTakeaways: s.sharedTakeaways,
          loggedBy: nameOf(s.loggedById),
        })),
    })),
    barriersRaisedByYourPairs: barriers.map((b) => ({
      title: b.title,
      organisation: organisationName(b.organisationId),
      description: b.description,
      category: b.category,
      affectedGroups: b.affectedGroups,
      evidence: b.evidence,
      attribution: b.attribution,
      status: b.status,
      raisedBy: nameOf(b.raisedById),
      raisedAt: b.createdAt,
    })),
    corroborationsByYourPairs: corroborations.map((c) => ({ barrier: titleOf(otherBarriers, c.barrierId), note: c.note, evidence: c.evidence, by: nameOf(c.personId), at: c.createdAt })),
    changesProposedByYourPairs: proposed.map(changeView),
    changesYouOwn: owned.map(changeView),
    decisionsYouMade: decisions
      .filter((d) => otherChanges.some((change) => change.id === d.changeId))
      .map((d) => ({ change: titleOf(otherChanges, d.changeId), outcome: d.outcome, rationale: d.rationale, at: d.createdAt })),
    commentsYouWrote: comments.map((c) => ({
      on: c.changeId ? { change: titleOf(otherChanges, c.changeId) } : { barrier: titleOf(otherBarriers, c.barrierId) },
      body: c.body,
      at: c.createdAt,
    })),
    libraryCases: {
      consentsYouGave: consents.map((c) => ({ case: titleOf(cases, c.caseId), at: c.createdAt })),
      endorsementsYouMade: endorsements.map((e) => ({ case: titleOf(cases, e.caseId), at: e.createdAt })),
    },
    questionnairesYouAnswered: participations
      .filter((p) => questionnaires.some((q) => q.id === p.questionnaireId))
      .map((p) => ({ questionnaire: titleOf(questionnaires, p.questionnaireId) })),
    notificationsYouReceived: notifications.map((n) => ({ kind: n.kind, at: n.createdAt, readAt: n.readAt })),
    signInSessions: signIns.map((s) => ({ startedAt: s.createdAt, expiresAt: s.expiresAt, endedAt: s.revokedAt })),
    ...(await collectMyJournal(db, me, notesKey)),
  };
}

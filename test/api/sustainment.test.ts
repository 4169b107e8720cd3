import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { changeScenario } from '../helpers/change-setup';
import { apiSuite } from '../helpers/suite';
import { Attribution, BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { MailMessageEntity } from '../../server/src/modules/mail/mail.entity';
import { NotificationEntity, NotificationKind } from '../../server/src/modules/notification/notification.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { runReminderSweep } from '../../server/src/modules/reminders/reminders.service';
import { MeasureValueEntity, SustainmentReviewEntity } from '../../server/src/modules/sustainment/sustainment.entity';
import { addMonths } from '../../server/src/modules/sustainment/sustainment.service';

const t = apiSuite();

const PAYLOAD = `change { id status version
  adoptionConfirmation { confirmer reason }
  history { kind fromStatus toStatus actorName note confirmedAs sponsorReason inForce }
  sustainment { state nextReviewDueOn inForceAtMonths reviews { months dueOn recordedOn inForce note isMissed isCancelled }
    measures { metric baseline target points { kind label value on } } } }
  userErrors { field code message }`;
const M = {
  adopt: `mutation ($input: AdoptChangeInput!) { adoptChange(input: $input) { ${PAYLOAD} } }`,
  confirm: `mutation ($input: ConfirmAdoptionInput!) { confirmAdoption(input: $input) { ${PAYLOAD} } }`,
  decline: `mutation ($input: DeclineAdoptionInput!) { declineAdoption(input: $input) { ${PAYLOAD} } }`,
  review: `mutation ($input: RecordSustainmentReviewInput!) { recordSustainmentReview(input: $input) { ${PAYLOAD} } }`,
};
const CHANGE = `query ($id: ID!) { node(id: $id) { ... on Change { status viewerCanConfirmAdoption viewerCanRecordReview ${PAYLOAD.slice('change { '.length, PAYLOAD.indexOf('userErrors') - 4)} } } }`;
const METRIC = 'Part-time applicants interviewed';
const TO_CONFIRM = `{ adoptionsToConfirm(first: 50) { totalCount nodes { id viewerCanConfirmAdoption } } }`;
/** The ids the viewer is asked to confirm; each offers the confirmation (the list and the hint agree). */
async function toConfirm(token: string): Promise<string[]> {
  const { adoptionsToConfirm } = await t.api.as(token).ok(TO_CONFIRM);
  for (const node of adoptionsToConfirm.nodes) expect(node.viewerCanConfirmAdoption).toBe(true);
  return adoptionsToConfirm.nodes.map((n: { id: string }) => n.id);
}
const evidence = { policyOrProcess: 'Recruitment policy 4.3', effectiveFrom: '2026-06-01' };

type Scenario = Awaited<ReturnType<typeof changeScenario>>;

/** The pair asks for adoption with a value for the measure. */
async function requestAdoption(s: Scenario, value = 12) {
  const requested = await t.api.as(s.senior.token).mutation(M.adopt, { changeId: s.id, evidence, measures: [{ metric: METRIC, current: value }] });
  expect(requested.userErrors).toEqual([]);
  expect(requested.change.status).toBe('ADOPTION_REQUESTED');
  return requested.change;
}

/** A change in progress, its adoption asked for by the pair and confirmed by its owner. */
async function adoptedChange() {
  const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
  await requestAdoption(s);
  const confirmed = await t.api.as(s.owner.token).mutation(M.confirm, { changeId: s.id });
  expect(confirmed.userErrors).toEqual([]);
  return { ...s, adopted: confirmed.change };
}

describe('adoption that someone accountable confirms', () => {
  it('the pair asks, the owner confirms: the barrier is addressed, the reviews are scheduled at 6 and 12 months, the history says the owner confirmed', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    const sponsor = await t.make.person({ organisation: s.organisation, roles: [Role.SPONSOR] });
    const requested = await requestAdoption(s);
    expect(requested.adoptionConfirmation).toEqual({ confirmer: 'OWNER', reason: null });
    // Asked, not yet adopted: the barrier stays open until someone accountable confirms.
    expect((await t.server.db.getRepository(BarrierEntity).findOneByOrFail({ id: s.barrier.id })).status).toBe('OPEN');
    expect(await t.server.db.getRepository(NotificationEntity).findBy({ changeId: s.change.id, kind: NotificationKind.CHANGE_ADOPTION_REQUESTED })).toEqual([
      expect.objectContaining({ recipientId: s.owner.person.id }),
    ]);

    // Neither the pair, nor a sponsor where the owner has no conflict, nor another owner may confirm.
    const otherOwner = await t.make.person({ organisation: s.organisation, roles: [Role.OWNER] });
    for (const who of [s.senior, s.junior, sponsor, otherOwner]) {
      expect(Api.codes(await t.api.as(who.token).request(M.confirm, { input: { changeId: s.id } }))).toEqual(['FORBIDDEN']);
      expect((await t.api.as(who.token).ok(CHANGE, { id: s.id })).node.viewerCanConfirmAdoption).toBe(false);
    }
    expect((await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ id: s.change.id })).status).toBe('ADOPTION_REQUESTED');
    expect((await t.api.as(s.owner.token).ok(CHANGE, { id: s.id })).node.viewerCanConfirmAdoption).toBe(true);
    expect(await toConfirm(s.owner.token)).toEqual([s.id]);
    expect(await toConfirm(sponsor.token)).toEqual([]);

    const confirmed = await t.api.as(s.owner.token).mutation(M.confirm, { changeId: s.id, note: 'Checked the policy and two panels.' });
    expect(confirmed.userErrors).toEqual([]);
    const change = confirmed.change;
    expect(change.status).toBe('ADOPTED');
    expect(change.history.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'CHANGE_ADOPTION_REQUESTED', fromStatus: 'IN_PROGRESS', toStatus: 'ADOPTION_REQUESTED', actorName: 'Senior' }),
      expect.objectContaining({ kind: 'CHANGE_ADOPTED', fromStatus: 'ADOPTION_REQUESTED', toStatus: 'ADOPTED', actorName: 'Olu Owner', confirmedAs: 'OWNER', sponsorReason: null, note: 'Checked the policy and two panels.' }),
    ]);
    expect((await t.server.db.getRepository(BarrierEntity).findOneByOrFail({ id: s.barrier.id })).status).toBe('ADDRESSED');
    const adoptedOn = new Date().toISOString().slice(0, 10);
    expect(change.sustainment).toMatchObject({
      state: 'AWAITING_REVIEW',
      nextReviewDueOn: addMonths(adoptedOn, 6),
      reviews: [
        { months: 6, dueOn: addMonths(adoptedOn, 6), recordedOn: null, inForce: null, isMissed: false, isCancelled: false },
        { months: 12, dueOn: addMonths(adoptedOn, 12), recordedOn: null, inForce: null, isMissed: false, isCancelled: false },
      ],
      measures: [{ metric: METRIC, baseline: 8, target: 20, points: [{ kind: 'BASELINE', value: 8, on: null }, { kind: 'ADOPTION', label: 'At adoption', value: 12, on: adoptedOn }] }],
    });
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ changeId: s.change.id, kind: NotificationKind.CHANGE_ADOPTED })).toBe(2);
  });

  it('schedules the reviews the programme sets (its managers choose the months)', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const UPDATE = `mutation ($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { programme { reviewMonths } userErrors { field code } } }`;
    const programmeId = gid('Programme', s.pair.programmeId);
    const wrong = await t.api.as(manager.token).request(UPDATE, { input: { programmeId, reviewMonths: [0, 6, 6] } });
    expect(JSON.stringify(wrong)).toMatch(/INVALID_INPUT|BAD_USER_INPUT/);
    const set = await t.api.as(manager.token).mutation(UPDATE, { programmeId, reviewMonths: [24, 3, 9] });
    expect(set).toEqual({ programme: { reviewMonths: [3, 9, 24] }, userErrors: [] });
    await requestAdoption(s);
    const confirmed = await t.api.as(s.owner.token).mutation(M.confirm, { changeId: s.id });
    expect(confirmed.change.sustainment.reviews.map((r: { months: number }) => r.months)).toEqual([3, 9, 24]);
  });

  it('when the owner is in the proposing pair, a sponsor outside the pair confirms, and the history says why', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    // The senior co-learner also holds the owner role and owns the change.
    await t.server.db.getRepository(MembershipEntity).update({ personId: s.senior.person.id, organisationId: s.organisation.id }, { roles: [Role.CO_LEARNER, Role.OWNER] });
    await t.server.db.getRepository(ChangeEntity).update({ id: s.change.id }, { ownerId: s.senior.person.id });
    const sponsor = await t.make.person({ organisation: s.organisation, roles: [Role.SPONSOR], name: 'Sade Sponsor' });
    const sponsorInPair = s.junior;
    await t.server.db.getRepository(MembershipEntity).update({ personId: s.junior.person.id, organisationId: s.organisation.id }, { roles: [Role.CO_LEARNER, Role.SPONSOR] });

    const requested = await requestAdoption(s);
    expect(requested.adoptionConfirmation).toEqual({ confirmer: 'SPONSOR', reason: 'OWNER_IN_PAIR' });
    // Sponsors outside the pair are asked; the owner and the sponsor inside the pair are not.
    expect((await t.server.db.getRepository(NotificationEntity).findBy({ changeId: s.change.id, kind: NotificationKind.CHANGE_ADOPTION_REQUESTED })).map((n) => n.recipientId)).toEqual([sponsor.person.id]);
    for (const who of [s.senior, sponsorInPair]) {
      expect(Api.codes(await t.api.as(who.token).request(M.confirm, { input: { changeId: s.id } }))).toEqual(['FORBIDDEN']);
    }
    expect((await t.api.as(sponsor.token).ok(CHANGE, { id: s.id })).node.viewerCanConfirmAdoption).toBe(true);
    expect(await toConfirm(sponsor.token)).toEqual([s.id]);
    expect(await toConfirm(s.senior.token)).toEqual([]);
    expect(await toConfirm(sponsorInPair.token)).toEqual([]);
    const confirmed = await t.api.as(sponsor.token).mutation(M.confirm, { changeId: s.id });
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.change.history.at(-1)).toMatchObject({ kind: 'CHANGE_ADOPTED', actorName: 'Sade Sponsor', confirmedAs: 'SPONSOR', sponsorReason: 'OWNER_IN_PAIR' });
  });

  it("when the change lies in the owner's own division, a sponsor confirms (OWNER_AREA); an anonymous barrier hides that reason from those outside the pair", async () => {
    const organisation = await t.make.organisation();
    const { pair, senior } = await t.make.pair(organisation, { seniorDivision: 'Surgery', juniorDivision: 'Estates' });
    const owner = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Olu Owner', division: ' surgery ' });
    const sponsor = await t.make.person({ organisation, roles: [Role.SPONSOR] });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const barrier = await t.make.barrier(pair, { attribution: Attribution.ANONYMOUS });
    const change = await t.make.change(barrier, owner.person.id, { status: ChangeStatus.IN_PROGRESS });
    const id = (await t.api.as(senior.token).ok(`{ changes(first: 5, filter: { mine: true }) { nodes { id } } }`)).changes.nodes[0].id;
    const requested = await t.api.as(senior.token).mutation(M.adopt, { changeId: id, evidence, measures: [] });
    expect(requested.change.adoptionConfirmation).toEqual({ confirmer: 'SPONSOR', reason: 'OWNER_AREA' });
    expect(Api.codes(await t.api.as(owner.token).request(M.confirm, { input: { changeId: id } }))).toEqual(['FORBIDDEN']);
    expect(await toConfirm(owner.token)).toEqual([]);
    expect(await toConfirm(sponsor.token)).toEqual([id]);
    // Outside the pair, an anonymous barrier's pair stays hidden: the reason is only "conflict of interest".
    expect((await t.api.as(manager.token).ok(CHANGE, { id })).node.adoptionConfirmation).toEqual({ confirmer: 'SPONSOR', reason: 'CONFLICT_OF_INTEREST' });
    const confirmed = await t.api.as(sponsor.token).mutation(M.confirm, { changeId: id });
    expect(confirmed.change.history.at(-1)).toMatchObject({ confirmedAs: 'SPONSOR', sponsorReason: 'CONFLICT_OF_INTEREST' });
    const seenByPair = (await t.api.as(senior.token).ok(CHANGE, { id })).node;
    expect(seenByPair.history.at(-1)).toMatchObject({ confirmedAs: 'SPONSOR', sponsorReason: 'OWNER_AREA' });
    expect((await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ id: change.id })).status).toBe('ADOPTED');
  });

  it('a programme manager grants the sponsor role as any other; the new sponsor then confirms where the owner has a conflict', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    await t.server.db.getRepository(ChangeEntity).update({ id: s.change.id }, { ownerId: s.junior.person.id });
    await t.server.db.getRepository(MembershipEntity).update({ personId: s.junior.person.id, organisationId: s.organisation.id }, { roles: [Role.CO_LEARNER, Role.OWNER] });
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const board = await t.make.person({ organisation: s.organisation, roles: [Role.COMMUNITY_MEMBER], name: 'Bea Board' });
    await requestAdoption(s);
    expect(Api.codes(await t.api.as(board.token).request(M.confirm, { input: { changeId: s.id } }))).toEqual(['FORBIDDEN']);
    const UPDATE = `mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) { membership { roles } userErrors { code } } }`;
    const granted = await t.api.as(manager.token).mutation(UPDATE, { membershipId: gid('Membership', board.membership!.id), roles: [Role.COMMUNITY_MEMBER, Role.SPONSOR] });
    expect(granted).toEqual({ membership: { roles: [Role.COMMUNITY_MEMBER, Role.SPONSOR] }, userErrors: [] });
    const confirmed = await t.api.as(board.token).mutation(M.confirm, { changeId: s.id });
    expect(confirmed.change.history.at(-1)).toMatchObject({ actorName: 'Bea Board', confirmedAs: 'SPONSOR', sponsorReason: 'OWNER_IN_PAIR' });
  });

  it('the confirmer can send a request back, with a reason; the wrong person cannot, and nothing is written', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    await requestAdoption(s);
    expect(Api.codes(await t.api.as(s.senior.token).request(M.decline, { input: { changeId: s.id, reason: 'We think it is done.' } }))).toEqual(['FORBIDDEN']);
    const short = await t.api.as(s.owner.token).request(M.decline, { input: { changeId: s.id, reason: 'no' } });
    expect(JSON.stringify(short)).toContain('INVALID_INPUT');
    const back = await t.api.as(s.owner.token).mutation(M.decline, { changeId: s.id, reason: 'Only one of three directorates uses the new policy.' });
    expect(back.change.status).toBe('IN_PROGRESS');
    expect(back.change.history.at(-1)).toMatchObject({ kind: 'CHANGE_ADOPTION_DECLINED', note: 'Only one of three directorates uses the new policy.' });
    expect(await t.server.db.getRepository(SustainmentReviewEntity).countBy({ changeId: s.change.id })).toBe(0);
  });
});

describe('sustainment reviews', () => {
  it('the owner records each review; every value is a new point of the series, never overwritten', async () => {
    const s = await adoptedChange();
    expect(Api.codes(await t.api.as(s.senior.token).request(M.review, { input: { changeId: s.id, inForce: true, measures: [] } }))).toEqual(['FORBIDDEN']);
    expect((await t.api.as(s.senior.token).ok(CHANGE, { id: s.id })).node.viewerCanRecordReview).toBe(false);
    expect((await t.api.as(s.owner.token).ok(CHANGE, { id: s.id })).node.viewerCanRecordReview).toBe(true);

    const unknown = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: true, measures: [{ metric: 'Something else', current: 3 }] });
    expect(unknown.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'measures'] });
    expect(await t.server.db.getRepository(MeasureValueEntity).countBy({ changeId: s.change.id })).toBe(1);

    const six = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: true, note: 'All panels use it.', measures: [{ metric: METRIC, current: 16 }] });
    expect(six.userErrors).toEqual([]);
    expect(six.change.sustainment).toMatchObject({ state: 'IN_FORCE', inForceAtMonths: [6], reviews: [{ months: 6, inForce: true, note: 'All panels use it.' }, { months: 12, inForce: null }] });
    const twelve = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: true, measures: [{ metric: METRIC, current: 19 }] });
    expect(twelve.change.sustainment).toMatchObject({ state: 'IN_FORCE', inForceAtMonths: [6, 12], nextReviewDueOn: null });
    expect(twelve.change.sustainment.measures[0].points.map((p: { label: string; value: number }) => `${p.label}=${p.value}`)).toEqual([
      'Baseline=8',
      'At adoption=12',
      '6-month review=16',
      '12-month review=19',
    ]);
    expect(twelve.change.history.filter((e: { kind: string }) => e.kind === 'CHANGE_REVIEW_RECORDED').map((e: { inForce: boolean }) => e.inForce)).toEqual([true, true]);

    // Nothing left to review; and the series cannot be rewritten, even by direct SQL.
    const more = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: true, measures: [] });
    expect(more.userErrors[0].code).toBe('INVALID_TRANSITION');
    await expect(t.server.db.query(`UPDATE measure_value SET value = 99 WHERE change_id = $1`, [s.change.id])).rejects.toThrow(/append-only/);
    await expect(t.server.db.query(`DELETE FROM measure_value WHERE change_id = $1`, [s.change.id])).rejects.toThrow(/append-only/);
    expect(await t.server.db.getRepository(MeasureValueEntity).countBy({ changeId: s.change.id })).toBe(3);
  });

  it('a missed review flags the change and tells the programme managers once, in-app and by email', async () => {
    const s = await adoptedChange();
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const six = await t.server.db.getRepository(SustainmentReviewEntity).findOneByOrFail({ changeId: s.change.id, months: 6 });
    const dueOn = '2031-01-15';
    await t.server.db.getRepository(SustainmentReviewEntity).update(six.id, { dueOn });
    await t.server.db.getRepository(SustainmentReviewEntity).update({ changeId: s.change.id, months: 12 }, { dueOn: '2031-07-15' });

    await runReminderSweep(t.server.db, new Date('2031-01-15T12:00:00Z'));
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ changeId: s.change.id, kind: NotificationKind.SUSTAINMENT_REVIEW_MISSED })).toBe(0);

    await runReminderSweep(t.server.db, new Date('2031-01-16T09:00:00Z'));
    await runReminderSweep(t.server.db, new Date('2031-01-20T09:00:00Z'));
    const notices = await t.server.db.getRepository(NotificationEntity).findBy({ changeId: s.change.id, kind: NotificationKind.SUSTAINMENT_REVIEW_MISSED });
    expect(notices.map((n) => n.recipientId)).toEqual([manager.person.id]);
    const mail = await t.server.db.getRepository(MailMessageEntity).findBy({ recipientId: manager.person.id, kind: NotificationKind.SUSTAINMENT_REVIEW_MISSED });
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail[0].content)).toContain(`6-month review of the change “${s.change.title}” was due on ${dueOn}`);
    const seen = (await t.api.as(manager.token).ok(CHANGE, { id: s.id })).node;
    expect(seen.sustainment).toMatchObject({ state: 'REVIEW_MISSED', reviews: [{ months: 6, isMissed: true }, { months: 12, isMissed: false }] });
    expect(seen.history.at(-1)).toMatchObject({ kind: 'CHANGE_REVIEW_MISSED' });
    const listed = await t.api.as(manager.token).ok(`{ notifications(first: 5) { nodes { message } } }`);
    expect(listed.notifications.nodes[0].message).toContain(`The 6-month review of “${s.change.title}” was due on ${dueOn}`);
  });

  it('"no longer in force" needs a reason, reopens the barrier with it in its history, cancels later reviews and tells the pair', async () => {
    const s = await adoptedChange();
    const noReason = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: false, measures: [{ metric: METRIC, current: 9 }] });
    expect(noReason.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'note'] });
    expect(await t.server.db.getRepository(MeasureValueEntity).countBy({ changeId: s.change.id })).toBe(1);
    expect(await t.server.db.getRepository(SustainmentReviewEntity).countBy({ changeId: s.change.id, inForce: false })).toBe(0);

    const reason = 'The new director reverted to the old shortlisting.';
    const lapsed = await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: false, note: reason, measures: [{ metric: METRIC, current: 9 }] });
    expect(lapsed.userErrors).toEqual([]);
    expect(lapsed.change.sustainment).toMatchObject({ state: 'LAPSED', nextReviewDueOn: null, reviews: [{ months: 6, inForce: false, note: reason }, { months: 12, isCancelled: true }] });
    const barrier = await t.api.as(s.senior.token).ok(`query ($id: ID!) { node(id: $id) { ... on Barrier { status history { kind fromStatus toStatus note } } } }`, { id: s.barrierId });
    expect(barrier.node.status).toBe('OPEN');
    expect(barrier.node.history.at(-1)).toMatchObject({ kind: 'BARRIER_STATUS_CHANGED', fromStatus: 'ADDRESSED', toStatus: 'OPEN' });
    expect(barrier.node.history.at(-1).note).toContain(reason);
    const told = await t.server.db.getRepository(NotificationEntity).findBy({ changeId: s.change.id, kind: NotificationKind.CHANGE_LAPSED });
    expect(told.map((n) => n.recipientId).sort()).toEqual([s.senior.person.id, s.junior.person.id].sort());
    // Lapsed: nothing more to review; the pair may propose a new change to the reopened barrier.
    expect((await t.api.as(s.owner.token).mutation(M.review, { changeId: s.id, inForce: true, measures: [] })).userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});

describe('privacy of what sustainment adds', () => {
  it('another organisation sees nothing and can record nothing; a sponsor elsewhere cannot confirm', async () => {
    const s = await adoptedChange();
    const elsewhere = await t.make.organisation();
    const outsider = await t.make.person({ organisation: elsewhere, roles: [Role.OWNER, Role.SPONSOR, Role.PROGRAMME_MANAGER] });
    expect((await t.api.as(outsider.token).ok(CHANGE, { id: s.id })).node).toBeNull();
    expect(Api.codes(await t.api.as(outsider.token).request(M.review, { input: { changeId: s.id, inForce: false, note: 'Trying from outside.', measures: [] } }))).toEqual(['NOT_FOUND']);
    expect(await t.server.db.getRepository(SustainmentReviewEntity).countBy({ changeId: s.change.id, inForce: false })).toBe(0);

    const pending = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    await requestAdoption(pending);
    expect(Api.codes(await t.api.as(outsider.token).request(M.confirm, { input: { changeId: pending.id } }))).toEqual(['NOT_FOUND']);
    // The email asking for confirmation names the change, never the barrier or its evidence.
    const mail = await t.server.db.getRepository(MailMessageEntity).findBy({ recipientId: pending.owner.person.id, kind: NotificationKind.CHANGE_ADOPTION_REQUESTED });
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail[0].content)).toContain(pending.change.title);
    expect(JSON.stringify(mail[0].content)).not.toContain(pending.barrier.title);
  });

  it('an anonymous barrier hides the pair that put a change forward, in the history and its dates, from the owner and the sponsor', async () => {
    const organisation = await t.make.organisation();
    const { pair, senior } = await t.make.pair(organisation);
    const owner = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Olu Owner' });
    const barrier = await t.make.barrier(pair, { attribution: Attribution.ANONYMOUS });
    await t.make.change(barrier, owner.person.id, { status: ChangeStatus.IN_PROGRESS });
    const id = (await t.api.as(senior.token).ok(`{ changes(first: 5, filter: { mine: true }) { nodes { id } } }`)).changes.nodes[0].id;
    await t.api.as(senior.token).mutation(M.adopt, { changeId: id, evidence, measures: [] });
    const Q = `query ($id: ID!) { node(id: $id) { ... on Change { history { kind actorName at } } } }`;
    const seen = (await t.api.as(owner.token).ok(Q, { id })).node.history.at(-1);
    expect(seen).toMatchObject({ kind: 'CHANGE_ADOPTION_REQUESTED', actorName: 'A co-learning pair' });
    expect(seen.at).toMatch(/T00:00:00\.000Z$/);
    const notice = await t.api.as(owner.token).ok(`{ notifications(first: 5) { nodes { message } } }`);
    expect(notice.notifications.nodes[0].message).toContain('A co-learning pair asks you to confirm');
    expect(JSON.stringify(notice)).not.toContain('Senior');
  });
});


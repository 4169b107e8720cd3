import type { EntityManager } from 'typeorm';
import { AffectedGroup, Attribution, BarrierCategory, BarrierCorroborationEntity, BarrierEntity, BarrierStatus, EvidenceKind } from '../../modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity, DecisionOutcome, type SuccessMeasure } from '../../modules/change/change.entity';
import { CommentEntity } from '../../modules/comment/comment.entity';
import { EventEntity, EventKind, type Facts } from '../../modules/history/event.entity';
import { NotificationEntity, NotificationKind } from '../../modules/notification/notification.entity';
import { encryptNotes } from '../../modules/pair/notes-cipher';
import { ContractVersionEntity, MentoringSessionEntity, PairEntity, PairStatus } from '../../modules/pair/pair.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../../modules/programme/programme.entity';

/**
 * The demo's story, written with back-dated timestamps so that histories, queues and dashboards
 * look like a programme that has been running for months. Every state change also gets its
 * history event, as the services would have written it.
 */
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export interface StoryPeople {
  sam: string;
  jo: string;
  rae: string;
  kit: string;
  olu: string;
  dee: string;
  ash: string;
  bo: string;
  morgan: string;
}

export async function seedStory(tx: EntityManager, orgs: { northshore: string; riverside: string }, p: StoryPeople, notesKey: Buffer): Promise<void> {
  const event = (e: Partial<EventEntity> & { kind: EventKind; actorId: string; at: Date; detail?: Facts }) =>
    tx.getRepository(EventEntity).insert({ organisationId: orgs.northshore, detail: {}, ...e, createdAt: e.at });

  // Programmes and pairs.
  const programme = await tx.getRepository(ProgrammeEntity).save({
    organisationId: orgs.northshore,
    name: '2026 Reciprocal Mentoring Cohort',
    description: 'Twelve months of monthly co-learning between senior leaders and colleagues early in their careers.',
    startsOn: `${new Date().getUTCFullYear()}-01-12`,
    endsOn: `${new Date().getUTCFullYear()}-12-18`,
    sessionCadence: Cadence.MONTHLY,
    status: ProgrammeStatus.ACTIVE,
    createdAt: daysAgo(330),
  });
  await tx.getRepository(ProgrammeEntity).save({
    organisationId: orgs.northshore,
    name: '2027 Cohort',
    startsOn: `${new Date().getUTCFullYear() + 1}-01-11`,
    endsOn: `${new Date().getUTCFullYear() + 1}-12-17`,
    sessionCadence: Cadence.MONTHLY,
    status: ProgrammeStatus.PLANNED,
  });
  const pair = (seniorId: string, juniorId: string, organisationId = orgs.northshore, programmeId = programme.id) =>
    tx.getRepository(PairEntity).save({ programmeId, organisationId, seniorId, juniorId, status: PairStatus.ACTIVE, createdAt: daysAgo(320) });
  const samJo = await pair(p.sam, p.jo);
  const raeKit = await pair(p.rae, p.kit);

  const contract = (pairId: string, proposedById: string, topics: string[]) =>
    tx.getRepository(ContractVersionEntity).save({
      pairId,
      version: 1,
      focusTopics: topics,
      cadence: Cadence.MONTHLY,
      groundRules: 'We meet for an hour each month, alternate who chooses the topic, and both come with one thing we noticed at work.',
      confidentiality: 'What we say stays between us. We share a barrier or a takeaway only when we both agree, and anonymously if either of us asks.',
      proposedById,
      seniorAgreedAt: daysAgo(315),
      juniorAgreedAt: daysAgo(314),
      createdAt: daysAgo(316),
    });
  await contract(samJo.id, p.sam, ['Promotion panels', 'Flexible working', 'Speaking up']);
  await contract(raeKit.id, p.kit, ['Reasonable adjustments', 'Night shifts']);

  const sessions = [
    [300, ['Getting to know each other', 'Promotion panels'], 'Jo described being told to "wait a few years" after a band 6 interview.', 'Panels rarely explain decisions.'],
    [270, ['Promotion panels'], 'Sam admitted never having looked at who sits on panels.', 'We will look at panel make-up across the division.'],
    [240, ['Flexible working'], 'Night rota: Jo swaps shifts every month to cover childcare.', null],
    [180, ['Speaking up', 'Flexible working'], 'Talked about how hard it is to raise things with a ward manager.', 'Part-time staff are missing from shortlists.'],
    [120, ['Promotion panels'], 'Reviewed the panel data together.', 'Panel reform agreed with the Director of People.'],
    [60, ['Flexible working'], 'Self-rostering pilot worries and hopes.', null],
    [21, ['Speaking up'], 'Planning what to share with the next cohort.', 'Publish what we changed.'],
  ] as const;
  for (const [ago, topics, notes, takeaways] of sessions) {
    await tx.getRepository(MentoringSessionEntity).save({
      pairId: samJo.id,
      heldOn: dateOf(daysAgo(ago)),
      topics: [...topics],
      privateNotesCipher: encryptNotes(notesKey, notes),
      sharedTakeaways: takeaways,
      loggedById: ago % 60 === 0 ? p.sam : p.jo,
      createdAt: daysAgo(ago),
    });
  }
  await tx.getRepository(MentoringSessionEntity).save({ pairId: raeKit.id, heldOn: dateOf(daysAgo(200)), topics: ['Reasonable adjustments'], loggedById: p.kit, createdAt: daysAgo(200) });

  // Barriers.
  const barrier = async (b: Partial<BarrierEntity> & { pairId: string; raisedById: string; ago: number }) => {
    const saved = await tx.getRepository(BarrierEntity).save({ organisationId: orgs.northshore, evidence: [], attribution: Attribution.NAMED, ...b, createdAt: daysAgo(b.ago) });
    await event({ kind: EventKind.BARRIER_RAISED, actorId: b.raisedById, barrierId: saved.id, toStatus: BarrierStatus.OPEN, at: daysAgo(b.ago) });
    return saved;
  };
  const panels = await barrier({
    pairId: samJo.id,
    raisedById: p.jo,
    ago: 250,
    title: 'Band 7 promotion panels have no ethnic-minority members',
    description:
      'Across Surgery, every band 7 promotion panel in the last year was made up of white senior staff. Candidates from ethnic-minority backgrounds told us they felt judged by people who had never stood where they stand, and few apply again after a first refusal.',
    category: BarrierCategory.PROGRESSION,
    affectedGroups: [AffectedGroup.RACE],
    evidence: [
      { kind: EvidenceKind.FIGURE, text: 'Band 7 panels with an ethnic-minority member', value: 0, unit: '%' },
      { kind: EvidenceKind.LINK, text: 'Workforce Race Equality Standard report', url: 'https://www.england.nhs.uk/about/equality/equality-hub/workforce-equality-data-standards/equality-standard/' },
    ],
  });
  const rota = await barrier({
    pairId: samJo.id,
    raisedById: p.sam,
    ago: 230,
    title: 'Night rota gives carers no predictable nights off',
    description:
      'The night-shift rota is published two weeks ahead and changes often. Staff with caring responsibilities, mostly women, swap shifts informally every month or reduce their hours, which then counts against them for development.',
    category: BarrierCategory.CULTURE,
    affectedGroups: [AffectedGroup.SEX, AffectedGroup.AGE],
    evidence: [{ kind: EvidenceKind.TEXT, text: 'Eleven informal shift swaps on one ward in a month, all by staff with children or older relatives.' }],
  });
  const shortlists = await barrier({
    pairId: samJo.id,
    raisedById: p.jo,
    ago: 170,
    attribution: Attribution.ANONYMOUS,
    title: 'Shortlisting criteria exclude part-time applicants',
    description:
      'Job descriptions ask for "full-time experience at band 6", which part-time staff cannot show however long they have worked. Shortlists for senior nursing roles rarely include anyone working part-time.',
    category: BarrierCategory.RECRUITMENT,
    affectedGroups: [AffectedGroup.SEX, AffectedGroup.PREGNANCY_AND_MATERNITY],
    evidence: [{ kind: EvidenceKind.FIGURE, text: 'Part-time applicants shortlisted for band 7 roles', value: 6, unit: '%' }],
  });
  const adjustments = await barrier({
    pairId: raeKit.id,
    raisedById: p.kit,
    ago: 190,
    title: 'Disabled staff wait months for reasonable adjustments',
    description:
      'Requests for adjustments go through each manager and each budget holder. Staff in Estates waited on average four months for equipment, and some gave up asking.',
    category: BarrierCategory.ACCESS,
    affectedGroups: [AffectedGroup.DISABILITY],
    evidence: [{ kind: EvidenceKind.FIGURE, text: 'Average wait for an adjustment', value: 118, unit: 'days' }],
  });

  // Rae and Kit see the panel problem in Estates too: corroborated across divisions.
  await tx.getRepository(BarrierCorroborationEntity).save({
    barrierId: panels.id,
    pairId: raeKit.id,
    personId: p.rae,
    divisions: ['Estates and Facilities'],
    note: 'Same in Estates: no panel this year had an ethnic-minority member.',
    evidence: [{ kind: EvidenceKind.TEXT, text: 'Four Estates panels reviewed, all white.' }],
    createdAt: daysAgo(240),
  });
  await tx.getRepository(BarrierEntity).update(panels.id, { corroborationCount: 1 });
  await event({ kind: EventKind.BARRIER_CORROBORATED, actorId: p.rae, barrierId: panels.id, at: daysAgo(240), detail: { corroborations: 1 } });

  // Changes, each walked through its workflow with back-dated history.
  const measure = (metric: string, unit: string, baseline: number, target: number, current: number | null = null): SuccessMeasure => ({ metric, unit, baseline, target, current });
  type Step = { action: 'SUBMIT' | DecisionOutcome | 'START' | 'PROGRESS' | 'ADOPT' | 'WITHDRAW'; ago: number; by: string; rationale?: string; progress?: number; note?: string };
  const change = async (c: {
    barrier: BarrierEntity;
    pairId: string;
    proposedById: string;
    ownerId: string;
    ago: number;
    title: string;
    whatChanges: string;
    expectedImpact: string;
    targetInDays: number;
    successMeasures: SuccessMeasure[];
    steps: Step[];
    adoption?: ChangeEntity['adoptionEvidence'];
    withdrawnReason?: string;
  }) => {
    const row = await tx.getRepository(ChangeEntity).save({
      organisationId: orgs.northshore,
      barrierId: c.barrier.id,
      pairId: c.pairId,
      proposedById: c.proposedById,
      ownerId: c.ownerId,
      title: c.title,
      whatChanges: c.whatChanges,
      expectedImpact: c.expectedImpact,
      targetDate: dateOf(daysAgo(-c.targetInDays)),
      successMeasures: c.successMeasures,
      createdAt: daysAgo(c.ago),
    });
    const ids = { barrierId: c.barrier.id, changeId: row.id };
    await event({ kind: EventKind.CHANGE_PROPOSED, actorId: c.proposedById, ...ids, toStatus: ChangeStatus.DRAFT, at: daysAgo(c.ago) });
    let status = ChangeStatus.DRAFT;
    const update: Partial<ChangeEntity> = {};
    const pairMembers = c.pairId === samJo.id ? [p.sam, p.jo] : [p.rae, p.kit];
    for (const step of c.steps) {
      const at = daysAgo(step.ago);
      const from = status;
      let kind: EventKind;
      let detail: Facts = {};
      let notice: NotificationKind | null = null;
      switch (step.action) {
        case 'SUBMIT':
          status = ChangeStatus.SUBMITTED;
          update.submittedAt = at;
          kind = EventKind.CHANGE_SUBMITTED;
          notice = NotificationKind.CHANGE_SUBMITTED;
          break;
        case DecisionOutcome.APPROVE:
        case DecisionOutcome.REJECT:
        case DecisionOutcome.REQUEST_CHANGES:
          status = { APPROVE: ChangeStatus.APPROVED, REJECT: ChangeStatus.REJECTED, REQUEST_CHANGES: ChangeStatus.DRAFT }[step.action];
          update.decidedAt = at;
          kind = EventKind.CHANGE_DECIDED;
          detail = { outcome: step.action, rationale: step.rationale! };
          notice = NotificationKind.CHANGE_DECIDED;
          await tx.getRepository(DecisionEntity).save({ changeId: row.id, deciderId: step.by, outcome: step.action, rationale: step.rationale!, createdAt: at });
          break;
        case 'START':
          status = ChangeStatus.IN_PROGRESS;
          update.startedAt = at;
          kind = EventKind.CHANGE_STARTED;
          notice = NotificationKind.CHANGE_STARTED;
          break;
        case 'PROGRESS':
          update.progress = step.progress!;
          kind = EventKind.CHANGE_PROGRESS_REPORTED;
          detail = { progress: step.progress!, note: step.note! };
          notice = NotificationKind.CHANGE_PROGRESSED;
          break;
        case 'ADOPT':
          // Put forward by the pair the day before, then confirmed by the owner (issue 15).
          await event({
            kind: EventKind.CHANGE_ADOPTION_REQUESTED,
            actorId: pairMembers[1],
            ...ids,
            fromStatus: ChangeStatus.IN_PROGRESS,
            toStatus: ChangeStatus.ADOPTION_REQUESTED,
            detail: { policyOrProcess: c.adoption!.policyOrProcess, effectiveFrom: c.adoption!.effectiveFrom },
            at: new Date(at.getTime() - 86_400_000),
          });
          status = ChangeStatus.ADOPTED;
          update.adoptedAt = at;
          update.progress = 100;
          update.adoptionEvidence = c.adoption!;
          kind = EventKind.CHANGE_ADOPTED;
          detail = { confirmedAs: 'OWNER', note: c.adoption!.policyOrProcess };
          notice = NotificationKind.CHANGE_ADOPTED;
          break;
        case 'WITHDRAW':
          status = ChangeStatus.WITHDRAWN;
          update.withdrawnReason = c.withdrawnReason!;
          kind = EventKind.CHANGE_WITHDRAWN;
          detail = { reason: c.withdrawnReason! };
          break;
      }
      await event({ kind, actorId: step.by, ...ids, fromStatus: step.action === 'ADOPT' ? ChangeStatus.ADOPTION_REQUESTED : from, toStatus: status, detail, at });
      if (notice) {
        const to = notice === NotificationKind.CHANGE_SUBMITTED ? [c.ownerId] : [...pairMembers, ...(notice === NotificationKind.CHANGE_DECIDED ? [] : [c.ownerId])];
        const recipients = to.filter((id) => id !== step.by);
        if (recipients.length) {
          await tx.getRepository(NotificationEntity).insert(
            recipients.map((recipientId) => ({
              recipientId,
              organisationId: orgs.northshore,
              kind: notice!,
              actorId: step.by,
              ...ids,
              detail,
              createdAt: at,
              readAt: step.ago > 30 ? at : null,
            })),
          );
        }
      }
    }
    await tx.getRepository(ChangeEntity).update(row.id, { ...update, status, version: 1 + c.steps.length });
    return row;
  };

  await change({
    barrier: panels,
    pairId: samJo.id,
    proposedById: p.sam,
    ownerId: p.olu,
    ago: 200,
    title: 'Every band 7+ promotion panel includes a trained member from an ethnic-minority background',
    whatChanges:
      'The recruitment policy requires each band 7 and above promotion panel to include at least one trained panel member from an ethnic-minority background, drawn from a Trust-wide pool, and panels give written feedback to every candidate.',
    expectedImpact: 'Ethnic-minority candidates are judged fairly and return to apply again; promotion rates converge.',
    targetInDays: -20,
    successMeasures: [measure('Band 7+ panels with an ethnic-minority member', '%', 0, 100, 100), measure('Ethnic-minority share of band 7 promotions', '%', 9, 20, 15)],
    steps: [
      { action: 'SUBMIT', ago: 195, by: p.sam },
      { action: DecisionOutcome.APPROVE, ago: 180, by: p.olu, rationale: 'The data is unambiguous, and the pool can be trained within a quarter. Approved.' },
      { action: 'START', ago: 175, by: p.olu },
      { action: 'PROGRESS', ago: 120, by: p.jo, progress: 50, note: 'Panel pool of 24 trained; Surgery and Estates panels now include a pool member.' },
      { action: 'ADOPT', ago: 45, by: p.olu },
    ],
    adoption: {
      policyOrProcess: 'Recruitment and Selection Policy, section 4.3 (panel composition)',
      effectiveFrom: dateOf(daysAgo(60)),
      link: 'https://intranet.northshore.example/policies/recruitment-selection',
      summary: 'Every band 7+ panel now includes a trained pool member; candidates receive written feedback.',
    },
  });
  await tx.getRepository(BarrierEntity).update(panels.id, { status: BarrierStatus.ADDRESSED });
  await event({ kind: EventKind.BARRIER_STATUS_CHANGED, actorId: p.olu, barrierId: panels.id, fromStatus: BarrierStatus.OPEN, toStatus: BarrierStatus.ADDRESSED, at: daysAgo(45) });

  await change({
    barrier: rota,
    pairId: samJo.id,
    proposedById: p.jo,
    ownerId: p.dee,
    ago: 160,
    title: 'Self-rostering pilot for staff with caring responsibilities',
    whatChanges: 'Two surgical wards pilot self-rostering: staff with caring responsibilities choose their nights first, six weeks ahead.',
    expectedImpact: 'Fewer informal swaps, fewer reductions in hours, better retention of carers.',
    targetInDays: 60,
    successMeasures: [measure('Informal shift swaps per ward per month', 'swaps', 11, 3, 6)],
    steps: [
      { action: 'SUBMIT', ago: 150, by: p.jo },
      { action: DecisionOutcome.APPROVE, ago: 140, by: p.dee, rationale: 'Worth piloting on two wards first; we will review retention at six months.' },
      { action: 'START', ago: 130, by: p.jo },
      { action: 'PROGRESS', ago: 40, by: p.dee, progress: 40, note: 'Pilot running on Ward 7 and Ward 9; swaps down by half.' },
    ],
  });
  await change({
    barrier: shortlists,
    pairId: samJo.id,
    proposedById: p.jo,
    ownerId: p.olu,
    ago: 30,
    title: 'Remove full-time-only criteria from senior nursing job descriptions',
    whatChanges: 'Replace "full-time experience at band 6" with "experience at band 6" in every senior nursing job description, and review all templates.',
    expectedImpact: 'Part-time staff reach shortlists in proportion to their share of the workforce.',
    targetInDays: 90,
    successMeasures: [measure('Part-time applicants shortlisted for band 7', '%', 6, 25)],
    steps: [{ action: 'SUBMIT', ago: 20, by: p.jo }],
  });
  await change({
    barrier: shortlists,
    pairId: samJo.id,
    proposedById: p.sam,
    ownerId: p.olu,
    ago: 25,
    title: 'Publish shortlisting data by working pattern each quarter',
    whatChanges: 'HR publishes, each quarter, how many part-time and full-time applicants were shortlisted and appointed for band 6 and above.',
    expectedImpact: 'Managers see the gap and it stays visible.',
    targetInDays: 45,
    successMeasures: [],
    steps: [
      { action: 'SUBMIT', ago: 24, by: p.sam },
      { action: DecisionOutcome.APPROVE, ago: 10, by: p.olu, rationale: 'Simple to do with existing data; first report next quarter.' },
    ],
  });
  await change({
    barrier: adjustments,
    pairId: raeKit.id,
    proposedById: p.kit,
    ownerId: p.olu,
    ago: 90,
    title: 'Reasonable adjustments passport',
    whatChanges: 'A passport agreed once with occupational health travels with the person, so adjustments need not be renegotiated with each new manager.',
    expectedImpact: 'Waits fall from months to weeks.',
    targetInDays: 120,
    successMeasures: [measure('Average wait for an adjustment', 'days', 118, 21, 64)],
    steps: [
      { action: 'SUBMIT', ago: 80, by: p.kit },
      { action: DecisionOutcome.APPROVE, ago: 66, by: p.olu, rationale: 'Faster than a central budget, and occupational health is ready to run it.' },
      { action: 'START', ago: 60, by: p.rae },
      { action: 'PROGRESS', ago: 14, by: p.olu, progress: 35, note: 'Passport live in Estates; 31 passports agreed, average wait down to 64 days.' },
    ],
  });
  await change({
    barrier: rota,
    pairId: samJo.id,
    proposedById: p.sam,
    ownerId: p.dee,
    ago: 6,
    title: 'Publish the night rota six weeks ahead',
    whatChanges: 'Every ward publishes its night rota six weeks ahead and changes it only by agreement.',
    expectedImpact: 'Carers can plan their nights off without informal swaps.',
    targetInDays: 150,
    successMeasures: [measure('Wards publishing six weeks ahead', '%', 10, 100)],
    steps: [],
  });
  await change({
    barrier: adjustments,
    pairId: raeKit.id,
    proposedById: p.rae,
    ownerId: p.dee,
    ago: 150,
    title: 'Fund every adjustment from one central budget',
    whatChanges: 'Move all adjustment spending to a central budget held by occupational health.',
    expectedImpact: 'No manager refuses an adjustment for budget reasons.',
    targetInDays: -30,
    successMeasures: [],
    steps: [
      { action: 'SUBMIT', ago: 140, by: p.rae },
      { action: DecisionOutcome.REJECT, ago: 100, by: p.dee, rationale: 'A central budget needs a board decision this year; the passport addresses the delay sooner.' },
    ],
  });
  await change({
    barrier: adjustments,
    pairId: raeKit.id,
    proposedById: p.kit,
    ownerId: p.olu,
    ago: 90,
    title: 'Adjustments helpline run by volunteers',
    whatChanges: 'A volunteer helpline guides staff through the adjustments process.',
    expectedImpact: 'Staff know where to start.',
    targetInDays: 30,
    successMeasures: [],
    steps: [{ action: 'WITHDRAW', ago: 70, by: p.kit }],
    withdrawnReason: 'The passport proposal covers this better.',
  });

  await tx.getRepository(CommentEntity).save({
    organisationId: orgs.northshore,
    barrierId: rota.id,
    changeId: null,
    authorId: p.dee,
    body: 'Ward 9 is keen to join the pilot if the first review is positive.',
    createdAt: daysAgo(35),
  });

  // Riverside: a cohort with a pair and an owner, ready to adapt a case from the library.
  const riversideProgramme = await tx.getRepository(ProgrammeEntity).save({
    organisationId: orgs.riverside,
    name: 'Riverside Reciprocal Mentoring 2026',
    startsOn: `${new Date().getUTCFullYear()}-03-02`,
    endsOn: `${new Date().getUTCFullYear() + 1}-02-26`,
    sessionCadence: Cadence.MONTHLY,
    status: ProgrammeStatus.ACTIVE,
  });
  const ashBo = await pair(p.ash, p.bo, orgs.riverside, riversideProgramme.id);
  await tx.getRepository(ContractVersionEntity).save({
    pairId: ashBo.id,
    version: 1,
    focusTopics: ['Recruitment', 'Progression'],
    cadence: Cadence.MONTHLY,
    groundRules: 'Monthly, one hour, honest.',
    confidentiality: 'Between us unless we both agree.',
    proposedById: p.ash,
    seniorAgreedAt: daysAgo(200),
    juniorAgreedAt: daysAgo(199),
  });
}

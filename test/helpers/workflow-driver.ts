/**
 * Drives the change workflow over HTTP against a server process started on the demo data, as the
 * demo pair (Sam) and owner (Olu) would: for the crash and two-server tests.
 */
export const DEMO = { pair: 'sam.senior@northshore.example', owner: 'olu.owner@northshore.example', password: 'commonground' };

const CHANGE = `change { id status version } userErrors { code field message }`;
export const M = {
  login: `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`,
  propose: `mutation ($input: ProposeChangeInput!) { proposeChange(input: $input) { ${CHANGE} } }`,
  submit: `mutation ($input: ChangeActionInput!) { submitChange(input: $input) { ${CHANGE} } }`,
  decide: `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { ${CHANGE} } }`,
  start: `mutation ($input: ChangeActionInput!) { startChange(input: $input) { ${CHANGE} } }`,
  progress: `mutation ($input: ReportChangeProgressInput!) { reportChangeProgress(input: $input) { ${CHANGE} } }`,
  adopt: `mutation ($input: AdoptChangeInput!) { adoptChange(input: $input) { ${CHANGE} } }`,
  confirmAdoption: `mutation ($input: ConfirmAdoptionInput!) { confirmAdoption(input: $input) { ${CHANGE} } }`,
  comment: `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`,
  raise: `mutation ($input: RaiseBarrierInput!) { raiseBarrier(input: $input) { barrier { id } userErrors { code } } }`,
};

export async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return Object.values(body.data!)[0];
}

export interface Workflow {
  pairToken: string;
  ownerToken: string;
  /** An open barrier to propose on; replaced by a new one once an adoption addresses it. */
  barrierId: string;
  pairId: string;
  ownerId: string;
}

export async function demoWorkflow(url: string): Promise<Workflow> {
  const pairToken = (await gql(url, M.login, { input: { email: DEMO.pair, password: DEMO.password } })).token;
  const ownerToken = (await gql(url, M.login, { input: { email: DEMO.owner, password: DEMO.password } })).token;
  const barrierId = (await gql(url, `{ barriers(first: 1, filter: { status: [OPEN] }) { nodes { id } } }`, {}, pairToken)).nodes[0].id;
  const ownerId = (await gql(url, `{ viewer { person { id } } }`, {}, ownerToken)).person.id;
  const pairId = (await gql(url, `{ pairs(first: 1, mine: true) { nodes { id } } }`, {}, pairToken)).nodes[0].id;
  return { pairToken, ownerToken, barrierId, pairId, ownerId };
}

/** A new open barrier of the demo pair, raised over the API. */
async function raiseBarrier(url: string, w: Workflow): Promise<string> {
  const raised = await gql(url, M.raise, {
    input: {
      pairId: w.pairId,
      title: 'Rota patterns exclude carers',
      description: 'Night rotas are published two days ahead, too late for carers to arrange cover.',
      category: 'CULTURE',
      affectedGroups: ['SEX'],
      attribution: 'ANONYMOUS',
    },
  }, w.pairToken);
  if (raised.userErrors.length) throw new Error(JSON.stringify(raised.userErrors));
  return raised.barrier.id;
}

/** Proposes and submits a change; returns it as SUBMITTED. */
export async function submittedChange(url: string, w: Workflow, title: string): Promise<{ id: string; version: number }> {
  let proposed = await propose(url, w, title);
  if (proposed.userErrors.some((e: { code: string }) => e.code === 'INVALID_TRANSITION')) {
    // An adoption addressed the barrier meanwhile: carry on with a new open one.
    w.barrierId = await raiseBarrier(url, w);
    proposed = await propose(url, w, title);
  }
  if (proposed.userErrors.length) throw new Error(JSON.stringify(proposed.userErrors));
  const submitted = await gql(url, M.submit, { input: { changeId: proposed.change.id } }, w.pairToken);
  if (submitted.userErrors.length) throw new Error(JSON.stringify(submitted.userErrors));
  return submitted.change;
}

function propose(url: string, w: Workflow, title: string) {
  return gql(url, M.propose, {
    input: {
      barrierId: w.barrierId,
      ownerId: w.ownerId,
      title,
      whatChanges: 'Shortlisting panels include a trained member from outside the division.',
      expectedImpact: 'More diverse shortlists within a year.',
      targetDate: '2030-01-31',
    },
  }, w.pairToken);
}

/** One change through the whole workflow (approved changes are started, reported on, put forward and confirmed adopted), with a comment. */
export async function fullFlow(url: string, w: Workflow, title: string, outcome: 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES'): Promise<void> {
  const change = await submittedChange(url, w, title);
  const decided = await gql(url, M.decide, { input: { changeId: change.id, expectedVersion: change.version, outcome, rationale: 'Decided during the crash test.' } }, w.ownerToken);
  await gql(url, M.comment, { input: { subjectId: change.id, body: 'A comment written while the server may die.' } }, w.pairToken);
  if (outcome !== 'APPROVE' || decided.userErrors.length) return;
  await gql(url, M.start, { input: { changeId: change.id } }, w.ownerToken);
  await gql(url, M.progress, { input: { changeId: change.id, progress: 60, note: 'Half the panels trained.', measures: [] } }, w.ownerToken);
  await gql(url, M.adopt, { input: { changeId: change.id, evidence: { policyOrProcess: 'Recruitment policy 4.2', effectiveFrom: '2026-01-01' }, measures: [] } }, w.ownerToken);
  await gql(url, M.confirmAdoption, { input: { changeId: change.id } }, w.ownerToken);
}

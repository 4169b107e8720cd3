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
  comment: `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`,
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
  barrierId: string;
  ownerId: string;
}

export async function demoWorkflow(url: string): Promise<Workflow> {
  const pairToken = (await gql(url, M.login, { input: { email: DEMO.pair, password: DEMO.password } })).token;
  const ownerToken = (await gql(url, M.login, { input: { email: DEMO.owner, password: DEMO.password } })).token;
  const barrierId = (await gql(url, `{ barriers(first: 1) { nodes { id } } }`, {}, pairToken)).nodes[0].id;
  const ownerId = (await gql(url, `{ viewer { person { id } } }`, {}, ownerToken)).person.id;
  return { pairToken, ownerToken, barrierId, ownerId };
}

/** Proposes and submits a change; returns it as SUBMITTED. */
export async function submittedChange(url: string, w: Workflow, title: string): Promise<{ id: string; version: number }> {
  const proposed = await gql(url, M.propose, {
    input: {
      barrierId: w.barrierId,
      ownerId: w.ownerId,
      title,
      whatChanges: 'Shortlisting panels include a trained member from outside the division.',
      expectedImpact: 'More diverse shortlists within a year.',
      targetDate: '2030-01-31',
    },
  }, w.pairToken);
  if (proposed.userErrors.length) throw new Error(JSON.stringify(proposed.userErrors));
  const submitted = await gql(url, M.submit, { input: { changeId: proposed.change.id } }, w.pairToken);
  if (submitted.userErrors.length) throw new Error(JSON.stringify(submitted.userErrors));
  return submitted.change;
}

/** One change through the whole workflow (approved changes are started, reported on and adopted), with a comment. */
export async function fullFlow(url: string, w: Workflow, title: string, outcome: 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES'): Promise<void> {
  const change = await submittedChange(url, w, title);
  const decided = await gql(url, M.decide, { input: { changeId: change.id, expectedVersion: change.version, outcome, rationale: 'Decided during the crash test.' } }, w.ownerToken);
  await gql(url, M.comment, { input: { subjectId: change.id, body: 'A comment written while the server may die.' } }, w.pairToken);
  if (outcome !== 'APPROVE' || decided.userErrors.length) return;
  await gql(url, M.start, { input: { changeId: change.id } }, w.ownerToken);
  await gql(url, M.progress, { input: { changeId: change.id, progress: 60, note: 'Half the panels trained.', measures: [] } }, w.ownerToken);
  await gql(url, M.adopt, { input: { changeId: change.id, evidence: { policyOrProcess: 'Recruitment policy 4.2', effectiveFrom: '2026-01-01' }, measures: [] } }, w.ownerToken);
}

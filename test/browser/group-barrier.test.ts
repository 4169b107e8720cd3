import type { Page } from 'playwright-core';
import { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { ProgrammeEntity } from '../../server/src/modules/programme/programme.entity';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite } from '../helpers/browser';
import { factories } from '../helpers/factories';

/**
 * Issue 14: a group raises a barrier on behalf of the set. Pat runs an action-learning set for the
 * cohort (grown to five pairs and more, so the set cannot point at one pair); Jo, who came, raises a
 * barrier for the set from the session's page; Kit, of another pair in the set, sees it as the set's.
 */
const JO = 'jo.junior@northshore.example';
const KIT = 'kit.junior@northshore.example';
const PAT = 'pat.manager@northshore.example';
/** Unique per run: the demo database is shared by the browser suites and kept between runs. */
const SET = `Action-learning set: flexible rotas ${Date.now().toString(36)}`;

const suite = demoBrowserSuite();
const { signedIn, shot } = suite;
const year = new Date().getUTCFullYear() + 1;

async function scheduleAndHold(pat: Page) {
  const form = pat.getByRole('form', { name: 'Schedule a group session' });
  await form.getByLabel('Programme').selectOption({ label: '2026 Reciprocal Mentoring Cohort' });
  await form.getByLabel('Title').fill(SET);
  await form.getByLabel('Kind').selectOption('ACTION_LEARNING_SET');
  await form.getByLabel('Starts').fill(`${year}-05-04T13:00`);
  await form.getByRole('button', { name: 'Schedule and invite' }).click();
  await pat.getByRole('status').getByText('Group session scheduled').waitFor();
  // Time passes and everyone came (the attendance form itself is driven in scheduling.test.ts).
  await suite.server.db.query(`UPDATE group_session SET starts_at = now() - interval '1 hour', status = 'HELD' WHERE title = $1`, [SET]);
  await suite.server.db.query(`UPDATE group_session_invitee SET attended = true WHERE session_id IN (SELECT id FROM group_session WHERE title = $1)`, [SET]);
}

test('a co-learner who came raises a barrier for the set; another pair of the set sees it as the set’s', async () => {
  const programme = await suite.server.db.getRepository(ProgrammeEntity).findOneByOrFail({ name: '2026 Reciprocal Mentoring Cohort' });
  const organisation = await suite.server.db.getRepository(OrganisationEntity).findOneByOrFail({ id: programme.organisationId });
  const make = factories(suite.server.db);
  const extra: string[] = [];
  for (let i = 0; i < 4; i++) extra.push((await make.pair(organisation, { programme })).pair.id);

  const pat = await signedIn(PAT, undefined, '/group-sessions');
  await pat.getByRole('heading', { level: 1, name: 'Group sessions' }).waitFor();
  await scheduleAndHold(pat);

  const jo = await signedIn(JO, undefined, '/group-sessions');
  const card = jo.getByRole('region', { name: SET });
  await card.getByText('None yet.').waitFor();
  await card.getByRole('link', { name: 'Raise a barrier for the set' }).click();
  await jo.getByRole('heading', { level: 1, name: 'Raise a barrier' }).waitFor();
  await jo.getByText(`Raised on behalf of the set “${SET}”`).waitFor();
  expect(await jo.getByRole('radio', { name: 'Named' }).count()).toBe(0);
  await jo.getByLabel('Title').fill('Flexible rota requests wait months');
  await jo.getByLabel('What happens').fill('Across the set, part-time staff wait months for an answer to a flexible rota request.');
  await jo.getByLabel('Category').selectOption('POLICY');
  await jo.getByRole('checkbox', { name: 'Sex', exact: true }).check();
  await jo.getByRole('button', { name: 'Raise barrier' }).click();
  await jo.getByText(`Raised on behalf of the set “${SET}” (your pair; others do not see who)`).waitFor();
  expect(await accessibilityProblems(jo)).toEqual([]);
  await shot(jo, 'barrier-for-the-set');

  // Kit, in another pair of the set, is told and sees the set, not Sam or Jo.
  const kit = await signedIn(KIT, undefined, '/group-sessions');
  const kitCard = kit.getByRole('region', { name: SET });
  await kitCard.getByRole('link', { name: 'Flexible rota requests wait months' }).click();
  await kit.getByText(`Raised on behalf of the set “${SET}”`).waitFor();
  const about = await kit.getByRole('region', { name: 'What happens' }).innerText();
  expect(about).not.toMatch(/Sam Senior|Jo Junior|your pair/);

  // The demo database is shared with the other browser suites: the extra pairs finish, so they do not show as quiet there.
  await suite.server.db.query(`UPDATE pair SET status = 'COMPLETED' WHERE id = ANY($1)`, [extra]);
});

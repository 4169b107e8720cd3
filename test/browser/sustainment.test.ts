import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { accessibilityProblems } from '../helpers/axe';
import { demoBrowserSuite, viewports } from '../helpers/browser';
import { factories, gid } from '../helpers/factories';

/**
 * Confirmed adoption and sustainment through the browser: Jo puts a change forward for adoption
 * with evidence, Olu (the owner) confirms it, records its 6-month review with the measure's value,
 * and sees the measure charted from baseline through the review toward its target.
 */
const suite = demoBrowserSuite();
const MEASURE = 'Carers reaching interview';

test('the pair puts a change forward, the owner confirms it, records a review and sees the chart', async () => {
  const db = suite.server.db;
  const sam = await db.getRepository(PersonEntity).findOneByOrFail({ email: 'sam.senior@northshore.example' });
  const olu = await db.getRepository(PersonEntity).findOneByOrFail({ email: 'olu.owner@northshore.example' });
  const pair = await db.getRepository(PairEntity).findOneByOrFail({ seniorId: sam.id, status: PairStatus.ACTIVE });
  const make = factories(db);
  const title = `Interview slots outside school hours ${Date.now().toString(36)}`;
  const change = await make.change(await make.barrier(pair), olu.id, {
    status: ChangeStatus.IN_PROGRESS,
    title,
    progress: 80,
    startedAt: new Date(),
    successMeasures: [{ metric: MEASURE, unit: '%', baseline: 20, target: 45, current: 30 }],
  });
  const url = `/changes/${encodeURIComponent(gid('Change', change.id))}`;

  const jo = await suite.signedIn('jo.junior@northshore.example', viewports.laptop, url);
  await jo.getByRole('heading', { level: 1, name: title }).waitFor();
  await jo.getByRole('button', { name: 'Put forward for adoption' }).click();
  const adopt = jo.getByRole('form', { name: 'Put forward for adoption' });
  await adopt.getByLabel('Policy or process that changed').fill('Recruitment and Selection Policy, section 5.4');
  await adopt.getByLabel(`${MEASURE} (%)`).fill('34');
  await adopt.getByRole('button', { name: 'Put forward for adoption' }).click();
  await jo.getByText('Put forward for adoption: it is adopted once confirmed').waitFor();
  // Jo cannot confirm her own pair's adoption.
  expect(await jo.getByRole('button', { name: 'Confirm adoption' }).count()).toBe(0);
  await jo.locator('.title-row').getByText('Adoption to confirm').waitFor();
  await jo.context().close();

  // Olu finds it among the adoptions to confirm, beside his decision queue.
  const page = await suite.signedIn('olu.owner@northshore.example', viewports.laptop, '/decisions');
  const toConfirm = page.locator('section', { has: page.getByRole('heading', { name: /adoptions? to confirm/ }) });
  await toConfirm.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(new URL(page.url()).pathname).toBe(url);
  await page.getByRole('button', { name: 'Confirm adoption' }).click();
  await page.getByText('Adoption confirmed.').waitFor();
  await page.getByRole('list', { name: 'History of this change' }).getByText('Olu Owner confirmed the adoption').waitFor();
  const reviews = page.getByRole('list', { name: 'Sustainment reviews' });
  await reviews.getByText('6-month review').waitFor();
  await reviews.getByText('12-month review').waitFor();

  await page.getByRole('button', { name: 'Record a review' }).click();
  const form = page.getByRole('form', { name: 'Record a review' });
  await form.getByRole('button', { name: 'Record review' }).click();
  await form.getByText('Say whether the change is still in force.').first().waitFor();
  await form.getByLabel('Yes, still in force').check();
  await form.getByLabel(`${MEASURE} (%)`).fill('41');
  await form.getByLabel('Note').fill('Every panel offers an after-school slot.');
  await form.getByRole('button', { name: 'Record review' }).click();
  await page.getByText('Review recorded: still in force.').waitFor();
  await reviews.getByText(/in force, recorded/).waitFor();

  // The chart: baseline, at adoption, the review, toward the target; the same figures as a table.
  const chart = page.getByRole('figure', { name: `${MEASURE} over time` });
  await chart.getByText('From 20% at baseline to 41% (6-month review); target 45%.').waitFor();
  expect(await chart.locator('svg circle').count()).toBe(3);
  await chart.getByRole('button', { name: 'Show table' }).click();
  const rows = await chart.getByRole('table').getByRole('row').allInnerTexts();
  expect(rows.slice(1).map((r) => r.split('\t').slice(0, 1).concat(r.split('\t').slice(2, 3)).join(' '))).toEqual(['Baseline 20%', 'At adoption 34%', '6-month review 41%']);
  expect(await accessibilityProblems(page)).toEqual([]);
  await suite.shot(page, 'change-sustainment-laptop');
  await page.context().close();
});

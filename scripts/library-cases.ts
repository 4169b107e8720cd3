/**
 * A large community library for benchmarks and tests: `npm run bench:library` times searches over
 * it, and library-search-scale.test.ts checks the estimated counts against it.
 */
import type { DataSource } from 'typeorm';
import { AffectedGroup, BarrierCategory } from '../server/src/modules/barrier/barrier.entity';
import { CaseOutcome } from '../server/src/modules/library/library.entity';
import { Sector } from '../server/src/modules/organisation/organisation.entity';
import { Role } from '../server/src/modules/person/membership.entity';

const ORGANISATIONS = 100;

/** A small deterministic random source, so every run seeds the same library. */
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const SUBJECTS = ['Shortlisting panels', 'Promotion boards', 'Night rotas', 'Acting-up allowances', 'Flexible working requests', 'Exit interviews', 'Apprenticeship intakes', 'Interview questions', 'Bank shifts', 'Leadership programmes', 'Grievance handling', 'Job adverts', 'Reasonable adjustments', 'Secondments', 'Pay progression'];
const PROBLEMS = ['favour people who already know the managers', 'screen out applicants from minority ethnic backgrounds', 'are allocated informally and unevenly', 'ignore caring responsibilities', 'are advertised by word of mouth', 'use jargon that rewards insiders', 'are decided by a single manager without criteria', 'leave disabled staff waiting months', 'are never monitored by protected characteristic'];
const CHANGES = ['A diverse panel of three scores anonymised applications against published criteria.', 'Every vacancy is advertised openly for ten working days.', 'Rotas are published six weeks ahead and swaps go through a fair system.', 'Managers record a reason for every refusal, reviewed quarterly.', 'An independent reviewer sits on every promotion board.', 'Adjustments are agreed within 14 days with a named contact.', 'Monitoring data is reported to the board twice a year.'];
const OUTCOMES = ['Shortlisting rates for under-represented groups rose by half within a year.', 'Complaints about allocation fell sharply.', 'Time to agree adjustments dropped from months to weeks.', 'Promotion rates converged across ethnic groups.', 'Staff survey scores on fairness improved.'];
const SECTORS = Object.values(Sector);
const CATEGORIES = Object.values(BarrierCategory);
const GROUPS = Object.values(AffectedGroup);
const OUTCOME_VALUES = Object.values(CaseOutcome);

/**
 * `cases` published cases from 100 organisations (one person, programme and pair each) with a
 * community reader, in batches of plain SQL; the same library every time for the same count.
 * Their words come from small lists, so that a search such as "shortlisting panel" matches a
 * large share of them, as a broad search of a large library would.
 */
export async function seedPublishedCases(db: DataSource, cases: number): Promise<{ readerId: string }> {
  seed = 42;
  const [reader] = await db.query(`INSERT INTO person (email, display_name) VALUES ('reader@bench.example', 'Bench Reader') RETURNING id`);
  const organisations: { id: string; sector: string; pairId: string }[] = [];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const sector = SECTORS[i % SECTORS.length];
    const [organisation] = await db.query(`INSERT INTO organisation (name, slug, sector, country) VALUES ($1, $2, $3, 'GB') RETURNING id`, [`Organisation ${i}`, `org-${i}`, sector]);
    const [person] = await db.query(`INSERT INTO person (email, display_name) VALUES ($1, $2) RETURNING id`, [`colearner${i}@bench.example`, `Co-learner ${i}`]);
    const [programme] = await db.query(
      `INSERT INTO programme (organisation_id, name, starts_on, ends_on, session_cadence, status) VALUES ($1, 'Programme', '2025-01-01', '2025-12-31', 'MONTHLY', 'ACTIVE') RETURNING id`,
      [organisation.id],
    );
    const [pair] = await db.query(`INSERT INTO pair (programme_id, organisation_id, senior_id, junior_id, status) VALUES ($1, $2, $3, $3, 'ACTIVE') RETURNING id`, [programme.id, organisation.id, person.id]);
    organisations.push({ id: organisation.id, sector, pairId: pair.id });
  }
  await db.query(`INSERT INTO membership (person_id, organisation_id, roles) VALUES ($1, $2, $3)`, [reader.id, organisations[0].id, [Role.COMMUNITY_MEMBER]]);

  const BATCH = 500;
  for (let done = 0; done < cases; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, cases - done) }, (_, i) => {
      const organisation = pick(organisations);
      const subject = pick(SUBJECTS);
      const groups = [...new Set([pick(GROUPS), pick(GROUPS)])];
      return {
        n: done + i,
        organisation,
        title: `${subject} ${pick(PROBLEMS)}`,
        summary: `${subject} ${pick(PROBLEMS)}. ${subject} ${pick(PROBLEMS)}, and the figures show it across the organisation.`,
        whatChanged: `${pick(CHANGES)} ${pick(CHANGES)}`,
        outcomeSummary: pick(OUTCOMES),
        category: pick(CATEGORIES),
        groups,
        outcome: pick(OUTCOME_VALUES),
        tags: [subject.toLowerCase(), pick(['inclusive recruitment', 'fair rotas', 'pay equity', 'disability', 'race equality', 'flexible working'])],
      };
    });
    const barriers: { id: string }[] = await db.query(
      `INSERT INTO barrier (organisation_id, pair_id, raised_by_id, title, description, category, affected_groups, attribution)
       SELECT o, p, p, t, d, c::barrier_category, string_to_array(g, ',')::affected_group[], 'NAMED'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(o, p, t, d, c, g) RETURNING id`,
      [rows.map((r) => r.organisation.id), rows.map((r) => r.organisation.pairId), rows.map((r) => r.title), rows.map((r) => r.summary), rows.map((r) => r.category), rows.map((r) => r.groups.join(','))],
    );
    await db.query(
      `INSERT INTO shared_case (organisation_id, source_barrier_id, pair_id, requested_by_id, title, summary, what_changed, outcome_summary,
         measures, sector, category, affected_groups, tags, outcome, status, show_organisation_name, published_at)
       SELECT o, b, p, p, t, s, w, oc, '[{"metric":"Shortlisting rate","unit":"%","baseline":18,"target":35,"current":30}]',
         sec::sector, c::barrier_category, string_to_array(g, ',')::affected_group[], string_to_array(tg, '|'), out::case_outcome, 'PUBLISHED', false,
         now() - (n || ' minutes')::interval
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
         AS x(o, b, p, t, s, w, oc, sec, c, g, tg, out, n)`,
      [
        rows.map((r) => r.organisation.id),
        barriers.map((b) => b.id),
        rows.map((r) => r.organisation.pairId),
        rows.map((r) => r.title),
        rows.map((r) => r.summary),
        rows.map((r) => r.whatChanged),
        rows.map((r) => r.outcomeSummary),
        rows.map((r) => r.organisation.sector),
        rows.map((r) => r.category),
        rows.map((r) => r.groups.join(',')),
        rows.map((r) => r.tags.join('|')),
        rows.map((r) => r.outcome),
        rows.map((r) => r.n),
      ],
    );
  }
  // VACUUM as well, as autovacuum leaves a live library (see seed-large.ts).
  await db.query('VACUUM ANALYZE');
  return { readerId: reader.id };
}

import fc from 'fast-check';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api, APPROVE, CONSENT, gid, libraryTestServer, type Team } from '../helpers/library';

const EDIT = `mutation ($input: EditSharedCaseInput!) { editSharedCase(input: $input) {
  sharedCase { id status summary redactions { field kind found start end status } } userErrors { field message code } } }`;

/**
 * A generated corpus: case narratives written from varied organisations, people, places, numbers and
 * phrasing, each with planted personal data. Every planted email, phone number, organisation name
 * and member name must be flagged by the redaction assistant (through the API, with the
 * organisation's real members and list of identifiers), and a case with a flag left open can be
 * neither consented to nor published.
 */
const t = libraryTestServer();

const PLACES = ['Kestrel', 'Ashbourne', 'Marlowe', 'Penrith', 'Oakhaven', 'Thornbury', 'Wexcombe', 'Eldermere', 'Brackenford', 'Saltmarsh', 'Corrieston', 'Halvergate'];
const SECOND = ['Vale', 'Bay', 'Heath', 'Downs', 'Cross', 'Fields'];
const KINDS = ['Hospitals NHS Foundation Trust', 'City Council', 'University', 'Building Society', 'Community Health Partnership', 'Borough Council'];
const GIVEN = ['Adaeze', 'Siobhan', 'Mehmet', 'Aleksandra', 'Thandiwe', 'Hiroshi', 'Fatou', 'Rhys', 'Kerry-Ann', 'Jean-Luc', 'Ngozi', 'Dariusz', 'Anwen', 'Kofi', 'Parveen', 'Lachlan', 'Ifeoma', 'Bogdan'];
const FAMILY = ["O'Neill", 'Okonkwo', 'Yilmaz', 'Nowak', 'Dlamini', 'Tanaka', 'Diallo', 'Llewellyn', 'Campbell', 'Moreau', 'Eze', 'Kowalczyk', 'Pritchard', 'Mensah', 'Chaudhry', 'MacLeod', 'Nwosu', 'Ionescu'];
const SITES = ['Kingfisher House', 'Riverbank Centre', 'Hawthorn Clinic', 'Beacon Road Depot'];
const WARDS = ['Bluebell Ward', 'Ward 7B', 'Larch Unit'];

interface OrganisationSpec {
  name: string;
  shortForm: string;
  alias: string;
  place: string;
  site: string;
  ward: string;
  members: string[];
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');

/** A few organisations, each with generated names for the organisation, its places and its people. */
const organisationSpecs: OrganisationSpec[] = fc
  .sample(
    fc.record({
      place: fc.constantFrom(...PLACES),
      second: fc.constantFrom(...SECOND),
      kind: fc.constantFrom(...KINDS),
      site: fc.constantFrom(...SITES),
      ward: fc.constantFrom(...WARDS),
      members: fc.uniqueArray(fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY)), { minLength: 8, maxLength: 8, selector: ([g, f]) => `${g}|${f}` }),
    }),
    { numRuns: 30, seed: 20261202 },
  )
  .filter((spec, index, all) => all.findIndex((other) => other.place === spec.place) === index)
  .slice(0, 3)
  .map((spec) => {
    const name = `${spec.place} ${spec.second} ${spec.kind}`;
    // No two organisations share a member's family name, so a find is this organisation's own.
    return { name, shortForm: initials(name), alias: `${spec.place} ${spec.second}`, place: spec.place, site: spec.site, ward: spec.ward, members: spec.members.map(([g, f]) => `${g} ${f}`) };
  });

type Planted = { kind: 'EMAIL' | 'PHONE' | 'ORGANISATION' | 'MEMBER'; text: string; core: string };

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const phone = fc.oneof(
  fc.tuple(digits(3), digits(6)).map(([a, b]) => `07${a} ${b}`),
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `020 ${a} ${b}`),
  fc.tuple(digits(3), digits(4)).map(([a, b]) => `0161 ${a} ${b}`),
  fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 (0)20 ${a} ${b}`),
  fc.tuple(digits(3), digits(6)).map(([a, b]) => `+44 7${a} ${b}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `+1 (${a.replace(/^[01]/, '4')}) ${b}-${c}`),
  fc.tuple(digits(2), digits(2), digits(2), digits(2)).map(([a, b, c, d]) => `+33 1 ${a} ${b} ${c} ${d}`),
  fc.tuple(digits(5), digits(5)).map(([a, b]) => `+91 9${a.slice(1)} ${b}`),
  fc.tuple(digits(8)).map(([a]) => `+49 30 ${a}`),
  fc.tuple(digits(3), digits(4)).map(([a, b]) => `+353 1 ${a} ${b}`),
  fc.tuple(digits(1), digits(3), digits(4)).map(([a, b, c]) => `+27 8${a} ${b} ${c}`),
);

function email(spec: OrganisationSpec): fc.Arbitrary<string> {
  const domain = fc.constantFrom(`${spec.place.toLowerCase()}.nhs.uk`, 'gmail.com', 'outlook.co.uk', `${spec.place.toLowerCase()}-council.gov.uk`, 'example.org');
  const local = fc.oneof(
    fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY)).map(([g, f]) => `${g}.${f}`.toLowerCase().replace(/'/g, '')),
    fc.tuple(fc.constantFrom(...GIVEN), digits(2)).map(([g, d]) => `${g.toLowerCase()}_${d}+mentoring`),
    fc.constantFrom('hr-recruitment', 'edi.team', 'speakup'),
  );
  return fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
}

/** One planted item and the words around it. */
function plant(spec: OrganisationSpec): fc.Arbitrary<{ sentence: string; planted: Planted }> {
  const sentence = (kind: Planted['kind'], core: string, shapes: ((x: string) => string)[], templates: ((x: string) => string)[]) =>
    fc.tuple(fc.constantFrom(...shapes), fc.constantFrom(...templates)).map(([shape, template]) => {
      const text = shape(core);
      return { sentence: template(text), planted: { kind, text, core } };
    });
  const organisationNames = [spec.name, spec.shortForm, spec.alias, spec.place];
  const orgShapes = [(x: string) => x, (x: string) => x.toLowerCase(), (x: string) => x.toUpperCase(), (x: string) => `${x}'s`, (x: string) => `${x}’s`, (x: string) => `${x}-wide`, (x: string) => `#${x.replace(/\s+/g, '')}Proud`];
  const orgTemplates = [
    (x: string) => `WRES 2026 data for ${x} showed the gap had widened.`,
    (x: string) => `The panel at ${x} never included anyone from outside the directorate.`,
    (x: string) => `We compared ourselves with the rest of ${x} and found the same pattern.`,
    (x: string) => `“${x} does not publish shortlisting data by ethnicity,” the report said.`,
    (x: string) => `Staff survey results (${x}, all sites) pointed the same way.`,
  ];
  const memberShapes = [(x: string) => x, (x: string) => x.toLowerCase(), (x: string) => x.toUpperCase(), (x: string) => `${x}'s`, (x: string) => `Dr ${x}`];
  const memberTemplates = [
    (x: string) => `${x} raised it at our third session.`,
    (x: string) => `After talking to ${x}, we looked at the rota again.`,
    (x: string) => `The draft was checked by ${x} before it went to the board.`,
    (x: string) => `It was ${x} who first noticed the pattern in the data.`,
  ];
  const contactTemplates = [
    (x: string) => `For the figures, contact ${x} in the people team.`,
    (x: string) => `Questions went to ${x}; nobody answered for a month.`,
    (x: string) => `The helpline (${x}) was only staffed in office hours.`,
    (x: string) => `Write to ${x}.`,
  ];
  const identity = [(x: string) => x];
  return fc.oneof(
    fc.constantFrom(...organisationNames).chain((name) => sentence('ORGANISATION', name, orgShapes, orgTemplates)),
    fc.constantFrom(...spec.members).chain((name) =>
      fc.oneof(
        sentence('MEMBER', name, memberShapes, memberTemplates),
        sentence('MEMBER', name.split(' ')[0], identity, memberTemplates),
        sentence('MEMBER', name.split(' ').slice(1).join(' '), [(x) => x, (x) => `Ms ${x}`], memberTemplates),
      ),
    ),
    email(spec).chain((address) => sentence('EMAIL', address, identity, contactTemplates)),
    phone.chain((number) => sentence('PHONE', number, identity, contactTemplates)),
  );
}

const FILLER = [
  'Shortlisting for band 6 roles was done by one manager with no structured criteria.',
  'Part-time applicants were screened out before interview.',
  'The night rota gave carers no predictable nights off.',
  'Adjustments took months to agree, and people left in the meantime.',
  'Nobody had looked at the figures by working pattern before.',
];

/** A narrative for one of the organisations: filler and planted sentences in a generated order. */
const narrative = fc.nat({ max: organisationSpecs.length - 1 }).chain((which) =>
  fc
    .tuple(fc.constant(which), fc.array(plant(organisationSpecs[which]), { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(...FILLER), { maxLength: 3 }), fc.boolean())
    .map(([index, plants, filler, fillerFirst]) => {
      const sentences = fillerFirst ? [...filler, ...plants.map((p) => p.sentence)] : [...plants.map((p) => p.sentence), ...filler];
      const text = sentences.join(' ');
      // Where each planted item stands in the text, and where its core (the name, the number) is inside it.
      let from = 0;
      const spans = plants.map(({ planted }) => {
        const start = text.indexOf(planted.text, from);
        from = start + planted.text.length;
        const written = planted.text.toLowerCase();
        const core = written.includes(planted.core.toLowerCase()) ? planted.core : planted.core.replace(/\s+/g, '');
        const offset = written.indexOf(core.toLowerCase());
        return { ...planted, start: start + offset, end: start + offset + core.length };
      });
      return { organisation: index, text, spans };
    }),
);

interface Flag {
  field: string;
  kind: string;
  found: string;
  start: number;
  end: number;
  status: string;
}

/** The letters and digits of [start, end) that no open flag in the summary covers. */
function uncovered(text: string, start: number, end: number, flags: Flag[]): string {
  let missed = '';
  for (let i = start; i < end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i])) continue;
    if (!flags.some((f) => f.field === 'SUMMARY' && f.status === 'OPEN' && f.start <= i && i < f.end)) missed += text[i];
  }
  return missed;
}

describe('the redaction assistant on a generated corpus', () => {
  const teams: { team: Team; caseId: string }[] = [];

  beforeAll(async () => {
    for (const spec of organisationSpecs) {
      const organisation = await t.fx.make.organisation({ name: spec.name });
      const team = await t.fx.team({ organisation, names: [spec.members[0], spec.members[1]] });
      for (const name of spec.members.slice(2)) await t.fx.make.person({ organisation, roles: [Role.COMMUNITY_MEMBER], name });
      const add = `mutation ($input: AddOrganisationIdentifierInput!) { addOrganisationIdentifier(input: $input) { identifier { id } userErrors { code message } } }`;
      for (const [kind, value] of [
        ['SHORT_FORM', spec.shortForm],
        ['ALIAS', spec.alias],
        ['SITE', spec.site],
        ['WARD', spec.ward],
      ]) {
        const payload = await t.api.as(team.manager.token).mutation(add, { organisationId: gid('Organisation', organisation.id), kind, value });
        expect(payload.userErrors).toEqual([]);
      }
      const { barrier } = await t.fx.barrier(team);
      const drafted = await t.fx.requestCase(t.api, team, barrier);
      teams.push({ team, caseId: drafted.id });
    }
  });

  it('flags every planted email, phone number, organisation name and member name in at least 200 narratives, and never lets such a case through', async () => {
    expect(organisationSpecs.length).toBe(3);
    let narratives = 0;
    await fc.assert(
      fc.asyncProperty(narrative, async ({ organisation, text, spans }) => {
        narratives += 1;
        const { team, caseId } = teams[organisation];
        const edited = await t.api.as(team.junior.token).mutation(EDIT, { caseId, summary: text });
        expect(edited.userErrors).toEqual([]);
        expect(edited.sharedCase.summary).toBe(text);
        for (const span of spans) {
          expect({ planted: span.text, kind: span.kind, missed: uncovered(text, span.start, span.end, edited.sharedCase.redactions) }).toEqual({
            planted: span.text,
            kind: span.kind,
            missed: '',
          });
        }
        // An open flag blocks consent and approval alike; the case stays out of the library.
        expect(edited.sharedCase.status).toBe('REDACTING');
        const consent = await t.api.as(team.senior.token).mutation(CONSENT, { caseId });
        expect(consent.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNRESOLVED_REDACTIONS']);
        const approve = await t.api.as(team.manager.token).mutation(APPROVE, { caseId });
        expect(approve.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNRESOLVED_REDACTIONS']);
      }),
      { numRuns: 200, seed: 8 },
    );
    expect(narratives).toBeGreaterThanOrEqual(200);
    const library = await t.api.as(teams[0].team.member.token).ok(`{ sharedCases(first: 100) { nodes { id } } }`);
    expect(library.sharedCases.nodes.map((n: { id: string }) => n.id)).not.toEqual(expect.arrayContaining(teams.map((x) => x.caseId)));
  }, 600_000);
});

export { Api };

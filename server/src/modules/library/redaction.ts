/**
 * The redaction assistant's detector: pure functions that find personal data in a case's text and
 * propose a replacement for each find. No database, no context: the service supplies the names and
 * job titles of the organisation's members, and stores what comes back as redaction flags.
 */

export enum RedactionKind {
  PERSON_NAME = 'PERSON_NAME',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  JOB_TITLE = 'JOB_TITLE',
  SMALL_NUMBER = 'SMALL_NUMBER',
  /** The organisation's name, a short form or an alias of it. */
  ORGANISATION = 'ORGANISATION',
  /** One of the organisation's sites, wards or departments. */
  PLACE = 'PLACE',
  /** A staff, employee, payroll or assignment number. */
  STAFF_NUMBER = 'STAFF_NUMBER',
  /** A date finer than a month ("3 March 2026", "03/03/2026"): it can be lined up with a rota or a meeting. */
  DATE = 'DATE',
}

export interface Finding {
  kind: RedactionKind;
  /** The text found, exactly as it stands at [start, end). */
  text: string;
  start: number;
  end: number;
  /** What the assistant proposes to put in its place. */
  replacement: string;
}

/** How an organisation identifier is flagged: as the organisation, or as one of its places. */
export type IdentifierRole = 'ORGANISATION' | 'SITE' | 'WARD' | 'DEPARTMENT';

/** What the detector knows about the organisation whose case it reads. */
export interface DetectionContext {
  /** The organisation's name, short forms and aliases (role ORGANISATION), its sites, wards and departments. */
  identifiers?: { value: string; role: IdentifierRole }[];
  /** Members' display names, with their job title when known (for a role-shaped replacement). */
  members: { name: string; jobTitle?: string | null }[];
  /** Members' job titles, each with how many members hold it: a title held by one person identifies them. */
  jobTitles: { title: string; holders: number }[];
}

export const REPLACEMENTS = {
  email: '[email removed]',
  phone: '[phone number removed]',
  person: '[a colleague]',
  smallNumber: '[fewer than five]',
  organisation: '[our organisation]',
  site: '[one of our sites]',
  ward: '[a ward]',
  department: '[a department]',
  staffNumber: '[staff number removed]',
} as const;

const PLACE_REPLACEMENT: Record<IdentifierRole, string> = {
  ORGANISATION: REPLACEMENTS.organisation,
  SITE: REPLACEMENTS.site,
  WARD: REPLACEMENTS.ward,
  DEPARTMENT: REPLACEMENTS.department,
};

/**
 * Words that appear in many organisations' names ("Health", "Trust", "Council"): an organisation is
 * recognised by the distinctive words of its name ("Northshore"), which are flagged on their own
 * too; these generic ones only as part of the whole name.
 */
export const GENERIC_ORGANISATION_WORDS = new Set(
  `the of and for a an at in on & nhs trust foundation health healthcare care hospital hospitals university universities college school
  schools academy council county borough city district metropolitan town parish city's general royal national community communities
  mental partnership partnerships integrated board group services service limited ltd plc llp inc corporation company co bank society
  association charity charitable fund centre center institute authority department ward site campus unit clinic practice surgery
  region regional north south east west northern southern eastern western central greater upper lower new old saint st`.split(/\s+/).filter(Boolean),
);

/** Words that are also surnames or name parts in the demo and in life, but far more often plain words. */
const COMMON_WORDS = new Set(
  `a an the and or of in on at to for with by from as is was were be been it its this that these those we our us they their
  i you he she his her him them my me senior junior manager owner member admin director lead head chief officer nurse doctor
  staff team trust council board panel people person patient patients ward unit service services department division
  directorate group committee network forum programme project policy process change changes barrier barriers case cases
  january february march april may june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday english british black white asian mixed other north south east west new old young
  human resources recruitment interview interviews shortlist shortlisting equality diversity inclusion nhs health care
  band grade level after before during when where while then than there here what which who whom why how all any some
  each every both few more most many much not no yes also only just very well good best first last next one two three
  four five six seven eight nine ten hr`.split(/\s+/).filter(Boolean),
);

/** Honorifics and forms of address that precede a name. */
const TITLES = String.raw`(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Lady|Lord|Sister|Matron|Cllr|Councillor|Rev|Revd|Reverend)`;
const NAME_WORD = String.raw`[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?`;

/**
 * Common given names across the communities British public services serve; a capitalised one,
 * alone or before a capitalised surname, is most likely a person.
 */
const COMMON_FIRST_NAMES = `
  Aaliyah Aaron Abdul Abdullah Abigail Adam Adebayo Adeola Aditi Ahmed Aisha Alan Alex Alexander Alexandra Ali Alice Alison Amaka
  Amanda Amara Amina Amir Amit Amy Andrea Andrew Angela Anil Anita Ann Anna Anne Anthony Anjali Arjun Asif Ayesha Barbara Ben
  Benjamin Beth Bilal Brian Carl Carol Caroline Catherine Charlotte Chen Chidi Chloe Chris Christine Christopher Chukwu Claire
  Daniel Darren David Deborah Deepak Dennis Diane Donna Dylan Elizabeth Ella Emily Emma Eric Fatima Fiona Florence Funmi Gareth
  Gary Gemma George Grace Graham Hannah Hassan Helen Ibrahim Imran Isaac Isabella Jack Jacob James Jane Janet Jason Jennifer
  Jessica Joanne John Jonathan Joseph Joshua Julie Karen Kate Katherine Kelly Kevin Kwame Laura Lauren Leah Lee Lily Linda Lisa
  Liam Lucy Mandeep Margaret Maria Mark Martin Mary Matthew Mei Michael Michelle Mohamed Mohammad Mohammed Muhammad Nadia Naomi
  Neil Nicola Nikhil Noah Oliver Olivia Omar Oluwaseun Patricia Paul Peter Philip Pooja Priya Rachel Rahul Rajesh Rebecca
  Richard Robert Rohan Ruth Ryan Samuel Sandeep Sanjay Sarah Scott Sean Shabana Sharon Simon Sophie Stephen Steven Stuart Susan
  Tariq Thomas Tim Timothy Tom Tomasz Tunde Usman Victoria Wei William Yasmin Yusuf Zainab Zara Zoe
`.split(/\s+/).filter(Boolean);

/** Nouns that count people: "3 nurses", "two Black applicants". */
const PEOPLE_NOUNS = String.raw`(?:people|persons?|staff|colleagues?|employees?|workers?|nurses?|midwives|midwife|doctors?|consultants?|surgeons?|clinicians?|porters?|cleaners?|managers?|leaders?|directors?|applicants?|candidates?|interviewees?|shortlisted|appointees?|recruits?|trainees?|apprentices?|students?|women|woman|men|man|members?|respondents?|participants?|individuals?|residents?|patients?|officers?|carers?|volunteers?|councillors?|governors?|teachers?|pupils?|parents?|mothers?|fathers?|disabled|complaints?|grievances?|leavers?|starters?|promotions?|appointments?)`;
const SMALL_NUMBER_WORDS = String.raw`(?:[1-4]|one|two|three|four|a single|only one|just one)`;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** UK numbers (07…, 01…, 02…, 0800…, +44 …) and international ones (+ country code, 8 to 15 digits), plus extensions. */
const PHONE = /(?:(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?(?:\(?\d{1,5}\)?[\s.-]?){2,5}\d{2,4}|(?<![\w])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}|\b(?:ext|extn|extension)\.?\s*\d{3,5})\b/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function digitsIn(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

/** A role-shaped stand-in for a person or a job title: what the reader needs, without who. */
export function roleReplacement(jobTitle?: string | null): string {
  const title = (jobTitle ?? '').toLowerCase();
  if (!title) return REPLACEMENTS.person;
  if (/consultant|clinical|doctor|surgeon|physician|registrar|medical/.test(title)) return '[a senior clinician]';
  if (/chief|director|head|executive|board|chair/.test(title)) return '[a senior leader]';
  if (/nurse|matron|midwife|sister|health ?care assistant/.test(title)) return '[a nurse]';
  if (/manager|lead|supervisor|officer/.test(title)) return '[a manager]';
  return '[a member of staff]';
}

/** The spans of text that are already redaction placeholders ("[a colleague]"): never flagged again. */
function placeholderSpans(text: string): [number, number][] {
  return [...text.matchAll(/\[[^\]\n]{1,60}\]/g)].map((m) => [m.index, m.index + m[0].length]);
}

function collect(text: string, pattern: RegExp, make: (match: RegExpMatchArray) => Omit<Finding, 'start' | 'end' | 'text'> & { offset?: number; length?: number } | null): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    const made = make(match);
    if (!made) continue;
    const start = match.index! + (made.offset ?? 0);
    const length = made.length ?? match[0].length;
    found.push({ kind: made.kind, replacement: made.replacement, start, end: start + length, text: text.slice(start, start + length) });
  }
  return found;
}

function findEmails(text: string): Finding[] {
  return collect(text, EMAIL, () => ({ kind: RedactionKind.EMAIL, replacement: REPLACEMENTS.email }));
}

function findPhones(text: string): Finding[] {
  return collect(text, PHONE, (m) => {
    const isExtension = /^ext/i.test(m[0]);
    const digits = digitsIn(m[0]);
    if (!isExtension && (digits < 8 || digits > 15)) return null;
    const trimmed = m[0].replace(/[\s.-]+$/, '');
    return { kind: RedactionKind.PHONE, replacement: REPLACEMENTS.phone, length: trimmed.length };
  });
}

/** Members' full names, then each distinctive part of them (a first name alone identifies in a small team). */
function findMemberNames(text: string, context: DetectionContext): Finding[] {
  const found: Finding[] = [];
  const members = [...context.members].sort((a, b) => b.name.length - a.name.length);
  for (const member of members) {
    const name = member.name.trim();
    if (name.length < 2) continue;
    const replacement = roleReplacement(member.jobTitle);
    found.push(...collect(text, new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?:['’]s)?(?![\\p{L}])`, 'giu'), (m) => ({
      kind: RedactionKind.PERSON_NAME,
      replacement,
      length: m[0].replace(/['’]s$/, '').length,
    })));
    for (const part of name.split(/\s+/)) {
      if (part.length < 2 || COMMON_WORDS.has(part.toLowerCase())) continue;
      // Case-sensitive on purpose: "Grace" the colleague, not "grace" the word.
      found.push(...collect(text, new RegExp(`(?<![\\p{L}])${escapeRegExp(part)}(?![\\p{L}])`, 'gu'), () => ({
        kind: RedactionKind.PERSON_NAME,
        replacement,
      })));
    }
  }
  return found;
}

/** "Dr Okafor", "Ms Jane Smith", "Councillor Ahmed": a title and one or two capitalised words. */
function findTitledNames(text: string): Finding[] {
  const pattern = new RegExp(`\\b${TITLES}\\.?\\s+${NAME_WORD}(?:\\s+${NAME_WORD})?`, 'g');
  return collect(text, pattern, (m) => {
    const words = m[0].split(/\s+/).slice(1);
    if (words.every((w) => COMMON_WORDS.has(w.toLowerCase()))) return null;
    return { kind: RedactionKind.PERSON_NAME, replacement: REPLACEMENTS.person };
  });
}

/** A common given name, with the capitalised surname that follows it, if any. */
function findCommonNames(text: string): Finding[] {
  const pattern = new RegExp(`(?<![\\p{L}])(?:${COMMON_FIRST_NAMES.join('|')})(?:\\s+${NAME_WORD})?(?![\\p{L}])`, 'gu');
  return collect(text, pattern, (m) => {
    const [first, surname] = m[0].split(/\s+/);
    const keepSurname = surname && !COMMON_WORDS.has(surname.toLowerCase());
    return { kind: RedactionKind.PERSON_NAME, replacement: REPLACEMENTS.person, length: keepSurname ? m[0].length : first.length };
  });
}

/** A job title that only one member holds points at that person. */
function findUniqueJobTitles(text: string, context: DetectionContext): Finding[] {
  return context.jobTitles
    .filter((t) => t.holders === 1 && t.title.trim().length >= 3)
    .flatMap((t) =>
      collect(text, new RegExp(`(?<![\\p{L}])${escapeRegExp(t.title.trim())}(?![\\p{L}])`, 'giu'), () => ({
        kind: RedactionKind.JOB_TITLE,
        replacement: roleReplacement(t.title),
      })),
    );
}

/** Counts of people under five: "3 nurses", "two disabled applicants", "only one Black consultant". */
function findSmallNumbers(text: string): Finding[] {
  // "at least one panel member", "every one", "up to two staff" state a rule, not a count of particular people.
  const pattern = new RegExp(`(?<![\\w.,])(?<!\\b(?:at least|at most|up to|each|every|per|no more than|no fewer than)\\s)${SMALL_NUMBER_WORDS}(?:\\s+(?:of\\s+(?:the|our)\\s+)?[A-Za-z-]+){0,2}?\\s+${PEOPLE_NOUNS}\\b`, 'gi');
  return collect(text, pattern, (m) => {
    const number = m[0].match(new RegExp(`^${SMALL_NUMBER_WORDS}`, 'i'))![0];
    return { kind: RedactionKind.SMALL_NUMBER, replacement: REPLACEMENTS.smallNumber, length: number.length };
  });
}

/** A letter, digit or the joins inside a word: what may not touch a short identifier on either side. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;

/**
 * Regular expressions for one identifier, tolerant of case, spacing, hyphens, dots and either
 * apostrophe ("St Anne's" = "st. anne’s" = "St-Annes"). Identifiers of six letters or more are found
 * inside compounds too ("#NorthshoreProud", "Northshore-wide"); shorter ones ("NHT") as words in
 * any case, and inside compounds only as written in capitals, at the start of a run of them ("#NHTProud").
 */
function identifierPatterns(value: string): RegExp[] {
  const tokens = value.split(/[\s\-_.,/'’&]+/).filter(Boolean);
  if (!tokens.length) return [];
  const body = tokens.map((t) => escapeRegExp(t)).join(String.raw`[\s\-_.,/'’&]*`);
  if (value.replace(/[^\p{L}\p{N}]/gu, '').length >= 6) return [new RegExp(body, 'giu')];
  const patterns = [new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'giu')];
  if (/^[\p{Lu}\p{N}]{3,}$/u.test(tokens.join(''))) patterns.push(new RegExp(`(?<!\\p{Lu})${body}`, 'gu'));
  return patterns;
}

/** The identifiers to look for: each one given, and each distinctive word of a name or alias on its own. */
export function identifierVariants(identifiers: { value: string; role: IdentifierRole }[]): { value: string; role: IdentifierRole }[] {
  const out = new Map<string, { value: string; role: IdentifierRole }>();
  for (const identifier of identifiers) {
    const value = identifier.value.trim();
    if (value.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue;
    out.set(value.toLowerCase(), { value, role: identifier.role });
    if (identifier.role !== 'ORGANISATION') continue;
    for (const word of value.split(/[\s\-_.,/&]+/)) {
      const bare = word.replace(/['’]s$/i, '');
      if (bare.length >= 3 && !GENERIC_ORGANISATION_WORDS.has(bare.toLowerCase()) && !COMMON_WORDS.has(bare.toLowerCase())) {
        out.set(bare.toLowerCase(), { value: bare, role: identifier.role });
      }
    }
  }
  return [...out.values()];
}

/** The organisation's name, short forms and aliases, its sites, wards and departments, wherever they stand. */
function findIdentifiers(text: string, context: DetectionContext): Finding[] {
  const found: Finding[] = [];
  for (const identifier of identifierVariants(context.identifiers ?? [])) {
    for (const pattern of identifierPatterns(identifier.value)) {
      found.push(
      ...collect(text, pattern, (m) => ({
        kind: identifier.role === 'ORGANISATION' ? RedactionKind.ORGANISATION : RedactionKind.PLACE,
        replacement: PLACE_REPLACEMENT[identifier.role],
        // "Northshore's" loses its name, not its possessive.
        length: m[0].replace(/[\s\-_.,/'’&]+$/, '').length,
      })),
      );
    }
  }
  return found;
}

/** "staff number 123456", "Employee No. E-10234", "ESR assignment 12345678", "payroll ID: 884213". */
const STAFF_NUMBER = new RegExp(
  String.raw`\b(?:staff|employee|payroll|personnel|ESR|badge|pay|assignment)(?:\s+(?:assignment|payroll))?\s*(?:number|no\.?|num|#|ID|reference|ref\.?)\s*(?:is|was|:|=)?\s*(?<id>[A-Z]{0,4}[-/]?\d(?:[\d-]|\s(?=\d)){2,}\d)\b`,
  'gi',
);
/** A code that looks like an identifier on its own: letters then five or more digits ("EMP004521", "NS-12345"). */
const ID_CODE = /(?<![\p{L}\p{N}-])[A-Z]{1,4}-?\d{5,10}(?![\p{L}\p{N}])/gu;

function findStaffNumbers(text: string): Finding[] {
  const keyed = collect(text, STAFF_NUMBER, (m) => {
    const id = m.groups!.id.replace(/[\s-]+$/, '');
    if (digitsIn(id) < 4) return null;
    return { kind: RedactionKind.STAFF_NUMBER, replacement: REPLACEMENTS.staffNumber, offset: m[0].lastIndexOf(m.groups!.id), length: id.length };
  });
  return [...keyed, ...collect(text, ID_CODE, () => ({ kind: RedactionKind.STAFF_NUMBER, replacement: REPLACEMENTS.staffNumber }))];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const DATE_PATTERNS = [
  // 3 March 2026, Tuesday 3rd of March, 3 Mar
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${WEEKDAY}\s+)?(?:the\s+)?${DAY}\s+(?:of\s+)?(?<month>${MONTH})(?:,?\s+(?<year>${YEAR}))?(?![\p{L}\p{N}])`, 'giu'),
  // March 3rd, 2026; Tuesday, March 3
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${WEEKDAY}\s+)?(?<month>${MONTH})\s+(?:the\s+)?${DAY}(?:,?\s+(?<year>${YEAR}))?(?![\p{L}\p{N}])`, 'giu'),
  // 03/03/2026, 3.3.26, 3-3-2026 (day first, as written in the UK)
  /(?<![\p{N}/.-])(?<day>0?[1-9]|[12]\d|3[01])[/.-](?<num>0?[1-9]|1[0-2])[/.-](?<year>(?:19|20)?\d{2})(?![\p{N}/.-]|\.\d)/gu,
  // 2026-03-03
  /(?<![\p{N}-])(?<year>(?:19|20)\d{2})-(?<num>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])(?![\p{N}])/gu,
];

/** "March 2026" for a date in March 2026: the month is as fine as a case tells. */
function monthOf(groups: Record<string, string | undefined>): string {
  const index = groups.num ? Number(groups.num) - 1 : MONTHS.findIndex((m) => m.startsWith(groups.month!.replace('.', '').toLowerCase().slice(0, 3)));
  const name = MONTHS[index] ? MONTHS[index][0].toUpperCase() + MONTHS[index].slice(1) : 'that month';
  const year = groups.year ? (groups.year.length === 2 ? `20${groups.year}` : groups.year) : '';
  return `[${year ? `${name} ${year}` : name}]`;
}

/** Dates finer than a month, in words or figures: the replacement keeps the month and year. */
function findDates(text: string): Finding[] {
  return DATE_PATTERNS.flatMap((pattern) =>
    collect(text, pattern, (m) => {
      // "May" alone is also a verb: "may 3 staff" is not a date.
      if (m.groups?.month && /^may$/i.test(m.groups.month) && !/^May/.test(m.groups.month)) return null;
      return { kind: RedactionKind.DATE, replacement: monthOf(m.groups ?? {}), length: m[0].replace(/[\s,.]+$/, '').length };
    }),
  );
}

/** Earlier kinds win an overlap: an email holds a name, a full name holds a first name. */
const PRIORITY: RedactionKind[] = [
  RedactionKind.EMAIL,
  RedactionKind.PHONE,
  RedactionKind.STAFF_NUMBER,
  RedactionKind.DATE,
  RedactionKind.ORGANISATION,
  RedactionKind.PLACE,
  RedactionKind.PERSON_NAME,
  RedactionKind.JOB_TITLE,
  RedactionKind.SMALL_NUMBER,
];

/**
 * Every piece of personal data the assistant finds in `text`, in reading order, without overlaps
 * and outside existing placeholders.
 */
export function detectPersonalData(text: string, context: DetectionContext): Finding[] {
  const candidates = [
    ...findEmails(text),
    ...findPhones(text),
    ...findStaffNumbers(text),
    ...findDates(text),
    ...findIdentifiers(text, context),
    ...findMemberNames(text, context),
    ...findTitledNames(text),
    ...findCommonNames(text),
    ...findUniqueJobTitles(text, context),
    ...findSmallNumbers(text),
  ].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start);

  const taken: [number, number][] = placeholderSpans(text);
  const overlaps = (f: Finding) => taken.some(([s, e]) => f.start < e && s < f.end);
  const kept: Finding[] = [];
  for (const finding of candidates) {
    if (finding.end <= finding.start || overlaps(finding)) continue;
    kept.push(finding);
    taken.push([finding.start, finding.end]);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Puts `replacement` in place of [start, end) of `text`. */
export function applyReplacement(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/** A little of the text around a find, so a reviewer sees it in context. */
export function contextAround(text: string, start: number, end: number, width = 40): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

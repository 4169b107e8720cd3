import { type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors';
import type { Context } from '../../context';
import { normaliseEmail } from '../auth/auth.service';
import { IdentityProviderEntity } from '../identity/identity-provider.entity';
import { MembershipEntity, Role } from '../person/membership.entity';
import { MembershipService } from '../person/membership.service';
import { PersonEntity } from '../person/person.entity';
import { MAX_RESULTS, parseFilter, SCHEMA, scimBoolean, ScimError } from './scim.protocol';

/** What a SCIM User says about a member, once read from a request body or PATCH operations. */
interface UserAttributes {
  userName?: string;
  displayName?: string;
  externalId?: string | null;
  jobTitle?: string | null;
  division?: string | null;
  active?: boolean;
}

type Row = { membership: MembershipEntity; person: PersonEntity };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const text = (value: unknown, attribute: string): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ScimError(400, `${attribute} must be a string.`, 'invalidValue');
  return value.trim().slice(0, 200) || null;
};

/**
 * The organisation's members as SCIM Users, for its provisioning client. Everything is scoped to
 * the organisation the token belongs to: a User id of another organisation is "not found". A
 * User's id is the membership's id; its userName is the person's email.
 */
export class ScimService {
  private readonly memberships: MembershipService;

  constructor(
    private readonly ctx: Context,
    private readonly organisationId: string,
  ) {
    this.memberships = new MembershipService(ctx);
  }

  private get baseUrl(): string {
    return `${this.ctx.config.publicUrl}/scim/v2`;
  }

  toResource({ membership, person }: Row) {
    return {
      schemas: [SCHEMA.user, SCHEMA.enterprise],
      id: membership.id,
      ...(membership.externalId ? { externalId: membership.externalId } : {}),
      userName: person.email,
      displayName: person.displayName,
      name: { formatted: person.displayName },
      emails: [{ value: person.email, type: 'work', primary: true }],
      active: membership.deactivatedAt === null,
      ...(membership.jobTitle ? { title: membership.jobTitle } : {}),
      [SCHEMA.enterprise]: membership.division ? { department: membership.division } : {},
      meta: { resourceType: 'User', created: membership.createdAt.toISOString(), location: `${this.baseUrl}/Users/${membership.id}` },
    };
  }

  async list(query: { filter?: string; startIndex?: string; count?: string }) {
    const startIndex = Math.max(1, Number.parseInt(query.startIndex ?? '1', 10) || 1);
    const count = Math.min(MAX_RESULTS, Math.max(0, Number.parseInt(query.count ?? String(MAX_RESULTS), 10) || 0));
    const builder = this.ctx.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.person', PersonEntity, 'p', 'p.id = m.person_id')
      .where('m.organisation_id = :organisationId', { organisationId: this.organisationId });
    if (query.filter) {
      const { attribute, value } = parseFilter(query.filter);
      if (attribute === 'userName') builder.andWhere('p.email = :email', { email: normaliseEmail(value) });
      else builder.andWhere('m.external_id = :value', { value });
    }
    const [rows, total] = await builder.orderBy('m.created_at', 'ASC').addOrderBy('m.id', 'ASC').skip(startIndex - 1).take(count).getManyAndCount();
    return {
      schemas: [SCHEMA.list],
      totalResults: total,
      startIndex,
      itemsPerPage: rows.length,
      Resources: rows.map((membership) => this.toResource({ membership, person: membership.person! })),
    };
  }

  async get(id: string) {
    return this.toResource(await this.find(this.ctx.db.manager, id));
  }

  private async find(tx: EntityManager, id: string): Promise<Row> {
    const membership = UUID.test(id) ? await tx.getRepository(MembershipEntity).findOneBy({ id, organisationId: this.organisationId }) : null;
    if (!membership) throw new ScimError(404, `User ${id} not found.`);
    return { membership, person: await tx.getRepository(PersonEntity).findOneByOrFail({ id: membership.personId }) };
  }

  async create(body: unknown) {
    const attrs = readUser(body);
    if (!attrs.userName || !EMAIL.test(attrs.userName)) throw new ScimError(400, 'userName must be the person\'s email address.', 'invalidValue');
    const email = normaliseEmail(attrs.userName);
    return this.run(async (tx) => {
      const people = tx.getRepository(PersonEntity);
      let person = await people.createQueryBuilder('p').setLock('pessimistic_write').where('p.email = :email', { email }).getOne();
      if (person && (await tx.getRepository(MembershipEntity).existsBy({ personId: person.id, organisationId: this.organisationId }))) {
        throw new ScimError(409, `${email} is already a member.`, 'uniqueness');
      }
      person ??= await people.save(people.create({ email, displayName: attrs.displayName ?? email.split('@')[0], passwordHash: null }));
      const membership = await this.memberships.provision(tx, this.organisationId, person, {
        roles: await this.rolesForNewcomers(tx),
        jobTitle: attrs.jobTitle ?? null,
        division: attrs.division ?? null,
        externalId: attrs.externalId ?? null,
        active: attrs.active ?? true,
      });
      return this.toResource({ membership, person });
    });
  }

  /** PUT: the User as sent. Attributes we keep but the body leaves out are cleared (RFC 7644 §3.5.1). */
  async replace(id: string, body: unknown) {
    const attrs = readUser(body);
    return this.update(id, { jobTitle: null, division: null, externalId: null, active: true, ...attrs });
  }

  async patch(id: string, body: unknown) {
    return this.update(id, readPatch(body));
  }

  async remove(id: string): Promise<void> {
    await this.run(async (tx) => this.memberships.provisionedRemove(tx, (await this.find(tx, id)).membership));
  }

  private async update(id: string, attrs: UserAttributes) {
    return this.run(async (tx) => {
      const { membership, person } = await this.find(tx, id);
      const updated = await this.memberships.provisionedUpdate(tx, membership, attrs);
      const changed = await this.updatePerson(tx, person, attrs);
      return this.toResource({ membership: updated, person: changed });
    });
  }

  /**
   * The person's name and address are theirs across organisations: the provisioning client changes
   * them only for someone who belongs to its organisation alone.
   */
  private async updatePerson(tx: EntityManager, person: PersonEntity, attrs: UserAttributes): Promise<PersonEntity> {
    const email = attrs.userName ? normaliseEmail(attrs.userName) : person.email;
    const displayName = attrs.displayName ?? person.displayName;
    if (email === person.email && displayName === person.displayName) return person;
    const elsewhere = await tx.getRepository(MembershipEntity).createQueryBuilder('m').where('m.person_id = :id AND m.organisation_id <> :organisationId', { id: person.id, organisationId: this.organisationId }).getExists();
    if (elsewhere) {
      if (email !== person.email) throw new ScimError(400, 'This person belongs to another organisation too: their userName cannot be changed here.', 'mutability');
      return person;
    }
    if (email !== person.email) {
      if (!EMAIL.test(email)) throw new ScimError(400, "userName must be the person's email address.", 'invalidValue');
      if (await tx.getRepository(PersonEntity).existsBy({ email })) throw new ScimError(409, `${email} is already in use.`, 'uniqueness');
    }
    return tx.getRepository(PersonEntity).save({ ...person, email, displayName });
  }

  /** Runs in one transaction; a refusal from the membership rules (nothing left stranded) is a 409 with its reason. */
  private async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.ctx.db.transaction(work);
    } catch (error) {
      if (error instanceof DomainError) throw new ScimError(409, error.message);
      throw error;
    }
  }

  /** Newcomers get the join roles of the organisation's sign-in, or else the least: community member. */
  private async rolesForNewcomers(tx: EntityManager): Promise<Role[]> {
    const provider = await tx.getRepository(IdentityProviderEntity).findOneBy({ organisationId: this.organisationId });
    return provider?.joinRoles.length ? provider.joinRoles : [Role.COMMUNITY_MEMBER];
  }
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScimError(400, `${what} must be a JSON object.`, 'invalidSyntax');
  return value as Record<string, unknown>;
}

/** Reads the attributes we keep from a User body (POST, PUT); others are ignored, never stored. */
function readUser(body: unknown): UserAttributes {
  const user = object(body, 'The request body');
  const attrs: UserAttributes = {};
  for (const [key, value] of Object.entries(user)) assign(attrs, key, value);
  return attrs;
}

/** Sets one attribute from a body key or PATCH path; unknown attributes are ignored. */
function assign(attrs: UserAttributes, key: string, value: unknown): void {
  const path = key.toLowerCase();
  const enterprise = SCHEMA.enterprise.toLowerCase();
  if (path === 'username') attrs.userName = text(value, 'userName') ?? undefined;
  else if (path === 'displayname') attrs.displayName = text(value, 'displayName') ?? undefined;
  else if (path === 'externalid') attrs.externalId = text(value, 'externalId');
  else if (path === 'title') attrs.jobTitle = text(value, 'title');
  else if (path === 'active') attrs.active = scimBoolean(value, 'active');
  else if (path === `${enterprise}:department`) attrs.division = text(value, 'department');
  else if (path === enterprise) {
    const ext = object(value, SCHEMA.enterprise);
    if ('department' in ext) attrs.division = text(ext.department, 'department');
  } else if (path === 'name' && value && typeof value === 'object') {
    const name = value as Record<string, unknown>;
    const formatted = text(name.formatted, 'name.formatted') ?? [text(name.givenName, 'name.givenName'), text(name.familyName, 'name.familyName')].filter(Boolean).join(' ');
    if (formatted && !attrs.displayName) attrs.displayName = formatted;
  } else if (path === 'name.formatted') {
    attrs.displayName ??= text(value, 'name.formatted') ?? undefined;
  }
}

/** RFC 7644 §3.5.2: add / replace / remove, with a path or with an object of attributes. */
function readPatch(body: unknown): UserAttributes {
  const patch = object(body, 'The request body');
  const schemas = patch.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(SCHEMA.patch)) throw new ScimError(400, `A PATCH body names the schema ${SCHEMA.patch}.`, 'invalidSyntax');
  if (!Array.isArray(patch.Operations) || patch.Operations.length === 0) throw new ScimError(400, 'A PATCH body carries Operations.', 'invalidSyntax');
  const attrs: UserAttributes = {};
  for (const raw of patch.Operations) {
    const operation = object(raw, 'An operation');
    const op = String(operation.op ?? '').toLowerCase();
    const path = typeof operation.path === 'string' ? operation.path : undefined;
    if (op === 'add' || op === 'replace') {
      if (path) assign(attrs, path.replace(/^emails\[type eq "work"\]\.value$/i, 'userName'), operation.value);
      else for (const [key, value] of Object.entries(object(operation.value, 'An operation\'s value'))) assign(attrs, key, value);
    } else if (op === 'remove') {
      if (!path) throw new ScimError(400, 'A remove operation names a path.', 'noTarget');
      if (/^(username|active)$/i.test(path)) throw new ScimError(400, `${path} cannot be removed.`, 'mutability');
      assign(attrs, path, null);
    } else {
      throw new ScimError(400, `Unknown operation "${String(operation.op)}": use add, replace or remove.`, 'invalidSyntax');
    }
  }
  return attrs;
}

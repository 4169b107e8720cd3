import type { MembershipEntity, Role } from '../person/membership.entity';
import type { PersonEntity } from '../person/person.entity';

/** The signed-in person for one request, with their memberships loaded once. */
export class Viewer {
  constructor(
    readonly person: PersonEntity,
    readonly memberships: MembershipEntity[],
    readonly sessionId: string,
  ) {}

  get personId(): string {
    return this.person.id;
  }

  get isPlatformAdmin(): boolean {
    return this.person.isPlatformAdmin;
  }

  /** The organisations the viewer belongs to, oldest membership first. */
  get organisationIds(): string[] {
    return this.memberships.map((m) => m.organisationId);
  }

  /** The organisation the viewer acts in by default: their first membership's. */
  get homeOrganisationId(): string | null {
    return this.memberships[0]?.organisationId ?? null;
  }

  membershipIn(organisationId: string): MembershipEntity | undefined {
    return this.memberships.find((m) => m.organisationId === organisationId);
  }

  isMemberOf(organisationId: string): boolean {
    return this.membershipIn(organisationId) !== undefined;
  }

  hasRole(organisationId: string, role: Role): boolean {
    return this.membershipIn(organisationId)?.roles.includes(role) ?? false;
  }

  hasRoleAnywhere(role: string): boolean {
    return this.memberships.some((m) => (m.roles as string[]).includes(role));
  }
}

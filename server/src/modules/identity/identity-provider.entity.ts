import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { Role } from '../person/membership.entity';

/** Who may join on their first single sign-on: only people invited, or anyone the provider vouches for. */
export enum NewPeoplePolicy {
  INVITED_ONLY = 'INVITED_ONLY',
  JOIN_ON_FIRST_SIGN_IN = 'JOIN_ON_FIRST_SIGN_IN',
}

/**
 * An organisation's own OpenID Connect provider (Entra ID, Google Workspace, Okta). The client
 * secret is stored encrypted like private session notes; it is never returned by the API.
 */
@Entity('identity_provider')
export class IdentityProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('identity_provider_organisation_key', { unique: true })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  /** AES-256-GCM under NOTES_ENCRYPTION_KEY, as private notes are. */
  @Column({ name: 'client_secret_encrypted', type: 'text' })
  clientSecretEncrypted: string;

  @Column({ name: 'new_people', type: 'enum', enum: NewPeoplePolicy, enumName: 'new_people_policy', default: NewPeoplePolicy.INVITED_ONLY })
  newPeople: NewPeoplePolicy;

  /** The roles of someone who joins on first sign-in. */
  @Column({ name: 'join_roles', type: 'enum', enum: Role, enumName: 'role', array: true, default: () => "'{}'" })
  joinRoles: Role[];

  /** When the connection as it is now last passed "test the connection"; null once issuer, client or secret change. */
  @Column({ name: 'tested_at', type: 'timestamptz', precision: 3, nullable: true })
  testedAt: Date | null;

  /** Sign-in through the provider is offered (it must have been tested first). */
  @Column({ type: 'boolean', default: false })
  enabled: boolean;

  /** Password sign-in is refused for the organisation's members (platform admins keep theirs). */
  @Column({ name: 'require_single_sign_on', type: 'boolean', default: false })
  requireSingleSignOn: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** An email domain a provider covers: one organisation per domain, so the sign-in page knows where to send an address. */
@Entity('identity_provider_domain')
export class IdentityProviderDomainEntity {
  /** Lower-cased, e.g. "northshore.example". */
  @PrimaryColumn({ type: 'text' })
  domain: string;

  @Index('identity_provider_domain_provider_idx')
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => IdentityProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: IdentityProviderEntity;
}

/**
 * A single sign-on under way: what the callback must match. The state and the browser binding are
 * kept as hashes; the nonce and PKCE verifier are useless without the code, and the row is used once
 * and lives ten minutes.
 */
@Entity('sso_attempt')
export class SsoAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => IdentityProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: IdentityProviderEntity;

  @Index('sso_attempt_state_hash_key', { unique: true })
  @Column({ name: 'state_hash', type: 'text' })
  stateHash: string;

  /** SHA-256 of a value held in an httpOnly cookie of the browser that started the sign-in. */
  @Column({ name: 'browser_hash', type: 'text' })
  browserHash: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;
}

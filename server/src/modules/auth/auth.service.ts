import { IsNull, MoreThan, Not } from 'typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, UserErrorCode } from '../../common/errors';
import { entityFromJson, rowAsJson, type RowJson, builtOnce } from '../../common/loader-utils';
import { queryPrepared } from '../../db/prepared';
import type { Context } from '../../context';
import { MembershipEntity } from '../person/membership.entity';
import { PersonEntity, personWithSecrets } from '../person/person.entity';
import { IdentityProviderService } from '../identity/identity-provider.service';
import { AuthSessionEntity } from './auth-session.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { DEVICE_DAYS, issueDeviceToken, trustedDevice } from './device-trust';
import { decoyPasswordHash, hashPassword, hashToken, newRecoveryCode, newToken, normaliseRecoveryCode, verifyPassword } from './tokens';
import { Viewer } from './viewer';

/**
 * Sign-in limits within the window. From a browser without a device cookie for the account:
 * failures per email and per address. From a trusted device (device-trust.ts): failures per
 * device only, so a shared address or a stranger's guesses never lock out a person's own browser.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perAddress: 50, perDevice: 5 };

/**
 * Each failed sign-in without a trusted device is answered this much more slowly per earlier
 * failure on the account in the window (after the first two), up to the cap: guessing slows down
 * well before it is blocked, and a person who mistypes once or twice does not notice.
 */
export const LOGIN_SLOWDOWN = { stepMs: 250, freeFailures: 2, maxMs: 2_000 };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * The statement every request that carries a token runs: the live session, its person and their
 * active memberships, as JSON built by PostgreSQL (a findOne with relations plus a find took three
 * round trips, and TypeORM's join hydration cost more than the query).
 */
const authenticationQuery = (db: DataSource) =>
  builtOnce(
    db,
    'auth.authentication',
    () => `
      SELECT s.id AS session_id, ${rowAsJson(db, PersonEntity, 'p')} AS person,
             coalesce((SELECT json_agg(${rowAsJson(db, MembershipEntity, 'm')} ORDER BY m.created_at)
                       FROM membership m WHERE m.person_id = p.id AND m.deactivated_at IS NULL), '[]') AS memberships
      FROM auth_session s JOIN person p ON p.id = s.person_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
  );

/** Resolves a bearer token or session cookie to the signed-in viewer, or null. */
export async function authenticate(db: DataSource, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const [row] = await queryPrepared<{ session_id: string; person: RowJson; memberships: RowJson[] }>(db, authenticationQuery(db), [
    hashToken(token),
  ]);
  if (!row) return null;
  const person = entityFromJson(db, PersonEntity, row.person);
  const memberships = row.memberships.map((json) => entityFromJson(db, MembershipEntity, json));
  return new Viewer(person, memberships, row.session_id);
}

export class AuthService {
  constructor(private readonly ctx: Context) {}

  /** The signed-in person with their password and recovery-code hashes, to check one. */
  private async viewerWithSecrets(): Promise<PersonEntity> {
    const person = await personWithSecrets(this.ctx.db, { id: (this.ctx.viewer as Viewer).personId });
    if (!person) throw new Error('the signed-in person no longer exists');
    return person;
  }

  async login(email: string, password: string): Promise<{ viewer: Viewer; token: string }> {
    const address = normaliseEmail(email);
    const person = await personWithSecrets(this.ctx.db, { email: address });
    if (!(await this.checkPassword(address, person?.passwordHash ?? null, password)) || !person) {
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, 'That email and password do not match an account.');
    }
    return this.startSession(person);
  }

  /**
   * Checks a password for `email` within the sign-in limit (TOO_MANY_ATTEMPTS past it); used by
   * sign-in and by accepting an invitation with an existing account. The attempt is recorded before
   * the limit is checked, so concurrent attempts count one another (checking first let a burst of
   * parallel guesses all pass); it is kept only if the password was wrong. Without a hash, a decoy
   * is verified so that timing does not tell whether the account exists.
   */
  async checkPassword(email: string, passwordHash: string | null, password: string): Promise<boolean> {
    const attempts = this.ctx.db.getRepository(LoginAttemptEntity);
    const device = trustedDevice(this.ctx.config, email, this.ctx.http.deviceToken);
    const { identifiers } = await attempts.insert({ email, ip: this.ctx.http.ip, device });
    const attempt = identifiers[0] as { id: string };
    let earlierFailures: number;
    try {
      earlierFailures = await this.refuseIfRateLimited(email, device);
    } catch (error) {
      await attempts.delete(attempt);
      throw error;
    }
    const valid = (await verifyPassword(passwordHash ?? (await decoyPasswordHash()), password)) && passwordHash !== null;
    if (valid) await attempts.delete(attempt);
    else if (!device) await slowDown(earlierFailures);
    return valid;
  }

  /**
   * Opens a session for a person whose identity is already proven: by their password (sign-in,
   * accepted invitation, recovery) or by their organisation's identity provider. A password does
   * not open one where the person's organisation requires single sign-on.
   */
  async startSession(person: PersonEntity, provenBy: 'password' | 'single-sign-on' = 'password'): Promise<{ viewer: Viewer; token: string }> {
    if (provenBy === 'password') await this.refuseIfSingleSignOnRequired(person);
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + this.ctx.config.sessionDays * 86_400_000);
    const session = await this.ctx.db.getRepository(AuthSessionEntity).save({ personId: person.id, tokenHash: hash, expiresAt });
    this.ctx.http.setSessionCookie(token, expiresAt);
    // This browser has proven it knows the account: later failed sign-ins from it count against it alone.
    const device = issueDeviceToken(this.ctx.config, normaliseEmail(person.email));
    if (device) this.ctx.http.setDeviceCookie(device, new Date(Date.now() + DEVICE_DAYS * 86_400_000));
    const memberships = await this.ctx.db.getRepository(MembershipEntity).find({
      where: { personId: person.id, deactivatedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const viewer = new Viewer(person, memberships, session.id);
    this.ctx.viewer = viewer; // the rest of this request runs as the newly signed-in person
    return { viewer, token };
  }

  /** Ends this session on the server (or every session of the person), and clears the cookie. */
  async logout(everywhere: boolean): Promise<void> {
    const viewer = this.ctx.viewer;
    this.ctx.http.clearSessionCookie();
    if (!viewer) return;
    const sessions = this.ctx.db.getRepository(AuthSessionEntity);
    const where = everywhere ? { personId: viewer.personId, revokedAt: IsNull() } : { id: viewer.sessionId };
    await sessions.update(where, { revokedAt: new Date() });
    this.ctx.viewer = null;
  }

  /**
   * Changes the viewer's password after checking the current one (within the sign-in limit), and
   * signs out every other session: whoever knew the old password is out.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<number> {
    const viewer = this.ctx.viewer as Viewer;
    const person = await this.viewerWithSecrets();
    if (!(await this.checkPassword(person.email, person.passwordHash, currentPassword))) {
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, 'That is not your current password.', ['input', 'currentPassword']);
    }
    if (newPassword === currentPassword) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a password different from your current one.', ['input', 'newPassword']);
    }
    const passwordHash = await hashPassword(newPassword);
    return this.ctx.db.transaction(async (tx) => {
      await tx.getRepository(PersonEntity).update(person.id, { passwordHash });
      const ended = await tx
        .getRepository(AuthSessionEntity)
        .update({ personId: person.id, revokedAt: IsNull(), id: Not(viewer.sessionId) }, { revokedAt: new Date() });
      return ended.affected ?? 0;
    });
  }

  /** Whether the person holds an unused recovery code, asked of the database: the hash itself is never read for it. */
  async hasRecoveryCode(personId: string): Promise<boolean> {
    const [row] = await this.ctx.db.query(`SELECT recovery_code_hash IS NOT NULL AS has FROM person WHERE id = $1`, [personId]);
    return row?.has === true;
  }

  /** A new recovery code for the viewer (their password first); shown once, it replaces any earlier one. */
  async createRecoveryCode(currentPassword: string): Promise<string> {
    const person = await this.viewerWithSecrets();
    if (!(await this.checkPassword(person.email, person.passwordHash, currentPassword))) {
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, 'That is not your current password.', ['input', 'currentPassword']);
    }
    const code = newRecoveryCode();
    await this.ctx.db.getRepository(PersonEntity).update(person.id, { recoveryCodeHash: await hashPassword(normaliseRecoveryCode(code)) });
    return code;
  }

  /**
   * A forgotten password: the person's recovery code (held to the sign-in limit, like a password)
   * sets a new password, is used up, signs out every session and signs this one in.
   */
  async recoverAccount(email: string, recoveryCode: string, newPassword: string): Promise<{ viewer: Viewer; token: string }> {
    const address = normaliseEmail(email);
    const person = await personWithSecrets(this.ctx.db, { email: address });
    if (!(await this.checkPassword(address, person?.recoveryCodeHash ?? null, normaliseRecoveryCode(recoveryCode))) || !person) {
      throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, 'That email and recovery code do not match an account.', ['input', 'recoveryCode']);
    }
    await this.refuseIfSingleSignOnRequired(person);
    const passwordHash = await hashPassword(newPassword);
    await this.ctx.db.transaction(async (tx) => {
      await tx.getRepository(PersonEntity).update(person.id, { passwordHash, recoveryCodeHash: null });
      await tx.getRepository(AuthSessionEntity).update({ personId: person.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
    return this.startSession({ ...person, passwordHash, recoveryCodeHash: null });
  }

  private async refuseIfSingleSignOnRequired(person: PersonEntity): Promise<void> {
    if (await IdentityProviderService.requiresSingleSignOn(this.ctx.db.manager, person)) {
      throw new DomainError(
        UserErrorCode.SINGLE_SIGN_ON_REQUIRED,
        'Your organisation signs you in with its own accounts: continue with single sign-on instead of a password.',
        ['input', 'email'],
      );
    }
  }

  /** Throws TOO_MANY_ATTEMPTS past the limit; otherwise returns how many failures the account had before this one. */
  private async refuseIfRateLimited(email: string, device: string | null): Promise<number> {
    const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
    const attempts = this.ctx.db.getRepository(LoginAttemptEntity);
    const tooMany = () =>
      new DomainError(UserErrorCode.TOO_MANY_ATTEMPTS, `Too many failed sign-ins. Try again in ${LOGIN_LIMITS.windowMinutes} minutes.`);
    // Each count includes the attempt being made (and any made at the same moment).
    if (device) {
      const byDevice = await attempts.countBy({ device, at: MoreThan(since) });
      if (byDevice > LOGIN_LIMITS.perDevice) throw tooMany();
      return byDevice - 1;
    }
    const [byEmail, byAddress] = await Promise.all([
      attempts.countBy({ email, device: IsNull(), at: MoreThan(since) }),
      attempts.countBy({ ip: this.ctx.http.ip, device: IsNull(), at: MoreThan(since) }),
    ]);
    if (byEmail > LOGIN_LIMITS.perEmail || byAddress > LOGIN_LIMITS.perAddress) throw tooMany();
    return byEmail - 1;
  }
}

function slowDown(earlierFailures: number): Promise<void> {
  const ms = Math.min(LOGIN_SLOWDOWN.maxMs, LOGIN_SLOWDOWN.stepMs * Math.max(0, earlierFailures - LOGIN_SLOWDOWN.freeFailures + 1));
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

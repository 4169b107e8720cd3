import crypto from 'node:crypto';
import type { Config } from '../../config';

/**
 * A browser that has signed in to an account before carries a signed "device" cookie for that
 * account. Failed sign-ins from such a browser are counted against that browser alone, so neither
 * someone guessing the person's password elsewhere nor a colleague behind the same NHS trust
 * address can lock them out; sign-ins without one are held to the per-account and per-address
 * limits. (OWASP's "device cookies" against online guessing.)
 *
 * The cookie is stateless: a random id and an HMAC over the id and the account's email. Its key is
 * derived from NOTES_ENCRYPTION_KEY with HKDF, so every server instance accepts it and no new
 * secret has to be configured.
 */
export const DEVICE_COOKIE = 'cg_device';
export const DEVICE_DAYS = 180;

function deviceKey(config: Config): Buffer | null {
  if (!config.notesKey) return null;
  return Buffer.from(crypto.hkdfSync('sha256', config.notesKey, Buffer.alloc(0), 'common-ground device cookie', 32));
}

const mac = (key: Buffer, id: string, email: string) => crypto.createHmac('sha256', key).update(`${id}.${email}`).digest('base64url');

/** A device cookie value for the account with `email` (normalised). */
export function issueDeviceToken(config: Config, email: string): string | null {
  const key = deviceKey(config);
  if (!key) return null;
  const id = crypto.randomBytes(16).toString('base64url');
  return `${id}.${mac(key, id, email)}`;
}

/** The device's id when `token` is a device cookie for `email` (normalised), otherwise null. */
export function trustedDevice(config: Config, email: string, token: string | undefined): string | null {
  const key = deviceKey(config);
  if (!key || !token) return null;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, id, email));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? id : null;
}

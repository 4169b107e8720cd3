import crypto from 'node:crypto';

/**
 * Signed one-click unsubscribe tokens: who and which kind, with an HMAC so nobody can turn off
 * someone else's mail by guessing. The key is derived from the notes key, which every server
 * already has, under its own label, so it never doubles as the notes cipher's key.
 */
function keyOf(secret: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), 'common-ground unsubscribe v1', 32));
}

export function signUnsubscribe(secret: Buffer, personId: string, kind: string): string {
  const body = Buffer.from(`${personId}:${kind}`).toString('base64url');
  const mac = crypto.createHmac('sha256', keyOf(secret)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** The person and kind a token names, or null when it was not made by this server. */
export function verifyUnsubscribe(secret: Buffer, token: string): { personId: string; kind: string } | null {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = crypto.createHmac('sha256', keyOf(secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const [personId, kind] = Buffer.from(body, 'base64url').toString().split(':');
  return personId && kind ? { personId, kind } : null;
}

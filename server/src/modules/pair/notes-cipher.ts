import crypto from 'node:crypto';

/**
 * Private session notes are stored encrypted (AES-256-GCM), so they appear in no database dump,
 * export or report; the server decrypts them only for the pair's two co-learners.
 */
export function encryptNotes(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decryptNotes(key: Buffer, stored: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== 'v1') throw new Error('unknown notes format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

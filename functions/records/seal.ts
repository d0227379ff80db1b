/**
 * Encryption at rest: AES-256-GCM. Each sealed record names the key it was sealed with,
 * so keys can be rotated: the first key encrypts, every listed key can still decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

export interface Sealed {
  v: 1;
  alg: 'A256GCM';
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

/** Reads `id:base64key,id2:base64key`; every key must be 32 bytes. */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, encoded] = part.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error('SUBMISSION_KEYS must be a list of id:key, each key 32 bytes in base64');
    }
    keys.set(id, key);
    currentId ||= id;
  }
  if (!currentId) throw new Error('SUBMISSION_KEYS has no key');
  return { currentId, keys };
}

export function newKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** `aad` binds the ciphertext to its record (the reference), so records cannot be swapped. */
export function seal(keyring: Keyring, plaintext: string, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.keys.get(keyring.currentId)!, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    alg: 'A256GCM',
    kid: keyring.currentId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unseal(keyring: Keyring, sealed: Sealed, aad: string): string {
  const key = keyring.keys.get(sealed.kid);
  if (!key) throw new Error(`No key "${sealed.kid}" to open this record: add it to SUBMISSION_KEYS`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}

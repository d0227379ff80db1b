import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference like RG-7Q2K-M9XD: 40 random bits, about a trillion possibilities. */
export function newReference(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 7; i >= 0; i--) chars += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `RG-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function isReference(value: string): boolean {
  return /^RG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(value);
}

/** A reference as typed by a person: case, spaces and easily confused letters forgiven. */
export function normaliseReference(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/\s+/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return isReference(cleaned) ? cleaned : undefined;
}

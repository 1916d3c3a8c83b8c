import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: what goes in a link. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as links carry it; anything else is answered like an unknown token. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `j•••@e•••.org`: enough for a subscriber to recognise their address, too little to learn one. */
export function maskAddress(channel: 'email' | 'sms', address: string): string {
  if (channel === 'sms') return `••• ••• ${address.slice(-4)}`;
  const [local = '', domain = ''] = address.split('@');
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}•••@${domain.slice(0, 1)}•••${tld}`;
}

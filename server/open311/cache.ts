import { createHash } from 'node:crypto';

/** A GET answer as it goes out: kept whole so a hit costs no query and no rendering. */
export interface CachedAnswer {
  /** Encoded once, so a hit does not re-encode a list of 1000 requests. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  etag: string;
  /** Epoch ms after which the answer may be wrong even without a write (time-relative filters). */
  expiresAt: number;
  /** The body compressed per encoding, made on the first hit that asks for it and kept with it. */
  encoded?: Partial<Record<'br' | 'gzip', Uint8Array<ArrayBuffer>>>;
}

/** Strong validator over the exact bytes sent, so equal bodies share an ETag across restarts. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** RFC 9110 §13.1.2: `*` or any listed tag, compared weakly (a `W/` prefix does not matter). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * GET answers keyed by the normalised request, valid for one data version: every write to the
 * tables the answers come from bumps that version (a trigger, see schema.ts), so the first GET
 * after a write — from this process, another server on the same PostgreSQL, or psql — finds the
 * cache emptied. Bounded by total body size; least recently used answers go first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private version = -1;
  /** When a pending (batch) request becomes visible, every answer may change. */
  private validUntil = -Infinity;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /**
   * Empties the cache unless it holds answers of `version` still valid at `now`. Versions only
   * grow: a GET that read an older version than another already did leaves the cache alone
   * (and gets nothing from it).
   */
  async sync(version: number, now: number, nextAvailableAt: () => Promise<number>): Promise<void> {
    if (version < this.version || (version === this.version && now < this.validUntil)) return;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
    this.validUntil = -Infinity;
    const until = await nextAvailableAt();
    if (this.version === version) this.validUntil = until;
  }

  get(version: number, key: string, now: number): CachedAnswer | undefined {
    if (version !== this.version || now >= this.validUntil) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (now >= hit.expiresAt) {
      this.delete(key);
      return undefined;
    }
    // Re-insert so Map order stays least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Stores an answer computed from data read after `version` was read; dropped if a write came in between. */
  set(version: number, key: string, answer: CachedAnswer): void {
    if (version !== this.version || answer.body.byteLength > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, answer);
    this.bytes += answer.body.byteLength;
    this.evict();
  }

  /** Least recently used answers go until the cache fits (the newest, last in order, stays). */
  private evict(): void {
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size === 1) break;
      this.delete(oldest);
    }
  }

  /** Keeps `answer`'s body compressed as `encoding`, counted in the cache's bytes, if it is still cached. */
  addEncoding(key: string, answer: CachedAnswer, encoding: 'br' | 'gzip', bytes: Uint8Array<ArrayBuffer>): void {
    if (this.entries.get(key) !== answer || answer.encoded?.[encoding]) return;
    answer.encoded = { ...answer.encoded, [encoding]: bytes };
    this.bytes += bytes.byteLength;
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.byteLength + Object.values(old.encoded ?? {}).reduce((n, b) => n + b.byteLength, 0);
  }
}

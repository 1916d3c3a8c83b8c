const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at `ms` (whole seconds), from the Intl parts. */
function exactOffset(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  const asUtc = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const HOUR = 3_600_000;
/** `zone hour` → offset, or NaN for an hour with a transition in it. */
const hourOffsets = new Map<string, number>();

/**
 * formatToParts costs ~17 µs, three times per request in a list of 1000. No zone changes its
 * offset twice within an hour, so an hour whose first and last second agree has one offset.
 */
function offsetAt(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR);
  const key = `${timeZone} ${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const first = exactOffset(hour * HOUR, timeZone);
    offset = first === exactOffset(hour * HOUR + HOUR - 1000, timeZone) ? first : NaN;
    if (hourOffsets.size >= 100_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return Number.isNaN(offset) ? exactOffset(ms, timeZone) : offset;
}

/**
 * W3C datetime in the city's own zone with its offset (`2025-03-14T09:30:00-04:00`): residents
 * read local times, and the offset keeps it unambiguous for machines.
 */
export function w3cDatetime(date: Date, timeZone = 'America/New_York'): string {
  const seconds = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMin = offsetAt(seconds, timeZone);
  const local = new Date(seconds + offsetMin * 60_000).toISOString().slice(0, 19);
  if (offsetMin === 0) return `${local}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;
/** The range PostgreSQL's timestamptz and JavaScript's Date share comfortably. */
const EARLIEST = new Date('0001-01-01T00:00:00Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

/**
 * Parses the ISO 8601 forms clients send; anything else is `undefined`, not a guess. Dates that do
 * not exist (`2025-02-30`, `24:00`, year 0) are refused rather than rolled over into another day.
 */
export function parseDatetime(value: string): Date | undefined {
  const v = value.trim();
  const m = ISO_DATE.exec(v);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return undefined;
  const d = new Date(v.replace(' ', 'T'));
  const t = d.getTime();
  return Number.isNaN(t) || t < EARLIEST || t > LATEST ? undefined : d;
}

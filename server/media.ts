import { crc32 } from 'node:zlib';

export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

/**
 * The image type a file really is, from its first bytes. The declared type is not trusted:
 * these bytes are served back from our own origin, so only raster images may pass (no SVG, no HTML).
 */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'image/heic';
  }
  return undefined;
}

/** The photo cannot be taken apart (truncated or not what its first bytes claim). */
export class UnreadableImageError extends Error {}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/** The Orientation tag (1–8) of a TIFF/EXIF block, if it has one; anything malformed counts as none. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const le = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!le && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (view.getUint16(2, le) !== 42) return undefined;
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (view.getUint16(entry, le) === 0x0112) {
      const value = view.getUint16(entry + 8, le);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** A TIFF block holding only the Orientation tag: the one piece of EXIF that changes how a photo looks. */
function orientationTiff(orientation: number): Uint8Array {
  // Big-endian header, IFD0 at offset 8 with one SHORT entry, no next IFD.
  return Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));

/**
 * JPEG without metadata: APP1 (EXIF, XMP), APP3–APP13 and APP15 (IPTC, maker data…), comments and
 * anything after the end marker (some phones append a video there) are dropped; APP0 (JFIF), the
 * ICC colour profile (APP2) and Adobe's colour transform (APP14) stay, since decoding needs them.
 * The orientation survives as a new EXIF block holding only that tag.
 */
function stripJpeg(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let orientation: number | undefined;
  let afterApp0 = 1;
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new UnreadableImageError('JPEG marker expected');
    while (b[i] === 0xff) i++;
    const marker = b[i++];
    if (marker === undefined) break;
    if (marker === 0xd9) {
      kept.push(Uint8Array.of(0xff, 0xd9));
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(Uint8Array.of(0xff, marker));
      continue;
    }
    if (i + 2 > b.length) throw new UnreadableImageError('JPEG segment truncated');
    const length = (b[i]! << 8) | b[i + 1]!;
    if (length < 2 || i + length > b.length) throw new UnreadableImageError('JPEG segment truncated');
    const data = b.subarray(i + 2, i + length);
    const segment = b.subarray(i - 2, i + length);
    i += length;
    if (marker === 0xe1) {
      if (startsWith(data, EXIF_HEADER)) orientation ??= exifOrientation(data.subarray(6));
    } else if (marker === 0xe0) {
      kept.push(segment);
      if (kept.length === 2) afterApp0 = 2;
    } else if (marker === 0xe2) {
      if (ascii(data, 0, 12) === 'ICC_PROFILE\0') kept.push(segment);
    } else if (marker === 0xee) {
      kept.push(segment);
    } else if ((marker >= 0xe3 && marker <= 0xef) || marker === 0xfe) {
      // metadata or comment: dropped
    } else {
      kept.push(segment);
      if (marker === 0xda) {
        // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
        let j = i;
        while (j < b.length && !(b[j] === 0xff && b[j + 1] !== 0x00 && b[j + 1] !== 0xff && !(b[j + 1]! >= 0xd0 && b[j + 1]! <= 0xd7))) j++;
        kept.push(b.subarray(i, j));
        i = j;
      }
    }
  }
  if (orientation && orientation !== 1) {
    const tiff = orientationTiff(orientation);
    const app1 = new Uint8Array(4 + EXIF_HEADER.length + tiff.length);
    app1.set([0xff, 0xe1, (app1.length - 2) >> 8, (app1.length - 2) & 0xff]);
    app1.set(EXIF_HEADER, 4);
    app1.set(tiff, 4 + EXIF_HEADER.length);
    kept.splice(afterApp0, 0, app1);
  }
  return Buffer.concat(kept);
}

/** PNG chunks that draw the picture or say how its colours and pixels are meant; every other chunk is dropped. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT']);

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** PNG without text chunks (tEXt, zTXt, iTXt), eXIf, tIME or private chunks; orientation kept as a one-tag eXIf. */
function stripPng(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let orientation: number | undefined;
  let i = 8;
  while (i + 12 <= b.length) {
    const length = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    const type = ascii(b, i + 4, 4);
    if (i + 12 + length > b.length) throw new UnreadableImageError('PNG chunk truncated');
    const chunk = b.subarray(i, i + 12 + length);
    if (type === 'eXIf') orientation ??= exifOrientation(b.subarray(i + 8, i + 8 + length));
    else if (PNG_KEPT.has(type)) kept.push(chunk);
    i += 12 + length;
    if (type === 'IEND') break;
  }
  if (orientation && orientation !== 1) kept.splice(2, 0, pngChunk('eXIf', orientationTiff(orientation)));
  return Buffer.concat(kept);
}

const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

/** WebP without EXIF, XMP or unknown chunks; the VP8X flags and RIFF size follow; orientation kept as a one-tag EXIF. */
function stripWebp(b: Uint8Array): Uint8Array {
  const kept: Buffer[] = [];
  let orientation: number | undefined;
  let vp8x: Buffer | undefined;
  let i = 12;
  while (i + 8 <= b.length) {
    const type = ascii(b, i, 4);
    const size = b[i + 4]! + (b[i + 5]! << 8) + (b[i + 6]! << 16) + ((b[i + 7]! << 24) >>> 0);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > b.length) throw new UnreadableImageError('WebP chunk truncated');
    const data = b.subarray(i + 8, i + 8 + size);
    if (type === 'EXIF') orientation ??= exifOrientation(startsWith(data, EXIF_HEADER) ? data.subarray(6) : data);
    else if (WEBP_KEPT.has(type)) {
      const chunk = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      if (type === 'VP8X') vp8x = chunk;
      kept.push(chunk);
    }
    i = end;
  }
  const withOrientation = orientation !== undefined && orientation !== 1 && vp8x !== undefined;
  if (vp8x) {
    // Flags: 0x08 EXIF, 0x04 XMP. Only the EXIF one may stay, and only for the orientation written below.
    vp8x[8] = (vp8x[8]! & ~0x0c) | (withOrientation ? 0x08 : 0);
  }
  if (withOrientation) {
    const tiff = orientationTiff(orientation!);
    const chunk = Buffer.alloc(8 + tiff.length);
    chunk.write('EXIF', 0, 'latin1');
    chunk.writeUInt32LE(tiff.length, 4);
    chunk.set(tiff, 8);
    kept.push(chunk);
  }
  const header = Buffer.from(b.subarray(0, 12));
  const body = Buffer.concat(kept);
  header.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([header, body]);
}

/** GIF sub-blocks from `at`: answers where the terminating empty block ends. */
function gifSubBlocksEnd(b: Uint8Array, at: number): number {
  while (at < b.length && b[at] !== 0) at += 1 + b[at]!;
  if (at >= b.length) throw new UnreadableImageError('GIF block truncated');
  return at + 1;
}

/** Application extensions that change how a GIF plays (looping); every other one (XMP, editors' data) is metadata. */
const GIF_PLAYBACK_APPS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/** GIF without comment extensions, application extensions other than looping (XMP) and trailing data. */
function stripGif(b: Uint8Array): Uint8Array {
  if (b.length < 13) throw new UnreadableImageError('GIF truncated');
  const tableSize = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let at = 13 + tableSize(b[10]!);
  const kept: Uint8Array[] = [b.subarray(0, at)];
  while (at < b.length) {
    const start = at;
    if (b[at] === 0x3b) {
      kept.push(Uint8Array.of(0x3b));
      break;
    }
    if (b[at] === 0x2c) {
      if (at + 10 > b.length) throw new UnreadableImageError('GIF image truncated');
      at = gifSubBlocksEnd(b, at + 10 + tableSize(b[at + 9]!) + 1);
      kept.push(b.subarray(start, at));
    } else if (b[at] === 0x21) {
      const label = b[at + 1];
      at = gifSubBlocksEnd(b, at + 2);
      const app = label === 0xff && b[start + 2] === 11 ? ascii(b, start + 3, 11) : '';
      if (label !== 0xfe && (label !== 0xff || GIF_PLAYBACK_APPS.has(app))) kept.push(b.subarray(start, at));
    } else throw new UnreadableImageError('GIF block expected');
  }
  return Buffer.concat(kept);
}

interface Box {
  type: string;
  /** Where the payload starts and ends in the file. */
  start: number;
  end: number;
}

/** The boxes of an ISO BMFF byte range (HEIC, AVIF). */
function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) throw new UnreadableImageError('box truncated');
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) throw new UnreadableImageError('box truncated');
    out.push({ type: ascii(b, at + 4, 4), start: at + header, end: at + size });
    at += size;
  }
  return out;
}

/**
 * HEIC/AVIF with its EXIF and XMP items blanked in place. Overwriting the item's bytes with zeros
 * keeps every offset in the file valid, so no box needs rewriting; the orientation is not EXIF in
 * these formats but the `irot`/`imir` properties, which stay.
 */
function blankIsoMetadata(input: Uint8Array): Uint8Array {
  const b = Uint8Array.from(input);
  const view = new DataView(b.buffer);
  const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
  if (!meta) return b;
  // `meta` is a full box: 4 bytes of version and flags before its children.
  const children = boxes(b, meta.start + 4, meta.end);
  const iinf = children.find((x) => x.type === 'iinf');
  const iloc = children.find((x) => x.type === 'iloc');
  const idat = children.find((x) => x.type === 'idat');
  if (!iinf || !iloc) return b;
  const cstring = (at: number, end: number) => {
    let stop = at;
    while (stop < end && b[stop] !== 0) stop++;
    return { text: ascii(b, at, stop - at), next: stop + 1 };
  };
  const metadataItems = new Set<number>();
  const iinfVersion = b[iinf.start]!;
  for (const infe of boxes(b, iinf.start + 4 + (iinfVersion === 0 ? 2 : 4), iinf.end)) {
    const version = b[infe.start]!;
    if (infe.type !== 'infe' || version < 2) continue;
    let at = infe.start + 4;
    const id = version === 2 ? view.getUint16(at) : view.getUint32(at);
    at += (version === 2 ? 2 : 4) + 2;
    const itemType = ascii(b, at, 4);
    const name = cstring(at + 4, infe.end);
    const contentType = itemType === 'mime' ? cstring(name.next, infe.end).text : '';
    if (itemType === 'Exif' || (itemType === 'mime' && /rdf\+xml|xmp/i.test(contentType))) metadataItems.add(id);
  }
  if (metadataItems.size === 0) return b;
  const version = b[iloc.start]!;
  const offsetSize = b[iloc.start + 4]! >> 4;
  const lengthSize = b[iloc.start + 4]! & 15;
  const baseOffsetSize = b[iloc.start + 5]! >> 4;
  const indexSize = version === 1 || version === 2 ? b[iloc.start + 5]! & 15 : 0;
  let at = iloc.start + 6;
  const uint = (size: number) => {
    if (at + size > iloc.end) throw new UnreadableImageError('iloc truncated');
    let n = 0;
    for (let k = 0; k < size; k++) n = n * 256 + b[at + k]!;
    at += size;
    return n;
  };
  const count = uint(version < 2 ? 2 : 4);
  for (let i = 0; i < count; i++) {
    const id = uint(version < 2 ? 2 : 4);
    const method = version === 1 || version === 2 ? uint(2) & 15 : 0;
    uint(2); // data_reference_index
    const base = uint(baseOffsetSize);
    const extents = uint(2);
    for (let e = 0; e < extents; e++) {
      uint(indexSize);
      const offset = uint(offsetSize);
      const length = uint(lengthSize);
      if (!metadataItems.has(id) || length === 0) continue;
      const origin = method === 0 ? 0 : method === 1 && idat ? idat.start : undefined;
      if (origin === undefined) continue;
      const from = origin + base + offset;
      if (from + length > (method === 1 ? idat!.end : b.length)) throw new UnreadableImageError('item outside the file');
      b.fill(0, from, from + length);
    }
  }
  return b;
}

/**
 * The photo without the metadata a phone writes into it (GPS position, time, device, comments,
 * XMP), so publishing it at `media_url` publishes only the picture. The orientation is kept.
 * GIFs lose comments and XMP.
 * @throws UnreadableImageError when the file's structure is broken.
 */
export function stripMetadata(bytes: Uint8Array, contentType: string): Uint8Array {
  switch (contentType) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    case 'image/gif':
      return stripGif(bytes);
    case 'image/heic':
    case 'image/avif':
      return blankIsoMetadata(bytes);
    default:
      return bytes;
  }
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { DATABASES, PNG_1X1, describeOn, get, rowCounts, startTestServer, type TestServer } from './helpers.js';

/** A 4×2 JPEG as Chromium encodes it (JFIF, ICC profile, tables, one scan), with no metadata of its own. */
const CLEAN_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
  'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
  'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
  'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
  'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
  'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ' +
  'FxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgo' +
  'KCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/' +
  'xAAaEAEAAQUAAAAAAAAAAAAAAAAAAQMFNYGx/8QAFQEBAQAAAAAAAAAAAAAAAAAAAgf/xAAcEQAABwEBAAAAAAAAAAAAAAAAAQIF' +
  'NXKyAwT/2gAMAwEAAhEDEQA/AIBeMlW1yAFhZI3z0RkgXiQ73Vox/9k=',
  'base64',
);
/** A 4×2 WebP as Chromium encodes it: VP8X, ICCP, VP8. */
const CLEAN_WEBP = Buffer.from(
  'UklGRjoCAABXRUJQVlA4WAoAAAAgAAAAAwAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
  'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
  'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
  'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
  'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
  'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggTAAAAPACAJ0BKgQAAgABQCYlqAJ0cgCqAP4B' +
  'lAH6AAt2svMQAP79dzVjRjz/9mN8IvUh///Ehf/7Mb4RepD//Ehcl9u3Bp/EaX+3bg0scAA=',
  'base64',
);

const SECRETS = ['LeakyPhone', 'Model-X-Private', '2025:03:14 09:30:00', 'Resident Lane', 'xmpmeta', 'IPTC-secret', 'trailing-secret', 'GPS'];

// --- building metadata the way a phone writes it ---

type IfdEntry = { tag: number; type: 2 | 3 | 4 | 5; values: number[] | string };
/** Bytes per number written: ASCII 1, SHORT 2, LONG 4, RATIONAL two LONGs (numerator, denominator given as two numbers). */
const NUMBER_SIZE = { 2: 1, 3: 2, 4: 4, 5: 4 } as const;

function entryBytes(e: IfdEntry): Buffer {
  if (typeof e.values === 'string') return Buffer.from(`${e.values}\0`, 'latin1');
  return Buffer.concat(
    e.values.map((v) => {
      const b = Buffer.alloc(NUMBER_SIZE[e.type]);
      if (e.type === 3) b.writeUInt16LE(v);
      else b.writeUInt32LE(v);
      return b;
    }),
  );
}

/** A little-endian TIFF block: IFD0 with `ifd0`, and a GPS IFD (pointed to by tag 0x8825) when `gps` is given. */
function tiff(ifd0: IfdEntry[], gps?: IfdEntry[]): Buffer {
  const ifdSize = (n: number) => 2 + n * 12 + 4;
  const dataSize = (list: IfdEntry[]) =>
    list.reduce((sum, e) => {
      const size = entryBytes(e).length;
      return sum + (size > 4 ? size + (size % 2) : 0);
    }, 0);
  const entries = gps ? [...ifd0, { tag: 0x8825, type: 4 as const, values: [0] }] : ifd0;
  const gpsAt = 8 + ifdSize(entries.length) + dataSize(entries);
  if (gps) entries[entries.length - 1] = { tag: 0x8825, type: 4, values: [gpsAt] };
  const out = Buffer.alloc(gpsAt + (gps ? ifdSize(gps.length) + dataSize(gps) : 0));
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  const writeIfd = (at: number, list: IfdEntry[]) => {
    out.writeUInt16LE(list.length, at);
    let data = at + ifdSize(list.length);
    list.forEach((e, i) => {
      const p = at + 2 + i * 12;
      const bytes = entryBytes(e);
      out.writeUInt16LE(e.tag, p);
      out.writeUInt16LE(e.type, p + 2);
      out.writeUInt32LE(typeof e.values === 'string' ? bytes.length : e.type === 5 ? e.values.length / 2 : e.values.length, p + 4);
      if (bytes.length <= 4) bytes.copy(out, p + 8);
      else {
        out.writeUInt32LE(data, p + 8);
        bytes.copy(out, data);
        data += bytes.length + (bytes.length % 2);
      }
    });
  };
  writeIfd(8, entries);
  if (gps) writeIfd(gpsAt, gps);
  return out;
}

/** EXIF with the orientation, camera, time and a GPS position (41°45'30"N 72°41'6"W). */
function phoneExif(orientation: number): Buffer {
  return tiff(
    [
      { tag: 0x010f, type: 2, values: 'LeakyPhone' },
      { tag: 0x0110, type: 2, values: 'Model-X-Private' },
      { tag: 0x0112, type: 3, values: [orientation] },
      { tag: 0x0132, type: 2, values: '2025:03:14 09:30:00' },
    ],
    [
      { tag: 0x0001, type: 2, values: 'N' },
      { tag: 0x0002, type: 5, values: [41, 1, 45, 1, 3000, 100] },
      { tag: 0x0003, type: 2, values: 'W' },
      { tag: 0x0004, type: 5, values: [72, 1, 41, 1, 600, 100] },
    ],
  );
}

const segment = (marker: number, data: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

/** The clean JPEG with, after its JFIF segment, everything a phone and an editor add. */
function phoneJpeg(orientation: number): Buffer {
  const app0End = 4 + CLEAN_JPEG.readUInt16BE(4);
  return Buffer.concat([
    CLEAN_JPEG.subarray(0, app0End),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), phoneExif(orientation)])),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>41,45.5N</exif:GPSLatitude></x:xmpmeta>', 'latin1')),
    segment(0xed, Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0bIPTC-secret', 'latin1')),
    segment(0xfe, Buffer.from('Taken at 12 Resident Lane', 'latin1')),
    CLEAN_JPEG.subarray(app0End),
    Buffer.from('trailing-secret', 'latin1'),
  ]);
}

/** Markers and payloads of a JPEG's segments up to the first scan. */
function jpegSegments(b: Buffer): Array<{ marker: number; data: Buffer }> {
  const out: Array<{ marker: number; data: Buffer }> = [];
  for (let i = 2; i < b.length && b[i] === 0xff; ) {
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    out.push({ marker, data: b.subarray(i + 4, i + 2 + length) });
    if (marker === 0xda) break;
    i += 2 + length;
  }
  return out;
}

/** Tag → first value of IFD0 of a TIFF block (either byte order). */
function ifd0(t: Buffer): Map<number, number> {
  const le = t.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (le ? t.readUInt16LE(at) : t.readUInt16BE(at));
  const u32 = (at: number) => (le ? t.readUInt32LE(at) : t.readUInt32BE(at));
  const at = u32(4);
  const tags = new Map<number, number>();
  for (let i = 0; i < u16(at); i++) tags.set(u16(at + 2 + i * 12), u16(at + 2 + i * 12 + 8));
  return tags;
}

function pngChunks(b: Buffer): Array<{ type: string; data: Buffer; crcOk: boolean }> {
  const out: Array<{ type: string; data: Buffer; crcOk: boolean }> = [];
  for (let i = 8; i + 12 <= b.length; ) {
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const data = b.subarray(i + 8, i + 8 + length);
    out.push({ type, data, crcOk: crc32(b.subarray(i + 4, i + 8 + length)) === b.readUInt32BE(i + 8 + length) });
    i += 12 + length;
  }
  return out;
}

const pngChunk = (type: string, data: Buffer) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function webpChunks(b: Buffer): Array<{ type: string; data: Buffer }> {
  const out: Array<{ type: string; data: Buffer }> = [];
  for (let i = 12; i + 8 <= b.length; ) {
    const size = b.readUInt32LE(i + 4);
    out.push({ type: b.toString('latin1', i, i + 4), data: b.subarray(i + 8, i + 8 + size) });
    i += 8 + size + (size % 2);
  }
  return out;
}

const webpChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

function withWebpMetadata(orientation: number): Buffer {
  const chunks = webpChunks(CLEAN_WEBP).map((c) => webpChunk(c.type, Buffer.from(c.data)));
  // VP8X flags: EXIF and XMP present.
  chunks[0]![8] = chunks[0]![8]! | 0x0c;
  chunks.push(webpChunk('EXIF', phoneExif(orientation)), webpChunk('XMP ', Buffer.from('<x:xmpmeta>GPS 41.7583 -72.6850</x:xmpmeta>')));
  const body = Buffer.concat(chunks);
  const header = Buffer.from(CLEAN_WEBP.subarray(0, 12));
  header.writeUInt32LE(4 + body.length, 4);
  return Buffer.concat([header, body]);
}

// --- HEIF (HEIC, AVIF): items located by `iloc`, in `mdat` or in the `meta` box's own `idat` ---

const isoBox = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
const fullBox = (type: string, version: number, ...parts: Buffer[]) => isoBox(type, Buffer.from([version, 0, 0, 0]), ...parts);
const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/**
 * A HEIF file with a picture item, an EXIF item (in `mdat`) and an XMP item (in `idat`), plus an
 * `irot` rotation property. Answers the file and where the EXIF and XMP bytes sit in it.
 */
function heif(brand: 'heic' | 'avif'): { file: Buffer; exif: [number, number]; xmp: [number, number] } {
  const picture = Buffer.from('pretend-coded-picture-data');
  const exif = Buffer.concat([u32(0), Buffer.from('Exif\0\0', 'latin1'), phoneExif(6)]);
  const xmp = Buffer.from('<x:xmpmeta><exif:GPSLatitude>41,45.5N</exif:GPSLatitude></x:xmpmeta>');
  const ftyp = isoBox('ftyp', Buffer.from(brand), u32(0), Buffer.from('mif1'), Buffer.from(brand));
  const iinf = fullBox(
    'iinf',
    0,
    u16(3),
    fullBox('infe', 2, u16(1), u16(0), Buffer.from(brand === 'heic' ? 'hvc1' : 'av01'), Buffer.from('\0')),
    fullBox('infe', 2, u16(2), u16(0), Buffer.from('Exif'), Buffer.from('\0')),
    fullBox('infe', 2, u16(3), u16(0), Buffer.from('mime'), Buffer.from('XMP\0application/rdf+xml\0')),
  );
  // iloc version 1: 4-byte offsets and lengths, no base offset; item 3 is construction method 1 (idat).
  const iloc = (mdatData: number) =>
    fullBox(
      'iloc',
      1,
      Buffer.from([0x44, 0x00]),
      u16(3),
      ...[
        [1, 0, mdatData, picture.length],
        [2, 0, mdatData + picture.length, exif.length],
        [3, 1, 0, xmp.length],
      ].map(([id, method, offset, length]) => Buffer.concat([u16(id!), u16(method!), u16(0), u16(1), u32(offset!), u32(length!)])),
    );
  const meta = (mdatData: number) =>
    fullBox('meta', 0, fullBox('hdlr', 0, u32(0), Buffer.from('pict'), Buffer.alloc(12), Buffer.from('\0')), iinf, iloc(mdatData), isoBox('idat', xmp), isoBox('iprp', isoBox('ipco', isoBox('irot', Buffer.from([1])))));
  const mdatData = ftyp.length + meta(0).length + 8;
  const head = Buffer.concat([ftyp, meta(mdatData)]);
  const file = Buffer.concat([head, isoBox('mdat', picture, exif)]);
  const xmpAt = file.indexOf(xmp);
  return { file, exif: [mdatData + picture.length, mdatData + picture.length + exif.length], xmp: [xmpAt, xmpAt + xmp.length] };
}

function assertNoSecrets(bytes: Buffer, what: string) {
  const text = bytes.toString('latin1');
  for (const s of SECRETS) assert.ok(!text.includes(s), `${what} still contains "${s}"`);
}

for (const db of DATABASES) {
  describeOn(db, 'photo metadata', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db);
    });
    after(async () => {
      await server?.stop();
    });

    /** Posts a graffiti report with this photo; answers the photo as stored and as served at media_url. */
    async function upload(bytes: Buffer, name: string): Promise<{ stored: Buffer; served: Buffer; type: string | null }> {
      const form = new FormData();
      for (const [k, v] of Object.entries({ service_code: 'GRAFFITI', address_string: '5 Pearl Street', 'attribute[SURFACE]': 'SIGN', 'attribute[OFFENSIVE]': 'NO' })) {
        form.append(k, v);
      }
      form.append('media', new Blob([new Uint8Array(bytes)]), name);
      const created = await get<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, { method: 'POST', body: form });
      assert.equal(created.status, 200, created.text);
      const [r] = (await get<Array<{ media_url: string }>>(`${server.open311}/requests/${created.body[0]!.service_request_id}.json`)).body;
      const id = r!.media_url.split('/').pop()!;
      const [row] = await server.database.query<{ bytes: Uint8Array }>('SELECT bytes FROM media WHERE id = $1', [id]);
      const res = await fetch(r!.media_url);
      assert.equal(res.status, 200);
      return { stored: Buffer.from(row!.bytes), served: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
    }

    describe('JPEG', () => {
      test('EXIF with GPS, XMP, IPTC, a comment and trailing data are gone from what is stored and served; orientation 6 stays', async () => {
        const original = phoneJpeg(6);
        assert.ok(original.includes('GPS') || original.includes(Buffer.from([0x25, 0x88])), 'the upload does carry a GPS IFD');
        const { stored, served, type } = await upload(original, 'IMG_0001.jpg');
        assert.equal(type, 'image/jpeg');
        for (const [what, bytes] of [['stored', stored], ['served', served]] as const) {
          assertNoSecrets(bytes, what);
          const segments = jpegSegments(bytes);
          assert.ok(!segments.some((s) => s.marker === 0xfe), `${what}: no comment`);
          assert.ok(!segments.some((s) => s.marker >= 0xe3 && s.marker <= 0xed), `${what}: no APP3–APP13`);
          const app1 = segments.filter((s) => s.marker === 0xe1);
          assert.equal(app1.length, 1, `${what}: one EXIF segment, for the orientation`);
          assert.equal(app1[0]!.data.toString('latin1', 0, 6), 'Exif\0\0');
          const tags = ifd0(app1[0]!.data.subarray(6));
          assert.deepEqual([...tags], [[0x0112, 6]], `${what}: only the Orientation tag, value 6`);
          assert.ok(!tags.has(0x8825), 'no GPS IFD pointer');
          assert.ok(segments.some((s) => s.marker === 0xe2 && s.data.toString('latin1', 0, 11) === 'ICC_PROFILE'), `${what}: the colour profile stays`);
        }
        // Everything that draws the picture is byte for byte what Chromium encoded.
        const withoutOrientation = Buffer.concat([served.subarray(0, 20), served.subarray(20 + 2 + served.readUInt16BE(22))]);
        assert.equal(served[20], 0xff);
        assert.equal(served[21], 0xe1);
        assert.deepEqual(withoutOrientation, CLEAN_JPEG);
      });

      test('a photo with orientation 1 (or none) keeps no EXIF at all and is otherwise unchanged', async () => {
        const { served } = await upload(phoneJpeg(1), 'upright.jpg');
        assert.deepEqual(served, CLEAN_JPEG);
      });

      test('a JPEG whose segment runs past the end of the file is a 400 on media, nothing stored', async () => {
        const before = await rowCounts(server);
        const broken = Buffer.concat([CLEAN_JPEG.subarray(0, 20), Buffer.from([0xff, 0xe1, 0x7f, 0xff]), Buffer.from('Exif')]);
        const form = new FormData();
        for (const [k, v] of Object.entries({ service_code: 'GRAFFITI', address_string: '5 Pearl Street', 'attribute[SURFACE]': 'SIGN', 'attribute[OFFENSIVE]': 'NO' })) {
          form.append(k, v);
        }
        form.append('media', new Blob([broken]), 'broken.jpg');
        const res = await get<Array<{ code: number; description: string }>>(`${server.open311}/requests.json`, { method: 'POST', body: form });
        assert.equal(res.status, 400);
        assert.match(res.body[0]!.description, /^media: /);
        assert.deepEqual(await rowCounts(server), before);
      });
    });

    describe('PNG', () => {
      test('tEXt, iTXt, zTXt, tIME and eXIf are gone; orientation 8 stays as a one-tag eXIf; the image chunks are unchanged', async () => {
        const chunks = pngChunks(PNG_1X1);
        const original = Buffer.concat([
          PNG_1X1.subarray(0, 8),
          pngChunk('IHDR', chunks[0]!.data),
          pngChunk('eXIf', phoneExif(8)),
          pngChunk('tEXt', Buffer.from('Comment\0Taken at 12 Resident Lane', 'latin1')),
          pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>GPS</x:xmpmeta>', 'latin1')),
          pngChunk('zTXt', Buffer.concat([Buffer.from('Description\0\0', 'latin1'), deflateSync('Taken at 12 Resident Lane')])),
          pngChunk('tIME', Buffer.from([0x07, 0xe9, 3, 14, 9, 30, 0])),
          ...chunks.slice(1).map((c) => pngChunk(c.type, c.data)),
        ]);
        const { served, type } = await upload(original, 'shot.png');
        assert.equal(type, 'image/png');
        assertNoSecrets(served, 'served PNG');
        const out = pngChunks(served);
        assert.deepEqual(out.map((c) => c.type), ['IHDR', 'eXIf', ...chunks.slice(1).map((c) => c.type)]);
        assert.ok(out.every((c) => c.crcOk), 'every CRC is right');
        assert.deepEqual([...ifd0(out[1]!.data)], [[0x0112, 8]]);
        for (const c of chunks) assert.ok(out.some((o) => o.type === c.type && o.data.equals(c.data)), `${c.type} unchanged`);
      });

      test('a PNG without metadata is served exactly as uploaded', async () => {
        assert.deepEqual((await upload(PNG_1X1, 'dot.png')).served, PNG_1X1);
      });
    });

    describe('WebP', () => {
      test('EXIF and XMP chunks are gone, the VP8X flags and RIFF size agree, orientation 3 stays', async () => {
        const { served, type } = await upload(withWebpMetadata(3), 'photo.webp');
        assert.equal(type, 'image/webp');
        assertNoSecrets(served, 'served WebP');
        assert.equal(served.readUInt32LE(4), served.length - 8);
        const out = webpChunks(served);
        assert.deepEqual(out.map((c) => c.type), [...webpChunks(CLEAN_WEBP).map((c) => c.type), 'EXIF']);
        assert.equal(out[0]!.data[0]! & 0x0c, 0x08, 'VP8X says EXIF, not XMP');
        assert.deepEqual([...ifd0(out.at(-1)!.data)], [[0x0112, 3]]);
        for (const c of webpChunks(CLEAN_WEBP).slice(1)) assert.ok(out.some((o) => o.type === c.type && o.data.equals(c.data)), `${c.type} unchanged`);
      });
    });

    describe('GIF', () => {
      test('comment and XMP extensions and trailing data are gone; the looping extension and the image are unchanged', async () => {
        // 1×1 GIF89a: header, screen descriptor with a 2-colour table, image with LZW data, trailer.
        const header = Buffer.concat([Buffer.from('GIF89a'), Buffer.from('01000100800000', 'hex'), Buffer.from('000000ffffff', 'hex')]);
        const loop = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('NETSCAPE2.0'), Buffer.from([3, 1, 0, 0, 0])]);
        const image = Buffer.from('2c00000000010001000002024401' + '00', 'hex');
        const comment = Buffer.concat([Buffer.from([0x21, 0xfe, 25]), Buffer.from('Taken at 12 Resident Lane'), Buffer.from([0])]);
        const xmpData = Buffer.from('<x:xmpmeta>GPS</x:xmpmeta>');
        const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP'), Buffer.from([xmpData.length]), xmpData, Buffer.from([0])]);
        const clean = Buffer.concat([header, loop, image, Buffer.from([0x3b])]);
        const original = Buffer.concat([header, comment, loop, xmp, image, Buffer.from([0x3b]), Buffer.from('trailing-secret')]);
        const { served, type } = await upload(original, 'loop.gif');
        assert.equal(type, 'image/gif');
        assertNoSecrets(served, 'served GIF');
        assert.deepEqual(served, clean);
      });
    });

    describe('HEIC and AVIF', () => {
      for (const brand of ['heic', 'avif'] as const) {
        test(`${brand}: the EXIF item (in mdat) and the XMP item (in idat) are blanked in place; every other byte, irot included, is unchanged`, async () => {
          const { file, exif, xmp } = heif(brand);
          assert.ok(file.includes('GPS') || file.includes('LeakyPhone'));
          const { stored, served, type } = await upload(file, `photo.${brand}`);
          assert.equal(type, `image/${brand}`);
          for (const [what, bytes] of [['stored', stored], ['served', served]] as const) {
            assertNoSecrets(bytes, what);
            assert.equal(bytes.length, file.length, `${what}: same size, so every offset still holds`);
            const expected = Buffer.from(file);
            expected.fill(0, ...exif);
            expected.fill(0, ...xmp);
            assert.deepEqual(bytes, expected);
          }
        });
      }
    });
  });
}

/**
 * Shrinking a resident's photo before upload. A phone photo is often 4000 px and several MB: on a
 * slow connection that costs minutes, and the city needs no more than a screen's worth of it.
 */

/** Longest side of a photo as sent, in pixels. */
export const PHOTO_MAX_SIDE = 2048;
/** JPEG quality of a shrunk photo: a few hundred KB at 2048 px for a typical photo. */
export const PHOTO_QUALITY = 0.8;
/** A photo no larger than this (and not too wide) is sent as it is: shrinking would save little. */
export const PHOTO_SMALL_BYTES = 512 * 1024;

/** Draws `bitmap` at `width`×`height` on white (JPEG has no transparency) and encodes it as JPEG. */
async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    draw(ctx);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY));
}

/**
 * The photo to send for `file`: a JPEG whose long side is at most {@link PHOTO_MAX_SIDE} when the
 * original is wider or heavier than {@link PHOTO_SMALL_BYTES}, else `file` itself. Re-encoding
 * applies the EXIF orientation and drops the metadata (GPS position, device) with it.
 *
 * `file` comes back unchanged when the browser cannot decode it (HEIC in most browsers, a
 * damaged file), when it is a GIF (shrinking would stop an animation), and when shrinking a
 * photo that already fits would not make it smaller. Never rejects.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function' || file.type === 'image/gif') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const long = Math.max(bitmap.width, bitmap.height);
    const tooWide = long > PHOTO_MAX_SIDE;
    if (!tooWide && file.size <= PHOTO_SMALL_BYTES) return file;
    const scale = Math.min(1, PHOTO_MAX_SIDE / long);
    const blob = await encodeJpeg(bitmap, Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    if (!blob || (!tooWide && blob.size >= file.size)) return file;
    const name = `${file.name.replace(/\.[^./\\]*$/, '') || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}

/**
 * Pixel size of a PNG or JPEG from its header, as displayed, so the painted document can place the
 * logo (and the name below it) before React-PDF decodes the image. A JPEG whose EXIF orientation
 * turns it a quarter (phone photos) is displayed with width and height swapped, as React-PDF draws
 * it. Null when the bytes aren't a readable image.
 */
export function imageSize(bytes: Buffer, format: "png" | "jpg"): { width: number; height: number } | null {
  const size = format === "png" ? pngSize(bytes) : jpegSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer) {
  // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jpegSize(bytes: Buffer) {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  let orientation = 1;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (marker === 0xe1) orientation = exifOrientation(bytes, offset + 4, Math.min(bytes.length, offset + 2 + length)) ?? orientation;
    // Start-of-frame markers (all but DHT C4, JPG C8 and DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      // Orientations 5–8 turn the image a quarter.
      return orientation > 4 ? { width: height, height: width } : { width, height };
    }
    offset += 2 + length;
  }
  return null;
}

/** The orientation tag (1–8) of an APP1 segment's EXIF data from `start` to `end`, if any. */
function exifOrientation(bytes: Buffer, start: number, end: number): number | null {
  if (end - start < 14 || bytes.toString("latin1", start, start + 6) !== "Exif\0\0") return null;
  const tiff = start + 6;
  const little = bytes.toString("latin1", tiff, tiff + 2) === "II";
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const directory = tiff + u32(tiff + 4);
  if (directory + 2 > end) return null;
  for (let i = 0, entries = u16(directory); i < entries; i++) {
    const entry = directory + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return null;
}

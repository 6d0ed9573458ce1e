/** Image types accepted for logos, decided from the file's first bytes — never from its name or the browser's claim. */
export const LOGO_MAX_BYTES = 512 * 1024;
const LOGO_TOO_LARGE = "The logo must be 512 KB or smaller.";

export function detectImageType(bytes: Uint8Array): "image/png" | "image/jpeg" | "image/webp" | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") return "image/webp";
  return null;
}

export type LogoCheck = { ok: true; contentType: string; bytes: Buffer } | { ok: false; message: string };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "Choose an image file." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_LARGE };
  const contentType = detectImageType(bytes);
  // SVG is refused: it can carry scripts, and PDFs and emails handle it poorly anyway.
  if (!contentType) return { ok: false, message: "Use a PNG, JPEG or WebP image (SVG is not accepted)." };
  return { ok: true, contentType, bytes: Buffer.from(bytes) };
}

import { describe, expect, it } from "vitest";
import { checkLogo, LOGO_MAX_BYTES } from "./uploads";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");

describe("logo uploads", () => {
  it("accepts PNG, JPEG and WebP by their bytes", () => {
    expect(checkLogo(png)).toMatchObject({ ok: true, contentType: "image/png" });
    expect(checkLogo(jpeg)).toMatchObject({ ok: true, contentType: "image/jpeg" });
    expect(checkLogo(webp)).toMatchObject({ ok: true, contentType: "image/webp" });
  });

  it("refuses SVG, HTML pretending to be an image, empty and oversized files", () => {
    expect(checkLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatchObject({ ok: false, message: expect.stringContaining("SVG is not accepted") });
    expect(checkLogo(new TextEncoder().encode("<html><script>alert(1)</script>"))).toMatchObject({ ok: false });
    expect(checkLogo(new Uint8Array())).toMatchObject({ ok: false, message: "Choose an image file." });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toMatchObject({ ok: false, message: expect.stringContaining("512 KB") });
  });
});

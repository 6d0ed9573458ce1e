/**
 * Without a usable CJK font pack a document still renders (CJK as empty boxes, as before the pack)
 * and a warning is logged. A file of its own: the pack registers once per process.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerPdfFonts } from "./fonts";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument, sampleLines } from "./sample-data";
import { pdfText } from "./testing";

const chinese = () => sampleDocument(sampleLines(2, (i) => ["网站设计", "Hosting 2026"][i]!));

afterEach(() => vi.restoreAllMocks());

describe("CJK font pack missing or broken", { timeout: 60_000 }, () => {
  it("renders without the pack when its files are absent, and warns", async () => {
    const exists = fs.existsSync;
    vi.spyOn(fs, "existsSync").mockImplementation((p) => !String(p).includes("@expo-google-fonts") && exists(p));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bytes = await renderDocumentPdfBuffer(chinese());
    expect(bytes.toString("latin1")).not.toContain("NotoSans");
    expect((await pdfText(bytes)).text).toContain("Hosting 2026");
    expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toContain("CJK font pack not installed");
  });

  it("renders without the pack when a font file is not a font, and warns", async () => {
    registerPdfFonts(); // DejaVu Sans from the real working directory, before it moves
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cjk-"));
    for (const weight of ["400Regular", "700Bold"]) {
      const folder = path.join(dir, "node_modules", "@expo-google-fonts", "noto-sans-sc", weight);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, `NotoSansSC_${weight}.ttf`), "not a font");
    }
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bytes = await renderDocumentPdfBuffer(chinese());
    expect(bytes.toString("latin1")).not.toContain("NotoSans");
    expect((await pdfText(bytes)).text).toContain("Hosting 2026");
    expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toContain("rendering with the CJK font pack failed");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

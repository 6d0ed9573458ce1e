/**
 * A worker of the PDF pool (lib/services/pdf-pool.ts): renders a document's PDF from plain data
 * off the server's event loop. It is loaded at run time from the working directory, not bundled
 * (Next bundles server code), and reads the TypeScript templates through tsx, as `npm start` and
 * `npm run dev` run; tsconfig.scripts.json maps `@/` and turns `server-only` into an empty module.
 */
import path from "node:path";
import { register } from "tsx/esm/api";

register({ tsconfig: path.join(process.cwd(), "tsconfig.scripts.json") });
const { renderDocumentPdfBuffer } = await import("./render.ts");

/** PdfData in (a logo's bytes arrive as a Uint8Array), the PDF's bytes out. */
export default async function renderInWorker(data) {
  const logo = data.logo ? { ...data.logo, bytes: Buffer.from(data.logo.bytes.buffer, data.logo.bytes.byteOffset, data.logo.bytes.byteLength) } : null;
  return renderDocumentPdfBuffer({ ...data, logo });
}

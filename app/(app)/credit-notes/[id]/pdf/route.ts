import { pdfRoute } from "@/lib/services/pdf-route";

// React-PDF and the bundled fonts need Node (fs, streams), not the edge runtime.
export const runtime = "nodejs";

export const GET = pdfRoute("credit_note");

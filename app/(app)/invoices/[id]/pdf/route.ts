import { pdfRoute } from "@/pdf/route-handler";

// React-PDF and the bundled fonts need Node (fs, streams), not the edge runtime.
export const runtime = "nodejs";

export const GET = pdfRoute("invoice");

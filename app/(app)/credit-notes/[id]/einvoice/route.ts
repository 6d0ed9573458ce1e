import { einvoiceRoute } from "@/lib/services/einvoice-route";

export const runtime = "nodejs";

export const GET = einvoiceRoute("credit_note");

"use server";

import { z } from "zod";
import { EINVOICE_TOO_LARGE, EINVOICE_VIEW_MAX_BYTES } from "@/lib/einvoice/view-limits";
import { AppError, badRequest } from "@/lib/errors";
import { consumeAll, tooManyMessage } from "@/lib/rate-limit";
import { viewEInvoice } from "@/lib/services/einvoice-viewer";
import { memberAction } from "./safe-action";

/** "View an e-invoice": any member uploads a received UBL or CII file and sees it laid out. */
export const viewEInvoiceAction = memberAction(z.instanceof(FormData), async (form, { member }) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw badRequest("Choose an e-invoice file (.xml).", { file: "Choose an e-invoice file (.xml)." });
  if (file.size > EINVOICE_VIEW_MAX_BYTES) throw badRequest(EINVOICE_TOO_LARGE, { file: EINVOICE_TOO_LARGE });
  const decision = await consumeAll([["einvoiceView", member.orgId]]);
  if (!decision.ok) throw new AppError("RATE_LIMITED", tooManyMessage(decision.retryAfterS));
  const view = await viewEInvoice({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return { data: view };
});

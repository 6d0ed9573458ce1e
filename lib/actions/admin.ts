"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/ids";
import { setUserDisabled } from "@/lib/data/admin";
import { catalogs } from "@/lib/i18n/catalogs/app/admin";
import { getAppMessages } from "@/lib/session";
import { userAction } from "./safe-action";

export const setUserDisabledAction = userAction(z.object({ userId: idField("Unknown user."), disabled: z.boolean() }), async ({ userId, disabled }, { user, meta }) => {
  await setUserDisabled(user, userId, disabled, meta);
  revalidatePath("/admin");
  return { data: undefined, message: (await getAppMessages(catalogs))(disabled ? "msg.disabled" : "msg.enabled") };
});

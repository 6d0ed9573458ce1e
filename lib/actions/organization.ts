"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setOrganizationLogo, updateOrganization as updateOrganizationInDb } from "@/lib/data/organizations";
import { badRequest } from "@/lib/errors";
import { checkLogo } from "@/lib/uploads";
import { organizationSchema } from "@/lib/validation/organization";
import { catalogs } from "@/lib/i18n/catalogs/app/organization";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

export const saveOrganization = memberAction(organizationSchema, async (profile, { member, meta }) => {
  await updateOrganizationInDb(member, profile, meta);
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("saved") };
});

const logoForm = z.instanceof(FormData);

export const uploadLogo = memberAction(logoForm, async (form, { member }) => {
  const file = form.get("logo");
  if (form.get("remove") === "1") {
    await setOrganizationLogo(member, null);
  } else {
    if (!(file instanceof File)) throw badRequest("Choose an image file.", { logo: "Choose an image file." });
    const check = checkLogo(new Uint8Array(await file.arrayBuffer()));
    if (!check.ok) throw badRequest(check.message, { logo: check.message });
    await setOrganizationLogo(member, { contentType: check.contentType, bytes: check.bytes });
  }
  revalidatePath("/", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("logoUpdated") };
});

"use server";

import { revalidatePath } from "next/cache";
import {
  archiveTaxRate as archiveTaxRateInDb,
  createTaxRate as createTaxRateInDb,
  unarchiveTaxRate as unarchiveTaxRateInDb,
  updateTaxRate as updateTaxRateInDb,
} from "@/lib/data/tax-rates";
import { taxRateIdSchema, taxRateSchema, updateTaxRateSchema } from "@/lib/validation/tax-rates";
import { catalogs } from "@/lib/i18n/catalogs/app/settings";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

// Role: settings.manage, checked by the DAL. The item form lists rates too, hence /items.

export const createTaxRate = memberAction(taxRateSchema, async (input, { member, meta }) => {
  const rate = await createTaxRateInDb(member, input, meta);
  revalidatePath("/settings/taxes");
  revalidatePath("/items", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("taxes.msg.added", { name: rate.name }) };
});

export const updateTaxRate = memberAction(updateTaxRateSchema, async (input, { member, meta }) => {
  const rate = await updateTaxRateInDb(member, input, meta);
  revalidatePath("/settings/taxes");
  revalidatePath("/items", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("taxes.msg.saved", { name: rate.name }) };
});

export const archiveTaxRate = memberAction(taxRateIdSchema, async ({ id }, { member, meta }) => {
  const rate = await archiveTaxRateInDb(member, id, meta);
  revalidatePath("/settings/taxes");
  revalidatePath("/items", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("taxes.msg.archived", { name: rate.name }) };
});

export const unarchiveTaxRate = memberAction(taxRateIdSchema, async ({ id }, { member, meta }) => {
  const rate = await unarchiveTaxRateInDb(member, id, meta);
  revalidatePath("/settings/taxes");
  revalidatePath("/items", "layout");
  return { data: undefined, message: (await getAppMessages(catalogs))("taxes.msg.restored", { name: rate.name }) };
});

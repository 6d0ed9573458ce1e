"use server";

import { revalidatePath } from "next/cache";
import {
  archiveItem as archiveItemInDb,
  createItem as createItemInDb,
  deleteItem as deleteItemInDb,
  unarchiveItem as unarchiveItemInDb,
  updateItem as updateItemInDb,
} from "@/lib/data/items";
import { itemIdSchema, itemSchema, updateItemSchema } from "@/lib/validation/items";
import { withFlash } from "@/lib/flash";
import { catalogs } from "@/lib/i18n/catalogs/app/items";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

// The schemas parse the typed price with lib/money.ts against the chosen currency (a MoneyError
// becomes a field error on unitPrice), so the DAL receives minor units.

export const createItem = memberAction(itemSchema, async (input, { member, meta }) => {
  await createItemInDb(member, input, meta);
  revalidatePath("/items");
  return { data: undefined, redirectTo: withFlash("/items", "item-saved") };
});

export const updateItem = memberAction(updateItemSchema, async (input, { member, meta }) => {
  await updateItemInDb(member, input, meta);
  revalidatePath("/items");
  return { data: undefined, redirectTo: withFlash("/items", "item-saved") };
});

export const archiveItem = memberAction(itemIdSchema, async ({ id }, { member, meta }) => {
  await archiveItemInDb(member, id, meta);
  revalidatePath("/items");
  return { data: undefined, message: (await getAppMessages(catalogs))("action.archived") };
});

export const unarchiveItem = memberAction(itemIdSchema, async ({ id }, { member, meta }) => {
  await unarchiveItemInDb(member, id, meta);
  revalidatePath("/items");
  return { data: undefined, message: (await getAppMessages(catalogs))("action.restored") };
});

export const deleteItem = memberAction(itemIdSchema, async ({ id }, { member, meta }) => {
  await deleteItemInDb(member, id, meta);
  revalidatePath("/items");
  return { data: undefined, message: (await getAppMessages(catalogs))("action.deleted") };
});

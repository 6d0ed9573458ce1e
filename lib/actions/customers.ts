"use server";

import { revalidatePath } from "next/cache";
import {
  archiveCustomer as archiveCustomerInDb,
  createCustomer as createCustomerInDb,
  deleteCustomer as deleteCustomerInDb,
  unarchiveCustomer as unarchiveCustomerInDb,
  updateCustomer as updateCustomerInDb,
} from "@/lib/data/customers";
import { customerIdSchema, customerSchema, quickCustomerSchema, updateCustomerSchema } from "@/lib/validation/customers";
import { withFlash } from "@/lib/flash";
import { catalogs } from "@/lib/i18n/catalogs/app/customers";
import { getAppMessages } from "@/lib/session";
import { memberAction } from "./safe-action";

export const createCustomer = memberAction(customerSchema, async (input, { member, meta }) => {
  const customer = await createCustomerInDb(member, input, meta);
  revalidatePath("/customers");
  return { data: { id: customer.id }, redirectTo: withFlash(`/customers/${customer.id}`, "customer-saved") };
});

export const updateCustomer = memberAction(updateCustomerSchema, async (input, { member, meta }) => {
  const customer = await updateCustomerInDb(member, input, meta);
  revalidatePath("/customers");
  revalidatePath(`/customers/${customer.id}`);
  return { data: { id: customer.id }, redirectTo: withFlash(`/customers/${customer.id}`, "customer-saved") };
});

export const archiveCustomer = memberAction(customerIdSchema, async ({ id }, { member, meta }) => {
  await archiveCustomerInDb(member, id, meta);
  revalidatePath("/customers");
  revalidatePath(`/customers/${id}`);
  return { data: undefined, message: (await getAppMessages(catalogs))("action.archived") };
});

export const unarchiveCustomer = memberAction(customerIdSchema, async ({ id }, { member, meta }) => {
  await unarchiveCustomerInDb(member, id, meta);
  revalidatePath("/customers");
  revalidatePath(`/customers/${id}`);
  return { data: undefined, message: (await getAppMessages(catalogs))("action.restored") };
});

export const deleteCustomer = memberAction(customerIdSchema, async ({ id }, { member, meta }) => {
  await deleteCustomerInDb(member, id, meta);
  revalidatePath("/customers");
  return { data: undefined, redirectTo: withFlash("/customers", "customer-deleted") };
});

/** The invoice editor's "new customer" inline form: a name and optionally an email, nothing else. */
export const quickCreateCustomer = memberAction(quickCustomerSchema, async ({ name, email }, { member, meta }) => {
  const customer = await createCustomerInDb(
    member,
    { name, email, phone: null, addressLine1: null, addressLine2: null, city: null, postalCode: null, region: null, country: null, taxId: null, currency: null, paymentTermsDays: null, notes: null, contacts: [] },
    meta,
  );
  revalidatePath("/customers");
  return { data: { id: customer.id, name: customer.name, currency: customer.currency, paymentTermsDays: customer.paymentTermsDays } };
});

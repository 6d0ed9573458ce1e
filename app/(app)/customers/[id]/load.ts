import { notFound } from "next/navigation";
import type { Member } from "@/lib/data/context";
import { getCustomer } from "@/lib/data/customers";
import { parseId } from "@/lib/ids";
import { orNotFound } from "@/lib/not-found";

/** The customer of the URL, or the 404 page: a malformed id or another organisation's customer look the same. */
export async function loadCustomer(member: Member, id: string) {
  const customerId = parseId(id);
  if (!customerId) notFound();
  return orNotFound(getCustomer(member, customerId));
}

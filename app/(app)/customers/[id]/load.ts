import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import type { Member } from "@/lib/data/context";
import { getCustomer } from "@/lib/data/customers";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The customer of the URL, or the 404 page: a malformed id or another organisation's customer look the same. */
export async function loadCustomer(member: Member, id: string) {
  if (!UUID.test(id)) notFound();
  try {
    return await getCustomer(await getDb(), member, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

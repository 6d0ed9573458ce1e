import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * The record a page shows, or the 404 page: the DAL answers NOT_FOUND alike for an unknown id and
 * another organisation's, and a page must render that as "not found", never as a 500.
 */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

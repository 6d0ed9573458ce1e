import type { TestProject } from "vitest/node";
import { migrateHandle, openPostgres } from "@/db";

/**
 * Real Postgres: migrate the database at TEST_DATABASE_URL once; each test file then clones it
 * as a template (see test-db.ts), so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (project.config.env?.TEST_DB !== "postgres" || !url) return;
  const handle = await openPostgres(url, 1);
  try {
    await migrateHandle(handle);
  } finally {
    await handle.close();
  }
}

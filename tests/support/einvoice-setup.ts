import { compileAll } from "@/lib/einvoice/validate";

/** Compiles the e-invoice validation stylesheets once, before test files run in parallel. */
export default async function setup() {
  await compileAll();
}

/** Compiles the e-invoice validation stylesheets (vendor/einvoice) once, so no request waits 10–30 s for it. */
import { compileAll } from "@/lib/einvoice/validate";

const started = Date.now();
await compileAll();
console.log(`e-invoice validation stylesheets ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

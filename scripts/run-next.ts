/**
 * `npm run dev` / `npm start`: validates the configuration first (one line per problem, no stack
 * trace), then runs Next through scripts/next-server.mjs on PORT (default 5000, as in the
 * deployment guide). That server, not `next start`, so every request carries its real peer address
 * (see scripts/peer-header.mjs and lib/request-meta.ts).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env } from "@/lib/env";

const mode = process.argv[2] === "start" ? "start" : "dev";
// Render routes to 0.0.0.0; in development stay on the loopback interface.
const hostname = mode === "start" ? "0.0.0.0" : "localhost";
if (mode === "dev") console.log(`Smart Invoice: http://localhost:${env.PORT} (database: ${env.DATABASE_URL ? "postgres" : `embedded, ${env.DATA_DIR}/pglite`})`);

// A child process without tsx: Next compiles next.config.ts and the app itself.
const server = path.join(path.dirname(fileURLToPath(import.meta.url)), "next-server.mjs");
const child = spawn(process.execPath, [server, mode, String(env.PORT), hostname], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

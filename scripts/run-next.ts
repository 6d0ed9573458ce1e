/**
 * `npm run dev` / `npm start`: validates the configuration first (one line per problem, no stack
 * trace), then runs Next on PORT (default 5000, as in the deployment guide).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { env } from "@/lib/env";

const mode = process.argv[2] === "start" ? "start" : "dev";
const args = [mode, "-p", String(env.PORT)];
// Render routes to 0.0.0.0; in development stay on the loopback interface.
args.push("-H", mode === "start" ? "0.0.0.0" : "localhost");
if (mode === "dev") console.log(`Smart Invoice: http://localhost:${env.PORT} (database: ${env.DATABASE_URL ? "postgres" : `embedded, ${env.DATA_DIR}/pglite`})`);

const child = spawn(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

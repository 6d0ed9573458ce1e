import pino from "pino";
import { env } from "@/lib/env";

/** JSON logs on stdout (Render collects them). One child per module: logger.child({ module: "mail" }). */
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { service: "smart-invoice" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization"],
    censor: "[redacted]",
  },
});

export function moduleLogger(module: string) {
  return logger.child({ module });
}

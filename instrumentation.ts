import type { Instrumentation } from "next";

/** Runs once when a server process starts (never during `next build`). Node-only work lives in lib/. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./lib/instrumentation-node");
    await registerNode();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { reportRequestError } = await import("./lib/instrumentation-node");
    await reportRequestError(...args);
  }
};

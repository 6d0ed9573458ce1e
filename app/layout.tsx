import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { rootLanguage } from "./root-language";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.APP_URL),
  title: { default: "Smart Invoice — invoicing for small businesses", template: "%s · Smart Invoice" },
  description:
    "Self-hostable invoicing: customers, invoices, quotes and credit notes with exact money maths, fast PDFs, reliable email and a cash dashboard.",
  applicationName: "Smart Invoice",
};

export const viewport: Viewport = { themeColor: "#1d4ed8", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: Next puts the proxy's fresh CSP nonce on its inline
  // scripts, and a page prerendered at build time would carry none (and not run).
  await connection();
  return (
    <html lang={await rootLanguage()}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}

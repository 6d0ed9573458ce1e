/**
 * The one email layout: a single centred column built from tables with inline styles, because
 * that is what Outlook, Gmail and Apple Mail all render the same way. Every template produces an
 * HTML version and a plain-text version with the same words and the same link.
 *
 * Every string passed in is text, never markup: it is escaped here, so a customer called
 * `<script>` or `"Bob" & Co` shows up literally.
 */

import { emailMessages } from "@/lib/i18n/catalogs/email";
import { type Language, textDirection } from "@/lib/i18n/languages";

export type EmailAction = { label: string; url: string };

export type EmailContent = {
  /** The grey preview line mail clients show after the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: EmailAction;
  /** Small print under the content: why they got this email, what to do if it was not them. */
  footer?: string;
  /** The organisation's colour for the button; anything but a hex colour falls back to ours. */
  brandColor?: string;
  /**
   * Who the email is from, shown above the card: the organisation's logo (an absolute http(s)
   * URL, with its name as the alternative text) or its name. Account emails leave it out.
   */
  sender?: { name: string; logoUrl?: string | null };
  /**
   * The language the email is written in (default English): its <html lang>, its direction
   * (Arabic and Hebrew read right to left) and the fixed line under the button.
   */
  language?: Language;
};

export type RenderedEmail = { html: string; text: string };
export type EmailMessageContent = RenderedEmail & { subject: string };

const DEFAULT_BRAND = "#1d4ed8";
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text to HTML text or attribute value (quotes included, so it is safe inside href="..."). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Only http(s) links go into an email: a javascript: or data: URL here would be a bug or an attack. */
function checkedUrl(url: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  // Whitespace is refused rather than "fixed", so the text version keeps the URL on one line.
  if ((protocol !== "https:" && protocol !== "http:") || /\s/.test(url)) {
    throw new Error("email action url must be an absolute http(s) URL");
  }
  return url;
}

function checkedColor(color: string | undefined): string {
  return color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : DEFAULT_BRAND;
}

/**
 * Subjects are one header line: no newlines from user-provided names. No-break spaces stay: they
 * are how a locale keeps an amount together ("1 234,50 €" in French, "€ 1.234,50" in Dutch).
 */
export function oneLine(s: string): string {
  return s.replace(/[^\S\u00a0\u2007\u202f]+/g, " ").trim();
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const brand = checkedColor(content.brandColor);
  const language = content.language ?? "en";
  const copyLink = emailMessages(language)("copyLink");
  const action = content.action ? { label: content.action.label, url: checkedUrl(content.action.url) } : undefined;

  const paragraphs = content.paragraphs
    .map(
      (p) =>
        `<p style="margin:0 0 16px;font-family:${FONT};font-size:16px;line-height:24px;color:#1e293b;">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`,
    )
    .join("\n");

  const button = action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
  <tr>
    <td style="border-radius:6px;background:${brand};">
      <a href="${escapeHtml(action.url)}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:600;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(action.label)}</a>
    </td>
  </tr>
</table>
<p style="margin:0 0 16px;font-family:${FONT};font-size:14px;line-height:20px;color:#475569;">${escapeHtml(copyLink)}<br><a href="${escapeHtml(action.url)}" style="color:${brand};word-break:break-all;">${escapeHtml(action.url)}</a></p>`
    : "";

  const senderName = content.sender?.name ? oneLine(content.sender.name) : "Smart Invoice";
  const logoUrl = content.sender?.logoUrl ? checkedUrl(content.sender.logoUrl) : null;
  // A fixed height, so clients that block images until asked keep the layout.
  const masthead = logoUrl
    ? `<img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(senderName)}" height="40" style="display:block;height:40px;width:auto;max-width:200px;border:0;outline:none;text-decoration:none;font-family:${FONT};font-size:14px;font-weight:700;color:${brand};">`
    : escapeHtml(senderName);

  const preheader = content.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" aria-hidden="true">${escapeHtml(content.preheader)}</div>`
    : "";

  const footer = content.footer
    ? `<tr>
        <td style="padding:16px 32px 0;font-family:${FONT};font-size:13px;line-height:20px;color:#64748b;">${escapeHtml(content.footer)}</td>
      </tr>`
    : "";

  const html = `<!DOCTYPE html>
<html lang="${language}" dir="${textDirection(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(content.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9;">
${preheader}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f5f9;">
  <tr>
    <td align="center" style="padding:32px 16px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
        <tr>
          <td style="padding:0 32px 16px;font-family:${FONT};font-size:14px;font-weight:700;color:${brand};">${masthead}</td>
        </tr>
        <tr>
          <td style="background:#ffffff;border-radius:8px;padding:32px;">
            <h1 style="margin:0 0 24px;font-family:${FONT};font-size:22px;line-height:30px;font-weight:700;color:#0f172a;">${escapeHtml(content.heading)}</h1>
${paragraphs}
${button}
          </td>
        </tr>
      ${footer}
      </table>
    </td>
  </tr>
</table>
</body>
</html>`;

  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    // The URL alone on its line: every mail client makes it clickable, and none wraps it.
    ...(action ? [`${action.label}:`, action.url, ""] : []),
    ...(content.footer ? ["--", content.footer, ""] : []),
  ]
    .join("\n")
    .trimEnd()
    .concat("\n");

  return { html, text };
}

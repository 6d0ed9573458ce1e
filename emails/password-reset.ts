import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/** Sent on request from the sign-in page; the link holds a one-time token valid for one hour. */
export function passwordResetEmail({ name, url }: { name: string; url: string }): EmailMessageContent {
  const greeting = oneLine(name) ? `Hi ${oneLine(name)},` : "Hi,";
  return {
    subject: "Reset your Smart Invoice password",
    ...renderEmail({
      preheader: "Choose a new password. The link works once and for one hour.",
      heading: "Reset your password",
      paragraphs: [
        greeting,
        "We received a request to reset the password for your Smart Invoice account. Choose a new one with the link below.",
        "The link works once and for one hour.",
      ],
      action: { label: "Choose a new password", url },
      footer: "If you did not ask to reset your password, you can ignore this email: your password stays the same.",
    }),
  };
}

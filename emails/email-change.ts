import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/**
 * Sent to the NEW address when someone changes their sign-in email: the change only takes
 * effect once the owner of that address follows the link (valid for 24 hours).
 */
export function emailChangeEmail({ name, newEmail, url }: { name: string; newEmail: string; url: string }): EmailMessageContent {
  const greeting = oneLine(name) ? `Hi ${oneLine(name)},` : "Hi,";
  return {
    subject: "Confirm your new email address for Smart Invoice",
    ...renderEmail({
      preheader: "Confirm this address to use it to sign in. The link is valid for 24 hours.",
      heading: "Confirm your new email address",
      paragraphs: [
        greeting,
        `You asked to sign in to Smart Invoice with ${oneLine(newEmail)} from now on. Confirm that this address is yours with the link below.`,
        "Until you confirm, you keep signing in with your current address. The link is valid for 24 hours.",
      ],
      action: { label: "Confirm my new address", url },
      footer: "If you did not ask for this change, ignore this email: the address on the account stays as it is.",
    }),
  };
}

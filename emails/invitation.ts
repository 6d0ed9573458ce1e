import { type EmailMessageContent, oneLine, renderEmail } from "./layout";

/** An invitation to join an organisation; the link is valid for 7 days. */
export function invitationEmail({
  inviterName,
  orgName,
  role,
  url,
}: {
  inviterName: string;
  orgName: string;
  role: string;
  url: string;
}): EmailMessageContent {
  const inviter = oneLine(inviterName) || "A colleague";
  const org = oneLine(orgName);
  const roleName = oneLine(role).toLowerCase();
  const article = /^[aeiou]/.test(roleName) ? "an" : "a";
  return {
    subject: `${inviter} invited you to ${org} on Smart Invoice`,
    ...renderEmail({
      preheader: `Join ${org} on Smart Invoice. The invitation is valid for 7 days.`,
      heading: `Join ${org} on Smart Invoice`,
      paragraphs: [
        `${inviter} invited you to join ${org} as ${article} ${roleName}.`,
        "Smart Invoice is where the team keeps its customers, invoices and payments. Accept the invitation to sign in or create your account.",
        "The invitation is valid for 7 days.",
      ],
      action: { label: "Accept the invitation", url },
      footer: "If you were not expecting this invitation, you can ignore this email: nothing happens unless you accept it.",
    }),
  };
}

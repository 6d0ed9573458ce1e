"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idField } from "@/lib/ids";
import { getMembership } from "@/lib/data/organizations";
import { changeRole as changeRoleInDb, inviteMember as inviteMemberInDb, removeMember as removeMemberInDb, revokeInvitation as revokeInvitationInDb } from "@/lib/data/team";
import { AppError } from "@/lib/errors";
import { catalogs } from "@/lib/i18n/catalogs/app/team";
import { getAppLanguage, getAppMessages, setActiveOrganization } from "@/lib/session";
import { invitationMessage, invitationUrl } from "@/lib/mail/account-messages";
import { emailDelivery } from "@/lib/mail/delivery";
import { changeRoleSchema, invitationIdSchema, inviteSchema, memberIdSchema } from "@/lib/validation/team";
import { memberAction, type Outcome, userAction } from "./safe-action";
import { sendAfterResponse } from "./send-later";

export const inviteMember = memberAction(inviteSchema, async (input, { member, meta }): Promise<Outcome<{ link: string | null }>> => {
  const { token, orgName, invitation } = await inviteMemberInDb(member, input, meta);
  revalidatePath("/settings/team");
  if (emailDelivery() === "none") {
    // Nothing would reach them: the inviter gets the link to pass on instead of a "sent" that isn't true.
    return {
      data: { link: invitationUrl(token) },
      message: (await getAppMessages(catalogs))("msg.noEmail", { email: invitation.email }),
    };
  }
  await sendAfterResponse(invitationMessage({ orgId: member.orgId, inviterName: member.user.name, orgName, invitation, token, language: await getAppLanguage() }));
  return { data: { link: null }, message: (await getAppMessages(catalogs))("msg.sent", { email: invitation.email }) };
});

export const revokeInvitation = memberAction(invitationIdSchema, async ({ invitationId }, { member, meta }) => {
  await revokeInvitationInDb(member, invitationId, meta);
  revalidatePath("/settings/team");
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.revoked") };
});

export const changeRole = memberAction(changeRoleSchema, async ({ userId, role }, { member, meta }) => {
  await changeRoleInDb(member, userId, role, meta);
  revalidatePath("/settings/team");
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.roleUpdated") };
});

export const removeMember = memberAction(memberIdSchema, async ({ userId }, { member, meta }) => {
  await removeMemberInDb(member, userId, meta);
  revalidatePath("/settings/team");
  return { data: undefined, message: (await getAppMessages(catalogs))("msg.removed"), redirectTo: userId === member.userId ? "/dashboard" : undefined };
});

export const switchOrganization = userAction(z.object({ orgId: idField("Unknown organisation.") }), async ({ orgId }, { user }) => {
  if (!(await getMembership(user.id, orgId))) throw new AppError("NOT_FOUND", "Organisation not found.");
  await setActiveOrganization(orgId);
  revalidatePath("/", "layout");
  return { data: undefined, redirectTo: "/dashboard" };
});

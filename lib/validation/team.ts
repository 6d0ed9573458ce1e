import { z } from "zod";
import { idField } from "@/lib/ids";
import { email } from "./common";

export const roleSchema = z.enum(["owner", "admin", "member"], { error: "Choose a role." });

export const inviteSchema = z.object({ email, role: roleSchema });
export const changeRoleSchema = z.object({ userId: idField("Unknown member."), role: roleSchema });
export const memberIdSchema = z.object({ userId: idField("Unknown member.") });
export const invitationIdSchema = z.object({ invitationId: idField("Unknown invitation.") });

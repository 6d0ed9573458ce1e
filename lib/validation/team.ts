import { z } from "zod";
import { email } from "./common";

export const roleSchema = z.enum(["owner", "admin", "member"], { error: "Choose a role." });

export const inviteSchema = z.object({ email, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.uuid({ error: "Unknown member." }), role: roleSchema });
export const memberIdSchema = z.object({ userId: z.uuid({ error: "Unknown member." }) });
export const invitationIdSchema = z.object({ invitationId: z.uuid({ error: "Unknown invitation." }) });

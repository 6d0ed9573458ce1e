/**
 * Cross-tenant isolation: acting as organisation B (owner b, full rights in B), nothing of
 * organisation A can be read, changed or deleted through the data-access layer.
 *
 * Extend for every new entity (customers, invoices, payments, …): seed one in A in `beforeAll`,
 * then add a describe block that calls every list/get/update/delete function with `b.member` and
 * checks that A's row is neither returned nor changed (through A's own context or the database).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import type { User } from "@/db/schema";
import { addMember, createAccount, createUser, expectAppError, uniqueEmail, uniqueName } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { listAudit } from "./audit";
import {
  getMembership,
  getOrganization,
  listUserOrganizations,
  setOrganizationLogo,
  unsafeGetOrganizationLogo,
  updateOrganization,
} from "./organizations";
import { acceptInvitation, changeRole, unsafeFindInvitation, inviteMember, listMembers, listPendingInvitations, removeMember, revokeInvitation } from "./team";
import { createPasswordReset } from "./users";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

let handle: DbHandle;
let db: Db;

type Tenant = Awaited<ReturnType<typeof createAccount>> & { colleague: User; invitation: { id: string; token: string; email: string } };
let A: Tenant;
let B: Tenant;

async function seedTenant(label: string): Promise<Tenant> {
  const account = await createAccount(db, label);
  const colleague = await createUser(db, `${label}-colleague`);
  await addMember(db, account.org.id, colleague, "member");
  const { invitation, token } = await inviteMember(account.member, { email: uniqueEmail(`${label}-invitee`), role: "admin" });
  return { ...account, colleague, invitation: { id: invitation.id, token, email: invitation.email } };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  A = await seedTenant("a");
  B = await seedTenant("b");
  await setOrganizationLogo(A.member, { contentType: "image/png", bytes: png });
  // An account-level event of a (recorded without an organisation).
  await createPasswordReset(A.email);
});
afterAll(async () => {
  await handle?.close();
});

describe("team", () => {
  it("lists only B's members", async () => {
    const ids = (await listMembers(B.member)).map((m) => m.userId);
    expect(ids.sort()).toEqual([B.user.id, B.colleague.id].sort());
    expect(ids).not.toContain(A.user.id);
    expect(ids).not.toContain(A.colleague.id);
  });

  it("lists only B's pending invitations", async () => {
    const pending = await listPendingInvitations(B.member);
    expect(pending.map((i) => i.id)).toContain(B.invitation.id);
    expect(pending.map((i) => i.id)).not.toContain(A.invitation.id);
    expect(pending.map((i) => i.email)).not.toContain(A.invitation.email);
  });

  it("can't revoke A's invitation", async () => {
    await expectAppError(revokeInvitation(B.member, A.invitation.id), "NOT_FOUND");
    expect((await listPendingInvitations(A.member)).map((i) => i.id)).toContain(A.invitation.id);
    expect(await unsafeFindInvitation(A.invitation.token)).not.toBeNull();
  });

  it("can't accept A's invitation meant for someone else", async () => {
    await expectAppError(acceptInvitation(B.user, A.invitation.token), "FORBIDDEN");
    expect(await getMembership(B.user.id, A.org.id)).toBeUndefined();
    expect(await unsafeFindInvitation(A.invitation.token)).not.toBeNull();
  });

  it("can't change the role of A's members", async () => {
    await expectAppError(changeRole(B.member, A.colleague.id, "owner"), "NOT_FOUND");
    await expectAppError(changeRole(B.member, A.user.id, "member"), "NOT_FOUND");
    expect(await getMembership(A.colleague.id, A.org.id)).toEqual({ role: "member" });
    expect(await getMembership(A.user.id, A.org.id)).toEqual({ role: "owner" });
    // Nor make them part of B by that route.
    expect(await getMembership(A.colleague.id, B.org.id)).toBeUndefined();
  });

  it("can't remove A's members", async () => {
    await expectAppError(removeMember(B.member, A.colleague.id), "NOT_FOUND");
    await expectAppError(removeMember(B.member, A.user.id), "NOT_FOUND");
    expect(await getMembership(A.colleague.id, A.org.id)).toEqual({ role: "member" });
    expect(await getMembership(A.user.id, A.org.id)).toEqual({ role: "owner" });
  });

  it("treats a member of A as a stranger when B invites them", async () => {
    // Being in A doesn't make someone "already a member" of B, and the invitation belongs to B.
    const { invitation } = await inviteMember(B.member, { email: A.colleague.email, role: "member" });
    expect(invitation.orgId).toBe(B.org.id);
    expect((await listPendingInvitations(A.member)).map((i) => i.id)).not.toContain(invitation.id);
  });
});

describe("organisation", () => {
  it("reads B's organisation from B's context", async () => {
    const org = await getOrganization(B.member);
    expect(org.id).toBe(B.org.id);
    expect(org.id).not.toBe(A.org.id);
  });

  it("changes only B's settings", async () => {
    const before = await getOrganization(A.member);
    const newName = uniqueName("B renamed");
    await updateOrganization(B.member, { name: newName, taxId: "B-123" });

    expect((await getOrganization(B.member)).name).toBe(newName);
    const after = await getOrganization(A.member);
    expect(after).toMatchObject({ name: A.org.name, taxId: before.taxId });
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it("replaces and removes only B's logo", async () => {
    await setOrganizationLogo(B.member, { contentType: "image/jpeg", bytes: jpeg });
    expect((await unsafeGetOrganizationLogo(A.org.id))?.contentType).toBe("image/png");
    await setOrganizationLogo(B.member, null);
    expect(await unsafeGetOrganizationLogo(B.org.id)).toBeUndefined();
    const logoA = await unsafeGetOrganizationLogo(A.org.id);
    expect(logoA?.contentType).toBe("image/png");
    expect(Buffer.compare(logoA!.bytes, png)).toBe(0);
  });

  it("doesn't make b a member of A", async () => {
    // The session layer builds Member from this lookup, so a forged orgId finds no membership.
    expect(await getMembership(B.user.id, A.org.id)).toBeUndefined();
    expect((await listUserOrganizations(B.user.id)).map((o) => o.orgId)).toEqual([B.org.id]);
  });
});

describe("audit log", () => {
  it("shows B none of A's events, including a's account-level ones", async () => {
    const { rows } = await listAudit(B.member, {});
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.targetId)).not.toContain(A.invitation.id);
    expect(rows.map((r) => r.actorEmail)).not.toContain(A.email);
    expect(rows.filter((r) => r.action === "team.invited").map((r) => r.meta?.email)).not.toContain(A.invitation.email);
    expect(rows.map((r) => r.action)).not.toContain("auth.password_reset_requested");
  });

  it("shows A those events (so the check above is meaningful)", async () => {
    const { rows } = await listAudit(A.member, {});
    expect(rows.map((r) => r.targetId)).toContain(A.invitation.id);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["account.registered", "team.invited", "auth.password_reset_requested"]));
  });
});

import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db";
import { auditLog, invitations, type MemberRole, memberships, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { addMember, createUser, expectAppError, rejectionsOf, uniqueEmail, uniqueName } from "@/tests/support/accounts";
import { createTestDb } from "@/tests/support/test-db";
import { listAudit } from "./audit";
import type { Member } from "./context";
import { createOrganization, getMembership, getOrganization, setOrganizationLogo, unsafeGetOrganizationLogo, updateOrganization } from "./organizations";
import {
  acceptInvitation,
  changeRole,
  unsafeFindInvitation,
  inviteMember,
  listMembers,
  listPendingInvitations,
  removeMember,
  revokeInvitation,
} from "./team";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

/** A new organisation with its founding owner (users are inserted directly: no password hashing needed here). */
async function newOrganization(label = "Team") {
  const founder = await createUser(db, "founder");
  const org = await createOrganization(founder.id, uniqueName(label));
  const owner: Member = { userId: founder.id, orgId: org.id, role: "owner" };
  return { org, founder, owner };
}

async function pendingIds(member: Member) {
  return (await listPendingInvitations(member)).map((i) => i.id);
}

describe("who may do what on the team and settings pages", () => {
  /**
   * Each cell runs in its own organisation: an actor with the role under test, the founding
   * owner, a plain member to act on and one pending invitation.
   */
  async function fixture(role: MemberRole) {
    const { org, founder, owner } = await newOrganization();
    const actor = await addMember(db, org.id, await createUser(db, role), role);
    const target = await createUser(db, "target");
    await addMember(db, org.id, target, "member");
    const { invitation } = await inviteMember(owner, { email: uniqueEmail("pending"), role: "member" });
    return { org, founder, owner, actor, target, invitation, newEmail: uniqueEmail("invitee"), newName: uniqueName("Renamed") };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  /** Everything a refused call must leave untouched. */
  async function snapshot(orgId: string) {
    return {
      members: await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.orgId, orgId)).orderBy(asc(memberships.userId)),
      invitations: await db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(asc(invitations.id)),
      organization: (await db.select().from(organizations).where(eq(organizations.id, orgId)))[0],
      logo: (await unsafeGetOrganizationLogo(orgId)) ?? null,
      auditEntries: (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.orgId, orgId)))[0]?.n,
    };
  }

  /** Each action runs as the actor and returns a check of its effect, run only when it was allowed. */
  const actions = {
    "invite a member": async (f: Fixture) => {
      await inviteMember(f.actor, { email: f.newEmail, role: "member" });
      return async () => expect(await listPendingInvitations(f.owner)).toContainEqual(expect.objectContaining({ email: f.newEmail, role: "member" }));
    },
    "invite an admin": async (f: Fixture) => {
      await inviteMember(f.actor, { email: f.newEmail, role: "admin" });
      return async () => expect(await listPendingInvitations(f.owner)).toContainEqual(expect.objectContaining({ email: f.newEmail, role: "admin" }));
    },
    "invite an owner": async (f: Fixture) => {
      await inviteMember(f.actor, { email: f.newEmail, role: "owner" });
      return async () => expect(await listPendingInvitations(f.owner)).toContainEqual(expect.objectContaining({ email: f.newEmail, role: "owner" }));
    },
    "list pending invitations": async (f: Fixture) => {
      const list = await listPendingInvitations(f.actor);
      return async () => expect(list.map((i) => i.id)).toEqual([f.invitation.id]);
    },
    "revoke an invitation": async (f: Fixture) => {
      await revokeInvitation(f.actor, f.invitation.id);
      return async () => expect(await pendingIds(f.owner)).not.toContain(f.invitation.id);
    },
    "change a member's role": async (f: Fixture) => {
      await changeRole(f.actor, f.target.id, "admin");
      return async () => expect(await getMembership(f.target.id, f.org.id)).toEqual({ role: "admin" });
    },
    "remove a member": async (f: Fixture) => {
      await removeMember(f.actor, f.target.id);
      return async () => expect(await getMembership(f.target.id, f.org.id)).toBeUndefined();
    },
    "update the organisation": async (f: Fixture) => {
      await updateOrganization(f.actor, { name: f.newName, city: "Lisbon" });
      return async () => expect(await getOrganization(f.owner)).toMatchObject({ name: f.newName, city: "Lisbon" });
    },
    "set the logo": async (f: Fixture) => {
      await setOrganizationLogo(f.actor, { contentType: "image/png", bytes: png });
      return async () => {
        const logo = await unsafeGetOrganizationLogo(f.org.id);
        expect(logo?.contentType).toBe("image/png");
        expect(Buffer.compare(logo!.bytes, png)).toBe(0);
      };
    },
    "view the audit log": async (f: Fixture) => {
      const { rows } = await listAudit(f.actor, {});
      return async () => expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["organization.created", "team.invited"]));
    },
  } satisfies Record<string, (f: Fixture) => Promise<() => Promise<unknown>>>;

  type Action = keyof typeof actions;
  const allowed: Record<Action, [owner: boolean, admin: boolean, member: boolean]> = {
    "invite a member":          [true,  true,  false],
    "invite an admin":          [true,  true,  false],
    "invite an owner":          [true,  false, false],
    "list pending invitations": [true,  true,  false],
    "revoke an invitation":     [true,  true,  false],
    "change a member's role":   [true,  false, false],
    "remove a member":          [true,  false, false],
    "update the organisation":  [true,  true,  false],
    "set the logo":             [true,  true,  false],
    "view the audit log":       [true,  true,  false],
  };
  const roleColumns = ["owner", "admin", "member"] as const;

  const cells = (Object.keys(actions) as Action[]).flatMap((action) =>
    roleColumns.map((role, i) => ({ action, role, allowed: allowed[action][i]! })),
  );

  for (const { action, role, allowed } of cells) {
    it(`${role} ${allowed ? "may" : "may not"} ${action}`, async () => {
      const f = await fixture(role);
      if (allowed) {
        const verify = await actions[action](f);
        await verify();
      } else {
        const before = await snapshot(f.org.id);
        await expectAppError(actions[action](f), "FORBIDDEN");
        expect(await snapshot(f.org.id)).toEqual(before);
      }
    });
  }

  it("lets every role see the member list", async () => {
    for (const role of roleColumns) {
      const f = await fixture(role);
      const members = await listMembers(f.actor);
      expect(members.map((m) => m.userId).sort()).toEqual([f.founder.id, f.actor.userId, f.target.id].sort());
    }
  });
});

describe("invitations", () => {
  it("adds the invited person with the invited role, once", async () => {
    const { org, owner } = await newOrganization();
    const invitee = await createUser(db, "invitee");
    const { token, invitation, orgName } = await inviteMember(owner, { email: invitee.email.toUpperCase(), role: "admin" });
    expect(orgName).toBe(org.name);
    expect(invitation.email).toBe(invitee.email);
    expect(await unsafeFindInvitation(token)).toMatchObject({ email: invitee.email, role: "admin", orgId: org.id, orgName: org.name });

    await acceptInvitation(invitee, token);
    expect(await getMembership(invitee.id, org.id)).toEqual({ role: "admin" });
    expect(await pendingIds(owner)).not.toContain(invitation.id);
    expect(await unsafeFindInvitation(token)).toBeNull();

    // Used once: the link is dead, for the invitee and anyone else.
    await expectAppError(acceptInvitation(invitee, token), "BAD_REQUEST");
    const other = await createUser(db, "other");
    await expectAppError(acceptInvitation(other, token), "BAD_REQUEST");
    expect(await getMembership(other.id, org.id)).toBeUndefined();
  });

  it("refuses an expired invitation", async () => {
    const { org, owner } = await newOrganization();
    const invitee = await createUser(db, "late");
    const { token, invitation } = await inviteMember(owner, { email: invitee.email, role: "member" });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.id, invitation.id));

    expect(await unsafeFindInvitation(token)).toBeNull();
    expect(await pendingIds(owner)).not.toContain(invitation.id);
    await expectAppError(acceptInvitation(invitee, token), "BAD_REQUEST");
    expect(await getMembership(invitee.id, org.id)).toBeUndefined();
  });

  it("refuses a revoked invitation", async () => {
    const { org, owner } = await newOrganization();
    const invitee = await createUser(db, "revoked");
    const { token, invitation } = await inviteMember(owner, { email: invitee.email, role: "member" });
    await revokeInvitation(owner, invitation.id);

    expect(await pendingIds(owner)).not.toContain(invitation.id);
    expect(await unsafeFindInvitation(token)).toBeNull();
    await expectAppError(acceptInvitation(invitee, token), "BAD_REQUEST");
    expect(await getMembership(invitee.id, org.id)).toBeUndefined();
    // Revoking twice finds nothing to revoke.
    await expectAppError(revokeInvitation(owner, invitation.id), "NOT_FOUND");
  });

  it("can only be accepted by the invited address, and stays usable for it", async () => {
    const { org, owner } = await newOrganization();
    const invitee = await createUser(db, "invitee");
    const intruder = await createUser(db, "intruder");
    const { token, invitation } = await inviteMember(owner, { email: invitee.email, role: "member" });

    const error = await expectAppError(acceptInvitation(intruder, token), "FORBIDDEN");
    expect(error.message).toContain(invitee.email);
    expect(await getMembership(intruder.id, org.id)).toBeUndefined();
    expect(await pendingIds(owner)).toContain(invitation.id);

    await acceptInvitation(invitee, token);
    expect(await getMembership(invitee.id, org.id)).toEqual({ role: "member" });
  });

  it("replaces an earlier invitation to the same address", async () => {
    const { org, owner } = await newOrganization();
    const invitee = await createUser(db, "twice");
    const first = await inviteMember(owner, { email: invitee.email, role: "member" });
    const second = await inviteMember(owner, { email: invitee.email.toUpperCase(), role: "admin" });

    expect(await pendingIds(owner)).toEqual([second.invitation.id]);
    await expectAppError(acceptInvitation(invitee, first.token), "BAD_REQUEST");
    await acceptInvitation(invitee, second.token);
    expect(await getMembership(invitee.id, org.id)).toEqual({ role: "admin" });
  });

  it("refuses to invite someone who is already a member", async () => {
    const { org, owner } = await newOrganization();
    const existing = await createUser(db, "existing");
    await addMember(db, org.id, existing, "member");

    const error = await expectAppError(inviteMember(owner, { email: existing.email.toUpperCase(), role: "admin" }), "CONFLICT");
    expect(error.fieldErrors?.email).toBe("This person is already a member.");
    expect(await pendingIds(owner)).toEqual([]);
    expect(await getMembership(existing.id, org.id)).toEqual({ role: "member" });
  });
});

describe("an organisation always keeps an owner", () => {
  it("won't let the only owner demote or remove themselves", async () => {
    const { org, founder, owner } = await newOrganization();
    const demote = await expectAppError(changeRole(owner, founder.id, "admin"), "CONFLICT");
    expect(demote.message).toMatch(/at least one owner/);
    await expectAppError(removeMember(owner, founder.id), "CONFLICT");
    expect(await getMembership(founder.id, org.id)).toEqual({ role: "owner" });
  });

  it("lets one of two owners be demoted, then protects the remaining one", async () => {
    const { org, founder, owner } = await newOrganization();
    const second = await createUser(db, "second-owner");
    const secondOwner = await addMember(db, org.id, second, "owner");

    await changeRole(owner, second.id, "admin");
    expect(await getMembership(second.id, org.id)).toEqual({ role: "admin" });

    await expectAppError(changeRole(owner, founder.id, "member"), "CONFLICT");
    await expectAppError(removeMember(owner, founder.id), "CONFLICT");
    // The demoted owner's old context is stale; with their new role they can't manage the team.
    await expectAppError(changeRole({ ...secondOwner, role: "admin" }, founder.id, "member"), "FORBIDDEN");
    expect(await getMembership(founder.id, org.id)).toEqual({ role: "owner" });
  });

  it("lets one of two owners be removed, then protects the remaining one", async () => {
    const { org, founder } = await newOrganization();
    const second = await createUser(db, "second-owner");
    const secondOwner = await addMember(db, org.id, second, "owner");

    await removeMember(secondOwner, founder.id);
    expect(await getMembership(founder.id, org.id)).toBeUndefined();
    await expectAppError(removeMember(secondOwner, second.id), "CONFLICT");
    await expectAppError(changeRole(secondOwner, second.id, "admin"), "CONFLICT");
    expect(await getMembership(second.id, org.id)).toEqual({ role: "owner" });
  });

  async function ownerCount(orgId: string) {
    return (await db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")))).length;
  }

  /** The losing call of a race is refused with a clear CONFLICT, never a deadlock or a 500. */
  function expectRaceLoserRefused(reason: unknown) {
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: "CONFLICT" });
  }

  // On PGlite transactions are serialised; on Postgres the two run at once and the row locks decide.
  it("keeps an owner when two owners demote each other at the same moment", async () => {
    const { org, owner } = await newOrganization();
    const second = await createUser(db, "second-owner");
    const secondOwner = await addMember(db, org.id, second, "owner");

    const results = await Promise.allSettled([
      changeRole(owner, second.id, "admin"),
      changeRole(secondOwner, owner.userId, "admin"),
    ]);

    expect(await ownerCount(org.id)).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expectRaceLoserRefused(rejectionsOf(results)[0]);
  });

  it("keeps an owner when two owners remove each other at the same moment", async () => {
    const { org, owner } = await newOrganization();
    const second = await createUser(db, "second-owner");
    const secondOwner = await addMember(db, org.id, second, "owner");

    const results = await Promise.allSettled([removeMember(owner, second.id), removeMember(secondOwner, owner.userId)]);

    expect(await ownerCount(org.id)).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expectRaceLoserRefused(rejectionsOf(results)[0]);
  });
});

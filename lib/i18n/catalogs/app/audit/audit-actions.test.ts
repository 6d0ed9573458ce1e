import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, isAuditAction } from "../../../../audit-actions";
import { actionKey, catalogs } from ".";

describe("audit log action names", () => {
  it("names every action the code can record, in English and in German", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = actionKey(action);
      expect(catalogs.en[key], action).toMatch(/\S/);
      expect(catalogs.de[key], action).toMatch(/\S/);
      expect(catalogs.de[key], action).not.toBe(catalogs.en[key]);
    }
  });

  it("has no name for an action that cannot be recorded", () => {
    const named = Object.keys(catalogs.en).filter((key) => key.startsWith("action.")).map((key) => key.slice("action.".length));
    expect(named.filter((action) => !isAuditAction(action))).toEqual([]);
  });
});

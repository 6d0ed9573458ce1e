/** The list pages' URL state: what a hand-edited or pasted URL turns into, and the links built back from it. */
import { describe, expect, it } from "vitest";
import { listHref, parseListState } from "./list-url-state";

const customers = { path: "/customers", sorts: ["name", "created"], statuses: ["active", "archived", "all"] } as const satisfies Parameters<typeof parseListState>[0];

describe("parseListState", () => {
  it("reads search, status, sort, direction and page", () => {
    expect(parseListState(customers, { q: "  acme ", status: "archived", sort: "created", dir: "desc", page: "3" })).toEqual({
      q: "acme",
      status: "archived",
      sort: "created",
      dir: "desc",
      page: 3,
    });
  });

  it("falls back to the defaults for anything unknown, repeated or out of range", () => {
    expect(parseListState(customers, { status: "deleted", sort: "price; drop table", dir: "sideways", page: "-2" })).toEqual({ q: "", status: "active", sort: "name", dir: "asc", page: 1 });
    expect(parseListState(customers, { page: "abc" }).page).toBe(1);
    expect(parseListState(customers, { q: ["first", "second"], status: ["all", "archived"] })).toMatchObject({ q: "first", status: "all" });
    expect(parseListState(customers, { q: "x".repeat(500) }).q).toHaveLength(200);
  });

  it("drops control characters from the search term: Postgres refuses a NUL and the page failed", () => {
    expect(parseListState(customers, { q: "\u0000" }).q).toBe("");
    expect(parseListState(customers, { q: "ac\u0000me\u0007" }).q).toBe("acme");
    expect(parseListState(customers, { q: "acme\tltd\n" }).q).toBe("acme ltd");
  });
});

describe("listHref", () => {
  const state = parseListState(customers, {});

  it("leaves the defaults out, so the plain path is the unfiltered first page", () => {
    expect(listHref(customers, state, {})).toBe("/customers");
    expect(listHref(customers, state, { page: 1, sort: "name", dir: "asc", status: "active" })).toBe("/customers");
  });

  it("keeps what differs from the defaults, encoded", () => {
    expect(listHref(customers, state, { q: "Müller & Söhne", status: "all", sort: "created", dir: "desc", page: 2 })).toBe(
      "/customers?q=M%C3%BCller+%26+S%C3%B6hne&status=all&sort=created&dir=desc&page=2",
    );
  });

  it("round-trips through parseListState", () => {
    const changed = { q: "acme", status: "archived" as const, sort: "created" as const, dir: "desc" as const, page: 4 };
    const href = listHref(customers, state, changed);
    expect(parseListState(customers, Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(changed);
  });
});

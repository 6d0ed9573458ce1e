/** The phone Sort select: each label leads to the URL the table headers use for the same order. */
import { describe, expect, it } from "vitest";
import { parseListQuery } from "./document-list-query";
import { CUSTOMER_SORT_CHOICES, documentSortOptions, ITEM_SORT_CHOICES, listSortOptions, RECURRING_SORT_CHOICES, sortValue } from "./list-sort-choices";
import { parseListState } from "./list-url-state";

const hrefOf = (options: { label: string; href: string }[], label: string) => options.find((o) => o.label === label)?.href;

describe("documentSortOptions", () => {
  const query = parseListQuery("invoice", { status: "issued", q: "acme", currency: "EUR", sort: "customer", page: "4" });
  const options = documentSortOptions("/invoices", query);

  it("maps each label to sort and dir, keeping the filters and going back to page 1", () => {
    expect(hrefOf(options, "Amount, high to low")).toBe("/invoices?status=issued&currency=EUR&q=acme&sort=total");
    expect(hrefOf(options, "Amount, low to high")).toBe("/invoices?status=issued&currency=EUR&q=acme&sort=total&dir=asc");
    // The default order (issue date, newest first) leaves both parameters out, like the plain list URL.
    expect(hrefOf(options, "Newest first")).toBe("/invoices?status=issued&currency=EUR&q=acme");
    expect(hrefOf(options, "Oldest first")).toBe("/invoices?status=issued&currency=EUR&q=acme&dir=asc");
    expect(hrefOf(options, "Due date, soonest first")).toBe("/invoices?status=issued&currency=EUR&q=acme&sort=dueDate&dir=asc");
    expect(hrefOf(options, "Customer, Z to A")).toBe("/invoices?status=issued&currency=EUR&q=acme&sort=customer");
  });

  it("offers every column in both directions once, so whatever a header chose is selected", () => {
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(10);
    for (const sort of ["issueDate", "number", "total", "dueDate", "customer"]) {
      expect(values).toContain(sortValue(sort, "asc"));
      expect(values).toContain(sortValue(sort, "desc"));
    }
    // ?sort=customer (no dir) is customer, Z to A: the list's default direction is descending.
    expect(options.find((o) => o.value === sortValue(query.sort ?? "issueDate", query.dir ?? "desc"))?.label).toBe("Customer, Z to A");
  });

  it("says 'Valid until' for quotes", () => {
    const quotes = documentSortOptions("/quotes", parseListQuery("quote", {}));
    expect(hrefOf(quotes, "Valid until, soonest first")).toBe("/quotes?sort=dueDate&dir=asc");
  });
});

describe("listSortOptions", () => {
  const CUSTOMERS = { path: "/customers", sorts: ["name", "created"], statuses: ["active", "archived", "all"] } as const;

  it("builds the header's links: filters kept, page reset, defaults left out", () => {
    const state = parseListState(CUSTOMERS, { q: "ann", status: "all", page: "3" });
    const options = listSortOptions(CUSTOMERS, state, CUSTOMER_SORT_CHOICES);
    expect(hrefOf(options, "Name, A to Z")).toBe("/customers?q=ann&status=all");
    expect(hrefOf(options, "Name, Z to A")).toBe("/customers?q=ann&status=all&dir=desc");
    expect(hrefOf(options, "Newest first")).toBe("/customers?q=ann&status=all&sort=created&dir=desc");
    expect(hrefOf(options, "Oldest first")).toBe("/customers?q=ann&status=all&sort=created");
  });

  it("covers each sortable column both ways for items and recurring invoices", () => {
    const ITEMS = { path: "/items", sorts: ["name", "price"], statuses: ["active"] } as const;
    const items = listSortOptions(ITEMS, parseListState(ITEMS, {}), ITEM_SORT_CHOICES);
    expect(hrefOf(items, "Price, high to low")).toBe("/items?sort=price&dir=desc");
    expect(hrefOf(items, "Price, low to high")).toBe("/items?sort=price");
    const RECURRING = { path: "/recurring", sorts: ["next", "name", "amount"], statuses: ["all"] } as const;
    const recurring = listSortOptions(RECURRING, parseListState(RECURRING, {}), RECURRING_SORT_CHOICES);
    expect(recurring.map((o) => o.value).sort()).toEqual(["amount:asc", "amount:desc", "name:asc", "name:desc", "next:asc", "next:desc"]);
    expect(hrefOf(recurring, "Next date, soonest first")).toBe("/recurring");
  });
});

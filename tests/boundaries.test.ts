import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layer boundaries of eslint.config.mjs, proved by linting deliberate violations with the
 * project's own configuration (the files need not exist: only their path decides which rules apply).
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const RULE = "@typescript-eslint/no-restricted-imports";

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("layer boundaries (npm run lint)", { timeout: 60_000 }, () => {
  it("a page importing @/db fails, by alias and by relative path", async () => {
    const page = "app/(app)/customers/example/page.tsx";
    expect(await boundaryErrors(page, 'import { getDb } from "@/db";\nexport const x = getDb;\n')).toEqual([
      expect.stringContaining("Pages and routes do not touch the database"),
    ]);
    expect(await boundaryErrors(page, 'import { getDb } from "../../../../db";\nexport const x = getDb;\n')).toHaveLength(1);
    expect(await boundaryErrors(page, 'import type { Executor } from "@/db";\nexport type X = Executor;\n')).toHaveLength(1);
  });

  it("a component importing lib/data fails, by alias and by relative path", async () => {
    const component = "components/documents/example.tsx";
    expect(await boundaryErrors(component, 'import { getCustomer } from "@/lib/data/customers";\nexport const x = getCustomer;\n')).toEqual([
      expect.stringContaining("components/ is presentational"),
    ]);
    expect(await boundaryErrors(component, 'import { getCustomer } from "../../lib/data/customers";\nexport const x = getCustomer;\n')).toHaveLength(1);
    expect(await boundaryErrors(component, 'import { getDb } from "@/db";\nexport const x = getDb;\n')).toHaveLength(1);
  });

  it("lib/data importing pdf/ or emails/ fails", async () => {
    const data = "lib/data/example.ts";
    expect(await boundaryErrors(data, 'import { renderDocumentPdfBuffer } from "@/pdf/render";\nexport const x = renderDocumentPdfBuffer;\n')).toEqual([
      expect.stringContaining("lib/data holds queries only"),
    ]);
    expect(await boundaryErrors(data, 'import { documentEmail } from "@/emails/document-email";\nexport const x = documentEmail;\n')).toHaveLength(1);
    expect(await boundaryErrors(data, 'import { renderDocumentPdfBuffer } from "../../pdf/render";\nexport const x = renderDocumentPdfBuffer;\n')).toHaveLength(1);
    expect(await boundaryErrors(data, 'import { queueMail } from "../mail";\nexport const x = queueMail;\n')).toHaveLength(1);
  });

  it("money, validation and PDF templates are pure", async () => {
    expect(await boundaryErrors("lib/money.ts", 'import { getDb } from "@/db";\nexport const x = getDb;\n')).toHaveLength(1);
    expect(await boundaryErrors("lib/validation/example.ts", 'import { getCustomer } from "@/lib/data/customers";\nexport const x = getCustomer;\n')).toHaveLength(1);
    expect(await boundaryErrors("pdf/sections/example.tsx", 'import { getDocument } from "../../lib/data/documents";\nexport const x = getDocument;\n')).toHaveLength(1);
  });

  it("legal imports pass: a page calling the DAL, a component using a schema type, lib/data using the database", async () => {
    expect(await boundaryErrors("app/(app)/customers/example/page.tsx", 'import { listCustomers } from "@/lib/data/customers";\nexport const x = listCustomers;\n')).toEqual([]);
    expect(await boundaryErrors("components/documents/example.tsx", 'import type { DocumentKind } from "@/db/schema";\nexport type X = DocumentKind;\n')).toEqual([]);
    expect(await boundaryErrors("lib/data/example.ts", 'import { getDb } from "@/db";\nimport { toDecimalString } from "@/lib/money";\nexport const x = [getDb, toDecimalString];\n')).toEqual([]);
  });
});

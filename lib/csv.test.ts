import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv cells", () => {
  it("neutralises formulas in text cells", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("quotes a semicolon, so a spreadsheet that splits on it (Excel in most European locales) can't start a formula cell mid-value", () => {
    // Unquoted, Excel set to ";" reads two cells: "Acme" and the formula =1+1.
    expect(csvCell("Acme;=1+1")).toBe('"Acme;=1+1"');
    expect(csvCell("Acme; -2+3")).toBe('"Acme; -2+3"');
  });

  it("keeps numbers numeric and quotes separators", () => {
    expect(csvCell("-12.50", { numeric: true })).toBe("-12.50");
    expect(csvCell("Smith, John")).toBe('"Smith, John"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
  });
});

/** The PDF prints the withholding on its own row, the legal wording of an exemption and both VAT IDs on reverse charge. */
import { describe, expect, it } from "vitest";
import type { LineTaxSnapshot } from "@/db/schema";
import { renderDocumentPdfBuffer } from "./render";
import { sampleDocument } from "./sample-data";
import { normalise, pdfText } from "./testing";

const REVERSE = "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).";
const rc: LineTaxSnapshot = { id: "rc", name: "Reverse charge", rateE4: 0, inclusive: false, compound: false, vatCategory: "AE", exemptionReason: REVERSE, exemptionCode: "VATEX-EU-AE" };
const irpf: LineTaxSnapshot = { id: "irpf", name: "IRPF", rateE4: -150_000, inclusive: false, compound: false, vatCategory: "S" };
const iva: LineTaxSnapshot = { id: "iva", name: "IVA", rateE4: 210_000, inclusive: false, compound: false, vatCategory: "S" };

/** sampleDocument's breakdown comes from lib/money.ts, which carries no category: add it from the snapshots as saving does. */
function withCategories(data: ReturnType<typeof sampleDocument>, snapshots: LineTaxSnapshot[]) {
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  data.document.taxes = data.document.taxes.map((t) => ({ ...t, vatCategory: byId.get(t.taxId)?.vatCategory ?? null, exemptionReason: byId.get(t.taxId)?.exemptionReason ?? null, exemptionCode: byId.get(t.taxId)?.exemptionCode ?? null }));
  return data;
}

describe("PDF wording for e-invoice tax situations", () => {
  it("prints the reverse-charge wording under the totals and both VAT IDs", async () => {
    const customer = { name: "Acme SARL", email: null, addressLines: ["1 rue de la Paix", "75002 Paris", "FR"], taxId: "FR40303265045" };
    const data = withCategories(sampleDocument([{ description: "Consulting", quantityE4: 10_000, unitPrice: 120_000, taxes: [rc] }], { customerSnapshot: customer, customer }), [rc]);
    const { text } = await pdfText(await renderDocumentPdfBuffer(data));
    const flat = normalise(text);
    expect(flat).toContain(normalise(REVERSE));
    expect(flat).toContain("VAT ID: DE123456789");
    expect(flat).toContain("VAT ID: FR40303265045");
  });

  it("prints a withholding after VAT as a deduction, with the total of Invoice Ninja #10774", async () => {
    // 1393.50: IVA 21% = 292.64, IRPF −15% = −209.03, total 1,477.11 (hand-worked in lib/money.withholding.test.ts).
    const data = withCategories(sampleDocument([{ description: "Servicios", quantityE4: 10_000, unitPrice: 139_350, taxes: [irpf, iva] }]), [irpf, iva]);
    const flat = normalise((await pdfText(await renderDocumentPdfBuffer(data))).text);
    const vatAt = flat.indexOf("IVA 21% on €1,393.50");
    const irpfAt = flat.indexOf("IRPF −15% on €1,393.50");
    expect(vatAt).toBeGreaterThan(-1);
    expect(irpfAt).toBeGreaterThan(vatAt);
    expect(flat).toContain("−€209.03");
    expect(flat).toContain("€1,477.11");
    // No exemption among these taxes: no legal wording and the ids keep their usual label.
    expect(flat).not.toContain("Reverse charge");
    expect(flat).toContain("Tax ID: DE123456789");
  });
});

/**
 * The same document as plain HTML, for comparing React-PDF with printing HTML in Chromium
 * (scripts/bench-pdf.ts; the app never prints HTML). Same data, same formatting helpers, comparable layout.
 */
import { billTo, documentTitle, dueLabel, fileTitle, lineTaxText, orgAddressLines, partyLabel, pdfFormat, quantityText, statusLabel, stampText } from "@/pdf/format";
import { amountHeading, summaryRows } from "@/lib/document-summary";
import type { PdfData } from "@/pdf/types";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function documentHtml(data: PdfData): string {
  const d = data.document;
  const fmt = pdfFormat(data);
  const e = escapeHtml;
  const customer = billTo(d);
  const stamp = stampText(d);
  const row = (label: string, value: string, cls = "") => `<tr class="${cls}"><td>${e(label)}</td><td class="r">${e(value)}</td></tr>`;
  return `<!doctype html><html lang="${e(data.org.locale)}"><head><meta charset="utf-8"><title>${e(fileTitle(data))}</title><style>
body{font-family:"DejaVu Sans",sans-serif;font-size:9pt;color:#0f172a;margin:0}
@page{margin:36pt 40pt 56pt}
header,.parties{display:flex;justify-content:space-between;margin-bottom:14pt}
.parties>div{flex:1}
h1{font-size:20pt;margin:0;text-align:right}
.label{font-size:8pt;color:#475569;text-transform:uppercase;font-weight:bold}
table{width:100%;border-collapse:collapse}
thead{display:table-header-group}
tr{break-inside:avoid}
th{text-align:left;border-bottom:1px solid #1d4ed8;font-size:8pt}
td{border-bottom:.5pt solid #cbd5e1;padding:4pt 0;vertical-align:top}
.r{text-align:right}
.totals{width:260pt;margin-left:auto;margin-top:10pt}
.totals td{border:0;padding:1.5pt 0}
.grand td{font-weight:bold;font-size:11pt;border-top:1px solid #cbd5e1}
.stamp{position:fixed;top:250pt;width:100%;text-align:center;font-size:72pt;opacity:.18;transform:rotate(-24deg)}
</style></head><body>
${stamp ? `<div class="stamp">${stamp}</div>` : ""}
<header><div><strong>${e(data.org.name)}</strong></div><div><h1>${e(documentTitle(d))}</h1><div class="r">${e(d.number ?? "Draft")}</div></div></header>
<div class="parties"><div><div class="label">From</div><strong>${e(data.org.legalName ?? data.org.name)}</strong><br>${orgAddressLines(data.org).map(e).join("<br>")}</div>
<div><div class="label">${e(partyLabel(d.kind))}</div><strong>${e(customer.name)}</strong><br>${customer.addressLines.map(e).join("<br>")}</div></div>
<p>Issue date ${e(fmt.date(d.issueDate))}${d.dueDate ? ` · ${e(dueLabel(d.kind))} ${e(fmt.date(d.dueDate))}` : ""} · ${e(statusLabel(d.status))}</p>
<table><thead><tr><th>Description</th><th class="r">Quantity</th><th class="r">Unit price</th><th>Taxes</th><th class="r">${e(amountHeading(d.lines))}</th></tr></thead><tbody>
${d.lines.map((l) => `<tr><td>${e(l.description)}</td><td class="r">${e(quantityText(l, fmt))}</td><td class="r">${e(fmt.money(l.unitPrice))}</td><td>${e(lineTaxText(l, fmt))}</td><td class="r">${e(fmt.money(l.amount))}</td></tr>`).join("\n")}
</tbody></table>
<table class="totals">${summaryRows(d, fmt.money).map((r) => row(r.label, r.value, r.emphasis === "total" ? "grand" : "")).join("")}</table>
${data.org.bankDetails ? `<p><span class="label">Payment details</span><br>${e(data.org.bankDetails)}</p>` : ""}
${d.notes ? `<p><span class="label">Notes</span><br>${e(d.notes)}</p>` : ""}
${d.terms ? `<p><span class="label">Terms</span><br>${e(d.terms)}</p>` : ""}
</body></html>`;
}

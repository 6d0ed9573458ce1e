import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

export const MUTED = "#475569";
export const RULE = "#cbd5e1";
export const TEXT_COLOR = "#0f172a";
const BASE_FONT_SIZE = 9;
const PAGE_PADDING_X = 40;
const ROW_PADDING_Y = 4;
const ROW_RULE = 0.5;

const TABLE_HEADER = { fontSize: 8, rule: 1, paddingVertical: 4 } as const;
const FOOTER = { fontSize: 8, color: MUTED, rule: 0.5, paddingTop: 6, gap: 12 } as const;

/** Column widths of the lines table, shared by the repeated header and the rows. */
export const columns = {
  description: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  quantity: { width: 54, textAlign: "right" as const },
  unitPrice: { width: 76, textAlign: "right" as const },
  taxes: { width: 96, paddingLeft: 8 },
  amount: { width: 86, textAlign: "right" as const },
};

export const styles = StyleSheet.create({
  // No lineHeight here: in React-PDF 4.9 any lineHeight makes render-prop text (the "Page x of y" footer) vanish.
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: BASE_FONT_SIZE, color: TEXT_COLOR, paddingTop: 36, paddingHorizontal: PAGE_PADDING_X, paddingBottom: 24 },
  row: { flexDirection: "row" },
  muted: { color: MUTED },
  bold: { fontWeight: 700 },
  sectionLabel: { fontSize: 8, color: MUTED, textTransform: "uppercase", marginBottom: 3, fontWeight: 700 },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 18 },
  logo: { maxWidth: 140, maxHeight: 56, objectFit: "contain", marginBottom: 6 },
  orgName: { fontSize: 13, fontWeight: 700 },
  title: { fontSize: 20, fontWeight: 700, textAlign: "right" },
  parties: { flexDirection: "row", marginBottom: 14 },
  party: { flexGrow: 1, flexBasis: 0, paddingRight: 12 },
  meta: { flexDirection: "row", flexWrap: "wrap", borderTopWidth: 1, borderBottomWidth: 1, borderColor: RULE, paddingVertical: 6, marginBottom: 14 },
  metaItem: { width: "25%", paddingRight: 8 },
  table: { marginBottom: 10 },
  tableHeader: { flexDirection: "row", borderBottomWidth: TABLE_HEADER.rule, paddingVertical: TABLE_HEADER.paddingVertical, fontWeight: 700, fontSize: TABLE_HEADER.fontSize },
  tallRow: { borderBottomWidth: ROW_RULE, borderColor: RULE, paddingVertical: ROW_PADDING_Y },
  tableRow: { flexDirection: "row", borderBottomWidth: ROW_RULE, borderColor: RULE, paddingVertical: ROW_PADDING_Y },
  totals: { marginLeft: "auto", width: 260, marginBottom: 14 },
  totalsRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 1.5 },
  totalsLabel: { flexShrink: 1, paddingRight: 8 },
  legalNote: { marginTop: 6, fontSize: 8 },
  grandTotal: { borderTopWidth: 1, borderColor: RULE, marginTop: 3, paddingTop: 4, fontSize: 11, fontWeight: 700 },
  block: { marginBottom: 12 },
  footerText: { flexShrink: 1, paddingRight: FOOTER.gap },
  // In the page's flow below the content (see document-pdf.tsx): pushed to the page's foot, 20 pt clear of the content at least.
  footerArea: { marginTop: "auto", paddingTop: 20 },
  footer: { flexDirection: "row", justifyContent: "space-between", fontSize: FOOTER.fontSize, color: FOOTER.color, borderTopWidth: FOOTER.rule, borderColor: RULE, paddingTop: FOOTER.paddingTop },
  stamp: { position: "absolute", top: 250, left: 0, right: 0, textAlign: "center", fontSize: 72, fontWeight: 700, opacity: 0.18, transform: "rotate(-24deg)" },
});

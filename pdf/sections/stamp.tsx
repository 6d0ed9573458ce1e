import { Text } from "@react-pdf/renderer";
import { type PdfFormat, stampKind, stampText } from "../format";
import type { PdfData } from "../types";

const STAMP_COLORS = { paid: "#15803d", void: "#b91c1c", draft: "#64748b" } as const;

/**
 * A large translucent "PAID" / "VOID" / "DRAFT" across every page. Page chrome: the page layout
 * draws it once per output page as a single absolutely positioned text, which costs next to nothing.
 */
export function PdfStamp({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const kind = stampKind(data.document);
  const text = stampText(data.document, fmt.t);
  if (!kind || !text) return null;
  return <Text style={[fmt.styles.stamp, { color: STAMP_COLORS[kind] }]}>{text}</Text>;
}

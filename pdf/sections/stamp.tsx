import { Text } from "@react-pdf/renderer";
import { stampText } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

const STAMP_COLORS: Record<string, string> = { PAID: "#15803d", VOID: "#b91c1c", DRAFT: "#64748b" };

/**
 * A large translucent "PAID" / "VOID" / "DRAFT" across every page. Page chrome: the page layout
 * draws it once per output page as a single absolutely positioned text, which costs next to nothing.
 */
export function PdfStamp({ data }: { data: PdfData }) {
  const text = stampText(data.document);
  if (!text) return null;
  return <Text style={[styles.stamp, { color: STAMP_COLORS[text] ?? "#64748b" }]}>{text}</Text>;
}

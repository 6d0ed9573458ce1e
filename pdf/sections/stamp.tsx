import { Text } from "@react-pdf/renderer";
import { stampText } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

/** A large translucent "PAID" / "VOID" / "DRAFT" across every page. */
export function PdfStamp({ data }: { data: PdfData }) {
  const text = stampText(data.document);
  if (!text) return null;
  const color = text === "PAID" ? "#15803d" : text === "VOID" ? "#b91c1c" : "#64748b";
  return (
    <Text style={[styles.stamp, { color }]} fixed>
      {text}
    </Text>
  );
}

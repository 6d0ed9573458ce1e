import { Text, View } from "@react-pdf/renderer";
import { type PdfFormat, pdfParties } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

/**
 * One <Text> per party below its label: the name (bold) and each detail on its own line. It
 * prints exactly as one <Text> per line would (same font, size and line height, each line
 * wrapping on its own) for a fraction of the layout work.
 */
function Party({ label, name, lines }: { label: string; name: string; lines: string[] }) {
  return (
    <View style={styles.party}>
      <Text style={styles.sectionLabel}>{label}</Text>
      <Text>
        <Text style={styles.bold}>{name}</Text>
        {lines.map((line) => `\n${line}`).join("")}
      </Text>
    </View>
  );
}

export function PdfParties({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  return (
    <View style={styles.parties}>
      {pdfParties(data, fmt.t).map((party) => (
        <Party key={party.label} {...party} />
      ))}
    </View>
  );
}

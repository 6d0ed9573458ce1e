import { Text, View } from "@react-pdf/renderer";
import { type PdfFormat, pdfParties } from "../format";
import type { PdfData } from "../types";

/**
 * One <Text> per party below its label: the name (bold) and each detail on its own line. It
 * prints exactly as one <Text> per line would (same font, size and line height, each line
 * wrapping on its own) for a fraction of the layout work.
 */
function Party({ label, name, lines, styles }: { label: string; name: string; lines: string[]; styles: PdfFormat["styles"] }) {
  return (
    <View style={styles.party}>
      <Text style={styles.sectionLabel}>{label}</Text>
      <Text style={styles.text}>
        <Text style={[styles.bold, styles.ownDirection(name)]}>{name}</Text>
        {lines.map((line, i) => (
          <Text key={i} style={styles.ownDirection(line)}>{`\n${line}`}</Text>
        ))}
      </Text>
    </View>
  );
}

export function PdfParties({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  return (
    <View style={fmt.styles.parties}>
      {pdfParties(data, fmt.t).map((party) => (
        <Party key={party.label} {...party} styles={fmt.styles} />
      ))}
    </View>
  );
}

import { Text, View } from "@react-pdf/renderer";
import { billTo, orgAddressLines, partyLabel } from "../format";
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

export function PdfParties({ data }: { data: PdfData }) {
  const { document, org } = data;
  const customer = billTo(document);
  const fromLines = [...orgAddressLines(org), org.email, org.phone, org.website, org.taxId ? `Tax ID: ${org.taxId}` : null];
  const toLines = [...customer.addressLines, customer.email, customer.taxId ? `Tax ID: ${customer.taxId}` : null];
  const present = (lines: (string | null | undefined)[]) => lines.filter((l): l is string => !!l);
  return (
    <View style={styles.parties}>
      <Party label="From" name={org.legalName ?? org.name} lines={present(fromLines)} />
      <Party label={partyLabel[document.kind]} name={customer.name} lines={present(toLines)} />
    </View>
  );
}

import { Text, View } from "@react-pdf/renderer";
import { billTo, orgAddressLines, partyLabel } from "../format";
import { styles } from "../styles";
import type { PdfData } from "../types";

export function PdfParties({ data }: { data: PdfData }) {
  const { document, org } = data;
  const customer = billTo(document);
  const fromLines = [...orgAddressLines(org), org.email, org.phone, org.website].filter((l): l is string => !!l);
  return (
    <View style={styles.parties}>
      <View style={styles.party}>
        <Text style={styles.sectionLabel}>From</Text>
        <Text style={styles.bold}>{org.legalName ?? org.name}</Text>
        {fromLines.map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
        {org.taxId ? <Text>Tax ID: {org.taxId}</Text> : null}
      </View>
      <View style={styles.party}>
        <Text style={styles.sectionLabel}>{partyLabel[document.kind]}</Text>
        <Text style={styles.bold}>{customer.name}</Text>
        {customer.addressLines.map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
        {customer.email ? <Text>{customer.email}</Text> : null}
        {customer.taxId ? <Text>Tax ID: {customer.taxId}</Text> : null}
      </View>
    </View>
  );
}

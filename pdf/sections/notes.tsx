import { Text, View } from "@react-pdf/renderer";
import { styles } from "../styles";
import type { PdfData } from "../types";

export function PdfNotes({ data }: { data: PdfData }) {
  const d = data.document;
  return (
    <>
      {d.status === "void" && d.voidReason ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>Void</Text>
          <Text>{d.voidReason}</Text>
        </View>
      ) : null}
      {d.notes ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>Notes</Text>
          <Text>{d.notes}</Text>
        </View>
      ) : null}
      {d.terms ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>Terms</Text>
          <Text>{d.terms}</Text>
        </View>
      ) : null}
    </>
  );
}

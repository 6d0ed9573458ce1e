import { Text, View } from "@react-pdf/renderer";
import type { PdfFormat } from "../format";
import type { PdfData } from "../types";

export function PdfNotes({ data, fmt }: { data: PdfData; fmt: PdfFormat }) {
  const d = data.document;
  const { t, styles } = fmt;
  return (
    <>
      {d.status === "void" && d.voidReason ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>{t("notes.void")}</Text>
          <Text style={[styles.text, styles.ownDirection(d.voidReason)]}>{d.voidReason}</Text>
        </View>
      ) : null}
      {d.notes ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>{t("notes.notes")}</Text>
          <Text style={[styles.text, styles.ownDirection(d.notes)]}>{d.notes}</Text>
        </View>
      ) : null}
      {d.terms ? (
        <View style={styles.block}>
          <Text style={styles.sectionLabel}>{t("notes.terms")}</Text>
          <Text style={[styles.text, styles.ownDirection(d.terms)]}>{d.terms}</Text>
        </View>
      ) : null}
    </>
  );
}

import { Image, Text, View } from "@react-pdf/renderer";
import { documentTitle, type PdfFormat } from "../format";
import type { PdfData } from "../types";

/** React-PDF embeds PNG and JPEG only; any other logo format falls back to the name alone. */
function logoSource(logo: PdfData["logo"]) {
  if (!logo) return null;
  if (logo.contentType === "image/png") return { data: logo.bytes, format: "png" as const };
  if (logo.contentType === "image/jpeg" || logo.contentType === "image/jpg") return { data: logo.bytes, format: "jpg" as const };
  return null;
}

export function PdfHeader({ data, fmt, color }: { data: PdfData; fmt: PdfFormat; color: string }) {
  const { document, org } = data;
  const logo = logoSource(data.logo);
  const styles = fmt.styles;
  return (
    <View style={styles.header}>
      <View style={styles.headerStart}>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- React-PDF's Image has no alt; the name follows as text */}
        {logo ? <Image src={logo} style={styles.logo} /> : null}
        <Text style={[styles.orgName, styles.ownDirection(org.name), { color }]}>{org.name}</Text>
        {org.legalName && org.legalName !== org.name ? <Text style={[styles.muted, styles.ownDirection(org.legalName)]}>{org.legalName}</Text> : null}
      </View>
      <View style={styles.headerEnd}>
        <Text style={[styles.title, { color }]}>{documentTitle(document, fmt.t)}</Text>
        <Text style={styles.number}>{document.number ?? fmt.t("status.draft")}</Text>
      </View>
    </View>
  );
}

import { NoAccessNotice } from "@/components/ui/no-access";
import { catalogs, type NoAccessKey } from "@/lib/i18n/catalogs/app/no-access";
import { getAppMessages } from "@/lib/session";

export type NoAccessArea = { [K in NoAccessKey]: K extends `area.${infer A}` ? A : never }[NoAccessKey];

/** What a member sees where their role does not reach, in their language. */
export async function NoAccess({ area }: { area: NoAccessArea }) {
  const t = await getAppMessages(catalogs);
  return <NoAccessNotice title={t(`area.${area}`)} hint={t("hint")} back={t("back")} />;
}

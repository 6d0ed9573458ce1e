import { documentsCsvExport } from "@/lib/documents-csv-export";

export const GET = documentsCsvExport("quote", "quotes");

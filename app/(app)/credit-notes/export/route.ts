import { documentsCsvExport } from "@/lib/documents-csv-export";

export const GET = documentsCsvExport("credit_note", "credit-notes");

import { documentsCsvExport } from "@/lib/documents-csv-export";

export const GET = documentsCsvExport("invoice", "invoices");

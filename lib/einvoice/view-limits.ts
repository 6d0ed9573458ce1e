/** The e-invoice viewer's upload limit, shared by the form (checked before uploading) and the service. */
export const EINVOICE_VIEW_MAX_BYTES = 2 * 1024 * 1024;
export const EINVOICE_TOO_LARGE = "This file is larger than 2 MB. E-invoices are smaller; choose the invoice's XML file.";

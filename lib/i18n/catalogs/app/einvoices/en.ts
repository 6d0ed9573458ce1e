/** View an e-invoice: the page, the upload form and the messages of lib/actions/einvoice-viewer. */
export const en = {
  "page.title": "View an e-invoice",
  "page.intro": "Choose an e-invoice you received (XRechnung, Peppol BIS or another EN 16931 invoice, as UBL or CII XML) to read it and see whether it passes the European standard's rules. The file is read and checked, then forgotten: nothing is saved.",
  "form.file": "E-invoice file (XML, up to 2 MB)",
  "form.show": "Show the invoice",
  "form.chooseFile": "Choose an e-invoice file (.xml).",
  "form.uploadFailed": "The file could not be uploaded. Check your connection and try again with a file of 2 MB or less.",
} as const;

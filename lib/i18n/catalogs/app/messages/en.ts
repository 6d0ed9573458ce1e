/**
 * The messages services, the data layer and actions raise (AppError) or return on success, as ICU
 * templates: the English text is the message id (lib/i18n/app-messages.ts matches a message against
 * these and words it in the app language). So each English entry must stay exactly what the code
 * says; lib/i18n/app-messages.test.ts reads the code and fails on any message not found here.
 * Where German needs the noun's gender or a number's plural, the English is split into whole
 * sentences ("Document was not found." and "Customer was not found.", one minute and many).
 * Messages the form schemas also produce live in the validation catalog and are found there.
 */
export const en = {
  // notFound(what): one sentence per noun, for the article.
  "notFound.thatItem": "That item was not found.",
  "notFound.item": "Item was not found.",
  "notFound.document": "Document was not found.",
  "notFound.invoice": "Invoice was not found.",
  "notFound.customer": "Customer was not found.",
  "notFound.thatCustomer": "That customer was not found.",
  "notFound.contact": "Contact was not found.",
  "notFound.organisation": "Organisation was not found.",
  "notFound.organisationShort": "Organisation not found.",
  "notFound.user": "User was not found.",
  "notFound.recurringProfile": "Recurring profile was not found.",
  "notFound.taxRate": "Tax rate was not found.",
  "notFound.taxRateShort": "Tax rate not found.",
  "notFound.taxRateOnDocument": "A tax rate on this document was not found.",
  "notFound.bulkAction": "Bulk action was not found.",
  "notFound.failedMessage": "Failed message was not found.",
  "notFound.payment": "Payment was not found.",
  "notFound.line": "Line was not found.",
  "notFound.invitation": "Invitation was not found.",
  "notFound.member": "Member was not found.",
  "notFound.stripePayment": "That Stripe payment was not found.",

  // Permissions, membership, the account.
  forbidden: "You don't have permission to do that.",
  ownersInviteOwners: "Only owners can invite owners.",
  invitationOtherAddress: "This invitation was sent to {email}. Sign in with that address to accept it.",
  invitationInvalid: "This invitation is invalid, has expired or was already used. Ask for a new one.",
  alreadyMember: "This person is already a member.",
  lastOwner: "An organisation needs at least one owner. Make someone else an owner first.",
  noLongerMember: "You are no longer a member of this organisation.",
  disableSelf: "You can't disable your own account.",
  emailTaken: "An account with this email already exists. Sign in instead, or reset your password.",
  invalidLink: "This link is invalid or has expired. Ask for a new one.",
  wrongPassword: "Your current password is not correct.",
  sameEmail: "That is already your email.",
  emailChangeWithoutEmail: "Email is not set up on this server, so the confirmation link for a new address can't be sent. Your email address stays as it is.",
  generic: "Something went wrong on our side. Nothing was changed; please try again.",

  // Rate limits (lib/rate-limit.ts tooManyMessage), with one second or minute said apart for German.
  tooManyOneSecond: "Too many attempts. Try again in 1 second.",
  tooManySeconds: "Too many attempts. Try again in {count} seconds.",
  tooManyOneMinute: "Too many attempts. Try again in 1 minute.",
  tooManyMinutes: "Too many attempts. Try again in {count} minutes.",
  sendLimitOneSecond: "Your sending limit is reached. Try again in 1 second.",
  sendLimitSeconds: "Your sending limit is reached. Try again in {count} seconds.",
  sendLimitOneMinute: "Your sending limit is reached. Try again in 1 minute.",
  sendLimitMinutes: "Your sending limit is reached. Try again in {count} minutes.",

  // Documents: drafts, issuing, voiding, credit notes, quotes.
  editLocked: "This document has been issued and can no longer be edited. Create a credit note, or void it and copy it to a new draft.",
  deleteOnlyDrafts: "Only drafts can be deleted. Void an issued document instead.",
  issueOnlyDrafts: "Only drafts can be issued.",
  issueNeedsLine: "Add at least one line before issuing.",
  negativeTotal: "The total can't be negative. Use a credit note to give money back.",
  creditNoteUnlinked: "This credit note is not linked to an invoice.",
  creditedNotOpen: "The credited invoice is not open.",
  creditNoteSameParty: "A credit note must be for the same customer and currency as the invoice it credits.",
  creditNoteTooLarge: "The credit note is larger than the invoice's balance due.",
  draftsNotVoided: "Drafts are deleted, not voided.",
  alreadyVoid: "This document is already void.",
  hasPayments: "This invoice has payments. Delete them or issue a credit note instead.",
  hasCreditNotes: "This invoice has credit notes. Void them first, or credit the rest.",
  creditFromIssued: "Credit notes are created from issued invoices.",
  unknownItem: "A line refers to an item that does not exist. Choose it again from your items.",
  unknownDeposit: "A deposit line refers to an unknown deposit invoice.",
  depositDocumentRounding: "Deposits are not available while tax is rounded once per document: a deposit and its final invoice could then differ from the quote by a cent. Remove the deposit.",
  chooseLine: "Choose at least one line.",
  quoteNotSent: "Only sent quotes can be accepted or declined.",
  quoteNotAccepted: "Only accepted quotes can be converted into an invoice.",
  validPrice: "Enter a valid price.",

  // Payments.
  amountAboveZero: "Enter an amount greater than zero.",
  paymentsOnInvoices: "Payments are recorded against invoices.",
  alreadyPaid: "This invoice is already paid in full.",
  paymentsOnOpenInvoices: "Payments can only be recorded on issued, unpaid invoices.",
  overpayment: "That is more than the balance due. Overpayments are not accepted.",
  overpaymentShort: "That is more than the balance due.",
  duplicatePayment: "A payment with this amount, date and reference was recorded on this invoice in the last {minutes} minutes. Record it again only if you received it twice.",
  paymentGone: "This payment was already recorded and has since been deleted. Reload the page to see the invoice as it is.",
  paymentFromStripe: "This payment was recorded from Stripe. Refund it in Stripe; the refund is recorded here.",
  voidPayments: "Payments of a void invoice can't be changed.",

  // Sending and reminders.
  sendWithoutEmail: "Email is not set up on this server, so nothing was sent and the document is not marked as sent. Copy the client link and share it yourself.",
  issueBeforeSending: "Issue this document before sending it.",
  cannotSend: "This document can't be sent in its current state.",
  noAddressSend: "This customer has no email address. Add one on the customer's page, then send again.",
  markSentOnlyIssued: "Only an issued invoice that hasn't been sent can be marked as sent.",
  reminderWithoutEmail: "Email is not set up on this server, so no reminder can be sent. Copy the client link and share it yourself.",
  reminderNotDue: "Only an issued, unpaid invoice with a due date gets reminders.",
  reminderScheduleChanged: "The reminder schedule has changed. Reload the page to see the next reminder.",
  reminderAlreadySent: "This reminder has already been sent.",
  noAddressReminders: "This customer has no email address. Add one to their details to send reminders.",
  noDueDate: "This invoice has no due date, so it gets no reminders.",
  allRemindersSent: "Every reminder of its schedule has already been sent.",

  // Customers, items, settings.
  customerHasDocuments: "This customer has documents; archive it instead.",
  unknownTemplate: "Unknown email template.",
  unknownLanguage: "Unknown language.",
  chooseImage: "Choose an image file.",
  logoTooLarge: "The logo must be 512 KB or smaller.",
  logoType: "Use a PNG, JPEG or WebP image (SVG is not accepted).",

  // Recurring invoices: saving a profile, and why a run made no invoice.
  profileCustomerArchived: "This customer is archived. Restore them, or choose another customer.",
  profileTaxRateArchived: "The tax rate \"{name}\" is archived. Choose a current rate on the lines.",
  profileEnded: "This profile has ended.",
  profileEndedCreateNew: "This profile has ended. Create a new one to bill again.",
  noDateFromToday: "This schedule has no date from today on.",
  noDateFromTodayCheck: "This schedule has no date from today on. Check the start and end.",
  runCustomerArchived: "The customer is archived. Restore the customer, or choose another one on this profile; the next run creates the invoice.",
  runCurrency: "The customer now bills in {customerCurrency} but this profile bills in {profileCurrency}. Change the profile's currency or the customer's; the next run creates the invoice.",
  runTaxRateArchived: "The tax rate {names} on this profile is archived. Choose current rates on the profile's lines; the next run creates the invoice.",
  runTaxRatesArchived: "The tax rates {names} on this profile are archived. Choose current rates on the profile's lines; the next run creates the invoice.",
  runWithoutEmail: "Email is not set up on this server, so this invoice can't be emailed. Set up email delivery, or change the profile to issue without emailing; the next run creates the invoice.",
  // Stored as a failed run's reason (lib/services/recurring.ts UNEXPECTED_FAILURE).
  runUnexpected: "Something went wrong on our side while creating this invoice. It is tried again on every run; if this stays, the server's log has the detail.",
  runNoAddress: "The customer has no email address, so this invoice can't be emailed. Add one on the customer's page; the next run creates the invoice.",

  // Bulk actions.
  bulkUnavailable: "That action isn't available on this list.",
  bulkTooMany: "Bulk actions work on up to {max} documents at a time, and more match this filter. Narrow the filter (dates, status or customer) and try again.",
  bulkNoneFound: "None of the selected documents could be found. Reload the list and select them again.",
  bulkNoZip: "This bulk action has no ZIP.",
  bulkZipNotReady: "The PDFs are still being prepared. Try again in a moment.",
  bulkNotFound: "Bulk action not found.",
  bulkZipSignIn: "Sign in to download these documents.",
  // Stored as a document's reason (lib/services/bulk-jobs.ts reasonOf), read on the bulk action's page.
  bulkDocumentFailed: "Something went wrong with this document. Try it on its own page.",

  // E-invoice viewer.
  einvoiceChooseFile: "Choose an e-invoice file (.xml).",
  einvoiceEmpty: "The file is empty. Choose the invoice's XML file.",
  einvoiceTooLarge: "This file is larger than 2 MB. E-invoices are smaller; choose the invoice's XML file.",
  einvoiceNotText: "This file is not UTF-8 text, so it is not an e-invoice XML file (a PDF? choose the XML file).",

  // Stripe: connecting, payment options, reconciliation.
  stripeConnectedLive: "Stripe is connected (live mode). Check that the webhook below is set up in Stripe.",
  stripeConnectedTest: "Stripe is connected (test mode). Check that the webhook below is set up in Stripe.",
  stripeDisconnected: "Stripe is disconnected: clients no longer see a Pay button. Payments already recorded stay.",
  paymentOptionsSaved: "Payment options saved.",
  stripeKeyRefused: "Stripe did not accept this key. Nothing was saved.",
  stripeKeyRefusedField: "Stripe did not accept this key: it may be mistyped, rolled or deleted. Copy it again from Stripe → Developers → API keys.",
  stripeKeyNoCheckout: "This key may not use Checkout. Nothing was saved.",
  stripeKeyNoCheckoutField: "This restricted key lacks the Checkout Sessions permission. In Stripe, edit the key and give Checkout Sessions “Write” (see the list below).",
  stripeUnreachableKey: "Stripe could not be reached to check the key. Nothing was saved; please try again in a moment.",
  stripeKeyCheckRefused: "Stripe refused the key check. Nothing was saved; check the key and try again.",
  stripeConnectFirst: "Connect Stripe first: these options apply to online payments.",
  stripeNotConnected: "Stripe is not connected. Connect it in Settings → Payments first.",
  stripeNotPaymentId: "That is not a Stripe payment id.",
  stripeSavedKeyRefused: "Stripe refused the saved key. Check that it is still valid and may read PaymentIntents (Settings → Payments).",
  stripeUnreachable: "Stripe could not be reached. Nothing was checked; try again later.",
  stripeError: "Stripe answered with an error: {error}",
  reconCheckedClean: "Checked: every Stripe payment of the last 30 days is recorded.",
  reconCheckedOne: "Checked: 1 mismatch to look at.",
  reconCheckedMany: "Checked: {count} mismatches to look at.",
  reconRecorded: "Recorded: {details}.",
  reconAlreadyRecorded: "This payment was already recorded.",
  reconNotThroughLink: "This payment was not made through an invoice link of this app, so it can't be matched to an invoice. Record it by hand on its invoice.",
  reconNotRecorded: "Not recorded: {reason}. See the invoice for what to do.",
};

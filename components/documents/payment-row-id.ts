/** The payment row's element id on a document's page: focus moves there once the payment is recorded. */
export const paymentRowId = (paymentId: string) => `payment-${paymentId}`;

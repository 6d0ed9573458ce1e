import type { Catalog } from "../../messages";
import type { en } from "./en";

export const ar: Catalog<typeof en> = {
  title: "{kind} {number} من {sender}",
  logoAlt: "شعار {name}",
  "party.invoice": "فاتورة إلى",
  "party.quote": "عرض سعر إلى",
  "party.credit_note": "إشعار دائن إلى",
  thanks: "شكرًا لك — تم إرسال ردك إلى {org}.",
  atAGlance: "نظرة سريعة",
  amountDue: "المبلغ المستحق",
  depositDueNow: "الدفعة المقدمة المستحقة الآن",
  processing: "قيد المعالجة",
  acceptQuote: "قبول عرض السعر",
  decline: "رفض",
  downloadPdf: "تنزيل PDF",
  download: "تنزيل {format}",
  howToPay: "طريقة الدفع",
  paymentReference: "يرجى ذكر {reference} كمرجع للدفع.",
  qrLabel: "رمز QR للدفع بمبلغ {amount} إلى {name}",
  qrCaption: "امسح الرمز بتطبيق البنك لملء بيانات التحويل (SEPA).",
  partiesAndDates: "الأطراف والتواريخ",
  date: "التاريخ",
  lines: "البنود",
  quantity: "الكمية",
  price: "السعر",
};

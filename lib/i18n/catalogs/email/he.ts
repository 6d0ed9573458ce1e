import type { Catalog } from "../../messages";
import type { en } from "./en";

export const he: Catalog<typeof en> = {
  "invoice_sent.subject": "חשבונית {number} מאת {organization_name}",
  "invoice_sent.body":
    "שלום {customer_name},\n\nתודה על שיתוף הפעולה. החשבונית {number} על סך {total} מוכנה; יש לשלם {amount_due} עד {due_date}.\n\nאפשר לצפות בה ולהוריד אותה באינטרנט דרך הקישור שלמטה.\n\nאם יש לך שאלות, נשמח לעמוד לרשותך.\n\nבברכה,\n{organization_name}",
  "quote_sent.subject": "הצעת מחיר {number} מאת {organization_name}",
  "quote_sent.body":
    "שלום {customer_name},\n\nתודה על ההתעניינות. מצורפת הצעת המחיר {number} על סך {total}, בתוקף עד {due_date}.\n\nאפשר לעיין בה ולהודיע לנו על החלטתך באינטרנט דרך הקישור שלמטה.\n\nאם יש לך שאלות, נשמח לעמוד לרשותך.\n\nבברכה,\n{organization_name}",
  "reminder_before.subject": "תזכורת: מועד התשלום של חשבונית {number} הוא {due_date}",
  "reminder_before.body":
    "שלום {customer_name},\n\nזוהי תזכורת ידידותית שמועד התשלום של חשבונית {number} על סך {amount_due} הוא {due_date}.\n\nאם כבר הסדרת את התשלום, תודה, ואפשר להתעלם מהודעה זו.\n\nבברכה,\n{organization_name}",
  "reminder_after.subject": "מועד התשלום של חשבונית {number} עבר",
  "reminder_after.body":
    "שלום {customer_name},\n\nלפי הרישומים שלנו, בחשבונית {number}, שמועד תשלומה היה {due_date}, נותרה יתרה של {amount_due}.\n\nנודה לך אם תסדיר את התשלום בהקדם האפשרי. אם כבר שילמת, תודה, ואפשר להתעלם מתזכורת זו. אם משהו בחשבונית אינו תקין, נא ליידע אותנו.\n\nבברכה,\n{organization_name}",
  "payment_receipt.subject": "התקבל תשלום עבור חשבונית {number}",
  "payment_receipt.body":
    "שלום {customer_name},\n\nתודה! קיבלנו את התשלום שלך בסך {amount_paid} עבור חשבונית {number}. היתרה לתשלום היא {amount_due}.\n\nאפשר לצפות בחשבונית ובתשלומים שלה באינטרנט דרך הקישור שלמטה.\n\nבברכה,\n{organization_name}",
  "payment_notification.subject": "{customer_name} שילם/ה {amount_paid} על חשבונית {number}",
  "payment_notification.body":
    "חדשות טובות: {customer_name} שילם/ה {amount_paid} באינטרנט על חשבונית {number} (סה״כ {total}).\n\nהיתרה לתשלום היא {amount_due}. התשלום כבר נרשם בחשבונית.",
  "action.invoice_sent": "צפייה בחשבונית",
  "action.quote_sent": "צפייה בהצעת המחיר",
  "action.reminder_before": "צפייה בחשבונית",
  "action.reminder_after": "צפייה בחשבונית",
  "action.payment_receipt": "צפייה בקבלה",
  "action.payment_notification": "פתיחת החשבונית",
  "footer.invoice": "קיבלת הודעה זו כי {org} שלח/ה לך חשבונית באמצעות Smart Invoice.",
  "footer.quote": "קיבלת הודעה זו כי {org} שלח/ה לך הצעת מחיר באמצעות Smart Invoice.",
  "footer.team": "קיבלת הודעה זו כי את/ה בעלים או מנהל/ת של {org} ב-Smart Invoice.",
  copyLink: "אם הכפתור לא עובד, יש להעתיק את הקישור הזה לדפדפן:",
  lateFee: "נוספה עמלת איחור בסך {amount} כחשבונית {number}, לתשלום מיידי.",
};

import type { Catalog } from "../../messages";
import type { en } from "./en";

export const ar: Catalog<typeof en> = {
  "invoice_sent.subject": "الفاتورة {number} من {organization_name}",
  "invoice_sent.body":
    "مرحبًا {customer_name}،\n\nشكرًا لتعاملكم معنا. فاتورتكم {number} بمبلغ {total} جاهزة؛ ويستحق سداد {amount_due} بحلول {due_date}.\n\nيمكنكم عرضها وتنزيلها عبر الإنترنت من خلال الرابط أدناه.\n\nإذا كانت لديكم أي أسئلة، فلا تترددوا في التواصل معنا.\n\nمع أطيب التحيات،\n{organization_name}",
  "quote_sent.subject": "عرض السعر {number} من {organization_name}",
  "quote_sent.body":
    "مرحبًا {customer_name}،\n\nشكرًا لاهتمامكم. إليكم عرض السعر {number} بمبلغ {total}، وهو صالح حتى {due_date}.\n\nيمكنكم مراجعته وإبلاغنا بقراركم عبر الإنترنت من خلال الرابط أدناه.\n\nإذا كانت لديكم أي أسئلة، فلا تترددوا في التواصل معنا.\n\nمع أطيب التحيات،\n{organization_name}",
  "reminder_before.subject": "تذكير: يستحق سداد الفاتورة {number} في {due_date}",
  "reminder_before.body":
    "مرحبًا {customer_name}،\n\nنود تذكيركم بأن الفاتورة {number} بمبلغ {amount_due} يستحق سدادها في {due_date}.\n\nإذا كنتم قد رتبتم الدفع بالفعل، فشكرًا لكم، ويرجى تجاهل هذه الرسالة.\n\nمع أطيب التحيات،\n{organization_name}",
  "reminder_after.subject": "الفاتورة {number} متأخرة السداد",
  "reminder_after.body":
    "مرحبًا {customer_name}،\n\nتُظهر سجلاتنا أن الفاتورة {number}، المستحقة في {due_date}، لا يزال عليها مبلغ {amount_due} غير مسدد.\n\nنكون ممتنين لو تفضلتم بالسداد في أقرب وقت ممكن. إذا كنتم قد دفعتم بالفعل، فشكرًا لكم، ويرجى تجاهل هذا التذكير. وإذا كان هناك خطأ في الفاتورة، فيرجى إعلامنا.\n\nمع أطيب التحيات،\n{organization_name}",
  "payment_receipt.subject": "تم استلام الدفعة للفاتورة {number}",
  "payment_receipt.body":
    "مرحبًا {customer_name}،\n\nشكرًا لكم! لقد استلمنا دفعتكم بمبلغ {amount_paid} للفاتورة {number}. المبلغ المتبقي المستحق هو {amount_due}.\n\nيمكنكم عرض الفاتورة ودفعاتها عبر الإنترنت من خلال الرابط أدناه.\n\nمع أطيب التحيات،\n{organization_name}",
  "payment_notification.subject": "دفع {customer_name} مبلغ {amount_paid} للفاتورة {number}",
  "payment_notification.body":
    "أخبار سارة: دفع {customer_name} مبلغ {amount_paid} عبر الإنترنت للفاتورة {number} (الإجمالي {total}).\n\nالمبلغ المتبقي المستحق هو {amount_due}. وقد تم تسجيل الدفعة على الفاتورة بالفعل.",
  "action.invoice_sent": "عرض الفاتورة",
  "action.quote_sent": "عرض عرض السعر",
  "action.reminder_before": "عرض الفاتورة",
  "action.reminder_after": "عرض الفاتورة",
  "action.payment_receipt": "عرض الإيصال",
  "action.payment_notification": "فتح الفاتورة",
  "footer.invoice": "تتلقون هذه الرسالة لأن {org} أرسل إليكم فاتورة عبر Smart Invoice.",
  "footer.quote": "تتلقون هذه الرسالة لأن {org} أرسل إليكم عرض سعر عبر Smart Invoice.",
  "footer.team": "تتلقى هذه الرسالة لأنك مالك أو مسؤول في {org} على Smart Invoice.",
  copyLink: "إذا لم يعمل الزر، فانسخ هذا الرابط في متصفحك:",
  lateFee: "أُضيفت رسوم تأخير بمبلغ {amount} في الفاتورة {number}، وهي مستحقة الآن.",
};

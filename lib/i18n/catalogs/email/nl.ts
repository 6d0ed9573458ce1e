import type { Catalog } from "../../messages";
import type { en } from "./en";

export const nl: Catalog<typeof en> = {
  "invoice_sent.subject": "Factuur {number} van {organization_name}",
  "invoice_sent.body":
    "Beste {customer_name},\n\nBedankt voor uw opdracht. Uw factuur {number} van {total} staat klaar; {amount_due} moet uiterlijk {due_date} betaald zijn.\n\nU kunt de factuur online bekijken en downloaden via de link hieronder.\n\nHeeft u vragen, neem dan gerust contact met ons op.\n\nMet vriendelijke groet,\n{organization_name}",
  "quote_sent.subject": "Offerte {number} van {organization_name}",
  "quote_sent.body":
    "Beste {customer_name},\n\nBedankt voor uw interesse. Hierbij onze offerte {number} van {total}, geldig tot {due_date}.\n\nU kunt de offerte bekijken en ons uw beslissing online laten weten via de link hieronder.\n\nHeeft u vragen, neem dan gerust contact met ons op.\n\nMet vriendelijke groet,\n{organization_name}",
  "reminder_before.subject": "Herinnering: factuur {number} vervalt op {due_date}",
  "reminder_before.body":
    "Beste {customer_name},\n\nWij herinneren u er graag aan dat factuur {number} van {amount_due} vervalt op {due_date}.\n\nHeeft u de betaling al geregeld, dan danken wij u hartelijk en kunt u dit bericht als niet verzonden beschouwen.\n\nMet vriendelijke groet,\n{organization_name}",
  "reminder_after.subject": "Factuur {number} is vervallen",
  "reminder_after.body":
    "Beste {customer_name},\n\nVolgens onze administratie staat van factuur {number}, vervallen op {due_date}, nog {amount_due} open.\n\nWij zouden het op prijs stellen als u de betaling zo spoedig mogelijk voldoet. Heeft u al betaald, dan danken wij u hartelijk en kunt u deze herinnering als niet verzonden beschouwen. Klopt er iets niet aan de factuur, laat het ons dan weten.\n\nMet vriendelijke groet,\n{organization_name}",
  "payment_receipt.subject": "Betaling ontvangen voor factuur {number}",
  "payment_receipt.body":
    "Beste {customer_name},\n\nHartelijk dank! Wij hebben uw betaling van {amount_paid} voor factuur {number} ontvangen. Het nog openstaande bedrag is {amount_due}.\n\nU kunt de factuur en de betalingen online bekijken via de link hieronder.\n\nMet vriendelijke groet,\n{organization_name}",
  "payment_notification.subject": "{customer_name} heeft {amount_paid} betaald op factuur {number}",
  "payment_notification.body":
    "Goed nieuws: {customer_name} heeft {amount_paid} online betaald op factuur {number} (totaal {total}).\n\nHet nog openstaande bedrag is {amount_due}. De betaling is al op de factuur geboekt.",
  "action.invoice_sent": "Factuur bekijken",
  "action.quote_sent": "Offerte bekijken",
  "action.reminder_before": "Factuur bekijken",
  "action.reminder_after": "Factuur bekijken",
  "action.payment_receipt": "Betaalbewijs bekijken",
  "action.payment_notification": "Factuur openen",
  "footer.invoice": "U ontvangt deze e-mail omdat {org} u via Smart Invoice een factuur heeft gestuurd.",
  "footer.quote": "U ontvangt deze e-mail omdat {org} u via Smart Invoice een offerte heeft gestuurd.",
  "footer.team": "U ontvangt deze e-mail omdat u eigenaar of beheerder van {org} bent op Smart Invoice.",
  copyLink: "Werkt de knop niet? Kopieer dan deze link naar uw browser:",
  lateFee: "Er is een aanmaningsvergoeding van {amount} toegevoegd als factuur {number}, direct opeisbaar.",
};

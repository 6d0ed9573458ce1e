import type { UseFormReturn } from "react-hook-form";
import type { RecurringFormValues, RecurringValues } from "@/lib/validation/recurring";

/** The recurring profile form, as its sections (profile-editor.tsx, schedule-fields.tsx, action-fields.tsx) share it. */
export type RecurringForm = UseFormReturn<RecurringFormValues, unknown, RecurringValues>;

/** Class names the dashboard and reports share: a section card and an inline link. */
export const card = "rounded-lg border border-slate-200 bg-white p-5";
export const link = "font-semibold text-brand-700 underline-offset-2 hover:underline";

/** The legal wording under the totals (why no VAT is charged: reverse charge, exemption…), one paragraph per reason. */
export function LegalNotes({ notes, className = "" }: { notes: string[]; className?: string }) {
  if (notes.length === 0) return null;
  return (
    <div className={`space-y-1 text-sm text-slate-700 ${className}`} data-testid="legal-notes">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}

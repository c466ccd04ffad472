/** Who the percentages are of, said before any figure. */
export function BaseStatement({ base, notes }: { base: string; notes: readonly string[] }) {
  return (
    <div className="base-statement">
      <strong>{base}</strong>
      {notes.map((note) => (
        <span key={note}>{note}</span>
      ))}
    </div>
  );
}

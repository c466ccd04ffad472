/** A short failure beside the control that failed, announced to screen readers. */
export function InlineError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <span className="small error-text" role="alert">
      {message}
    </span>
  );
}

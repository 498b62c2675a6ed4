/** A short confirmation after a form did its work. */
export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="status" className="notice">
      {text}
    </p>
  );
}

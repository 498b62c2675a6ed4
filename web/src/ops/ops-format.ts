/** "42 s", "3 min 5 s", "2 h 10 min": how long, for a person. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A timestamp as local date and time to the second. */
export const formatInstant = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** The first characters of a supergraph id (a sha256), enough to tell them apart. */
export const shortId = (id: string) => id.slice(0, 12);

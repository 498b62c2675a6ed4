/** What a stored subscription names always exists (users and plans are never deleted). */
export function existing<T>(found: T | null, what: string, id: string): T {
  if (found === null) throw new Error(`a subscription names ${what} ${id}, which is not stored`);
  return found;
}

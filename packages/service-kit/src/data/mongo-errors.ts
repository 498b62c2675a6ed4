/** E11000: a unique index refused the write (the only uniqueness guarantee we rely on). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

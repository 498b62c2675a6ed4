import type { z } from 'zod';

/** Zod issues as one line for logs and dead-letter reasons: `data.amount: expected int; ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

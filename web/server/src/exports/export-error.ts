/** Why an export could not be made: the HTTP status, a contract code, and words for a person. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** The HTTP status an error code of the API's answers with (security.md's codes). */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
};

/** A GraphQL error of the gateway's, as the export answers it. */
export function exportErrorOf(code: unknown, message: string): ExportError {
  const known = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  return new ExportError(STATUS_OF_CODE[known] ?? 502, known, message);
}

import { ApiError } from './graphql-client';

const sentence = (text: string) => {
  const trimmed = text.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
};

/** What went wrong, in words for the person at the console, from the error's code. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in the console. Reload the page.';
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return sentence(error.message);
    case 'NOT_FOUND':
      return `Not found: ${sentence(error.message)}`;
    case 'CONFLICT':
      return `That already exists: ${sentence(error.message)}`;
    case 'UNAVAILABLE':
      return 'A service is down right now. Try again in a moment.';
    case 'UNAUTHENTICATED':
      return 'You are not signed in, or your sign-in has ended. Sign in again.';
    case 'FORBIDDEN':
      // Not the API's message: it may name scopes and roles in the API's own terms.
      return 'Not allowed: the role you signed in with cannot see or change this.';
    case 'OVERFLOW':
      return `A figure is too large to show: ${sentence(error.message)}`;
    case 'NETWORK':
      return 'Cannot reach Tally. Check your connection and try again.';
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 'This console does not match the API any more. Reload the page.';
    default:
      return error.code.startsWith('HTTP_5') || error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Tally had a problem answering. Try again in a moment.'
        : `Something went wrong (${error.code}). Try again.`;
  }
}

import { DomainError } from '@tally/errors';

// Korean mobile numbers: 010 (and the legacy 011, 016-019) with 7 or 8 more digits.
const NATIONAL = /^01[016789]\d{7,8}$/;

/**
 * A phone number in E.164 ("+821012345678") from the accepted forms: "010-1234-5678",
 * "01012345678" and "+821012345678", with or without spaces. BAD_USER_INPUT otherwise.
 */
export function normalisePhone(input: string): string {
  const compact = input.trim().replace(/[\s-]/g, '');
  const national = compact.startsWith('+82') ? `0${compact.slice(3)}` : compact;
  if (!NATIONAL.test(national)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `not a phone number we accept: ${JSON.stringify(input)}; use 010-1234-5678, 01012345678 or +821012345678`,
    );
  }
  return `+82${national.slice(1)}`;
}

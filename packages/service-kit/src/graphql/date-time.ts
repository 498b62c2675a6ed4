import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// Input must carry an offset (or Z) so an instant is never guessed from a server's zone.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A real calendar instant: `Date.parse` alone would take 2026-02-30 as 2 March and T24:00 as
 * the next day's midnight, so a record would silently land on another day.
 */
export function isCalendarInstant(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetH, offsetM] = m
    .slice(1)
    .map((part) => Number(part ?? 0));
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth(year!, month!) &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    offsetH! <= 23 &&
    offsetM! <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !isCalendarInstant(value)) {
    throw new GraphQLError(
      `DateTime must be a real calendar instant in ISO-8601 with an offset, e.g. 2026-11-03T10:15:00+09:00; got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return new Date(value);
}

/** ISO-8601 with an offset on input, UTC (`...Z`) on output. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 instant: with an offset on input, UTC on output.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const USAGE = `Usage: npm run -s token -- --role <role> [--user <userId>] [--ttl <duration>]

Prints a token signed by the local issuer, and nothing else, on stdout: for a development or
test stack's gateway. Works with or without the stack running (it uses the same key file).

Options:
  --role <role>    admin, agent, mediation or subscriber (or a role of issuer.roles)
  --user <userId>  the user the token is for: required for subscriber (its sub); for the
                   other roles, optional and only their name in logs
  --ttl <duration> how long it is valid: 90s, 15m, 1h (default), 1d; at most 24h
  -h, --help       this help

Example:
  curl -H "Authorization: Bearer $(npm run -s token -- --role admin)" ...

Environment: ISSUER_URL, ISSUER_AUDIENCE, ISSUER_KEY_DIR, TALLY_DATA_DIR (see
packages/dev-issuer/config/). Refused when NODE_ENV=production.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export type TokenCommand =
  { kind: 'help' } | { kind: 'mint'; role: string; user?: string; ttl?: string };

const OPTIONS = ['role', 'user', 'ttl'] as const;
type Option = (typeof OPTIONS)[number];
const isOption = (name: string): name is Option => (OPTIONS as readonly string[]).includes(name);

/** `--name value` or `--name=value`, each at most once; `--role` required. */
export function parseTokenCommand(argv: readonly string[]): TokenCommand {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const name = m[1]!;
    if (!isOption(name)) throw new UsageError(`unknown option --${name}`);
    if (values[name] !== undefined) throw new UsageError(`--${name} given twice`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    values[name] = value;
  }
  if (!values.role) throw new UsageError('--role is required');
  return { kind: 'mint', role: values.role, user: values.user, ttl: values.ttl };
}

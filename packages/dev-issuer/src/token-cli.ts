import { TokenRequestError } from '@tally/auth';
import { parseTokenCommand, USAGE, UsageError } from './cli-options';

/** stdout carries the token alone, so `$(npm run -s token -- ...)` is the token. */
async function main(): Promise<void> {
  const command = parseTokenCommand(process.argv.slice(2));
  if (command.kind === 'help') return void process.stdout.write(`${USAGE}\n`);
  // Loaded only now: the settings bring in the whole service kit, a second or two that
  // --help and a mistyped option need not wait for.
  const { mintLocalToken } = await import('./local-token.js');
  const { token } = await mintLocalToken(command);
  process.stdout.write(`${token}\n`);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const badArguments = err instanceof UsageError || err instanceof TokenRequestError;
  process.stderr.write(
    `token: ${message}${err instanceof UsageError ? '\n\nRun with --help for usage.' : ''}\n`,
  );
  process.exit(badArguments ? 2 : 1);
});

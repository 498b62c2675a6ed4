export const USAGE = `Usage: npm run dlq -- <command> [options]

The dead-letter topic: messages consumers set aside because they could never be processed.

Commands:
  list                     one line per dead letter: id (partition:offset), when, reason,
                           where it came from
  show <partition:offset>  one dead letter whole: its headers and its value
  replay [--since <ISO>]   send the valid events among them (set aside at or after --since)
                           back to their original topic; what is not a valid event is skipped
                           and said. Consumers apply an event once, so replaying again is safe.

Environment: KAFKA_BROKERS (default 127.0.0.1:9092), TOPIC_DEAD_LETTER (default
tally.dead-letter.v1).`;

export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'show'; partition: number; offset: string }
  | { kind: 'replay'; since?: Date };

export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help')
    return { kind: 'help' };
  if (command === 'list' && rest.length === 0) return { kind: 'list' };
  if (command === 'show' && rest.length === 1) {
    const m = /^(\d+):(\d+)$/.exec(rest[0]!);
    if (!m)
      throw new UsageError(
        `show takes a dead letter's partition:offset (as list prints it), not "${rest[0]}"`,
      );
    return { kind: 'show', partition: Number(m[1]), offset: m[2]! };
  }
  if (command === 'replay') {
    if (rest.length === 0) return { kind: 'replay' };
    if (rest.length === 2 && rest[0] === '--since') {
      const since = new Date(rest[1]!);
      if (Number.isNaN(since.getTime()) || !/\d{4}-\d{2}-\d{2}/.test(rest[1]!))
        throw new UsageError(
          `--since takes an ISO-8601 instant such as 2026-12-01T00:00:00Z, not "${rest[1]}"`,
        );
      return { kind: 'replay', since };
    }
  }
  throw new UsageError(`unknown command line: ${argv.join(' ')}\n\n${USAGE}`);
}

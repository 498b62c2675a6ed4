import { createMessageBus } from '@tally/messaging';
import { createLogger } from '@tally/service-kit';
import { dlqSettings } from './config';
import { letterId, readDeadLetters, type DeadLetter } from './dead-letters';
import { parseCommand, USAGE, UsageError } from './options';
import { planReplay, replay } from './replay';

const oneLine = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const from = (l: DeadLetter) =>
  `${l.original.topic || '?'} ${l.original.partition || '?'}:${l.original.offset || '?'}`;

async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === 'help') return void console.log(USAGE);
  const { brokers, deadLetterTopic: topic, ssl, sasl } = dlqSettings();
  const bus = createMessageBus({
    clientId: 'tally-dlq',
    brokers,
    ssl,
    sasl,
    logger: createLogger('dlq', 'error'),
  });
  const letters = await readDeadLetters(bus, topic);

  if (command.kind === 'list') {
    for (const l of letters)
      console.log(`${letterId(l)}  ${l.at.toISOString()}  from ${from(l)}  ${oneLine(l.reason)}`);
    console.log(`${letters.length} dead letter(s) in ${topic}`);
    return;
  }
  if (command.kind === 'show') {
    const l = letters.find((x) => x.partition === command.partition && x.offset === command.offset);
    if (!l)
      throw new UsageError(`no dead letter ${command.partition}:${command.offset} in ${topic}`);
    const value = l.value?.toString() ?? '';
    let pretty = value;
    try {
      pretty = JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      // not JSON: shown as it is
    }
    console.log(
      [
        `dead letter ${letterId(l)} of ${topic}, set aside ${l.at.toISOString()}`,
        `reason:   ${l.reason}`,
        `from:     ${from(l)}`,
        `key:      ${l.key?.toString() ?? '(none)'}`,
        'value:',
        pretty,
      ].join('\n'),
    );
    return;
  }
  const plan = planReplay(letters, command.since);
  for (const { letter, why } of plan.skip) console.log(`skip ${letterId(letter)}: ${why}`);
  await replay(bus, topic, plan.replay);
  for (const l of plan.replay) console.log(`replayed ${letterId(l)} to ${l.original.topic}`);
  console.log(`replayed ${plan.replay.length}, skipped ${plan.skip.length}`);
}

main().catch((err: unknown) => {
  console.error(`dlq: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});

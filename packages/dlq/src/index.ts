export { readDeadLetters, letterId, type DeadLetter } from './dead-letters';
export { planReplay, replay, type ReplayPlan } from './replay';
export { parseCommand, USAGE, UsageError, type Command } from './options';
export { dlqSettings, type DlqSettings } from './config';

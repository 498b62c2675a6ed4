import { Schema } from 'mongoose';

/** An event owed by a document, ready to produce: the envelope is already serialised. */
export interface OutboxMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

/**
 * The outbox lives in the document it belongs to: a state change and the events it owes are
 * one single-document write (no transaction needed); the relay publishes and clears them.
 */
export const outboxFields = {
  outbox: { type: [Schema.Types.Mixed], default: undefined },
  outboxPending: { type: Boolean, default: undefined, index: true },
} as const;

export interface OutboxDoc {
  outbox?: OutboxMessage[];
  outboxPending?: boolean;
}

export function withOutbox<T extends object>(doc: T, messages: OutboxMessage[]): T & OutboxDoc {
  return { ...doc, outbox: messages, outboxPending: true };
}

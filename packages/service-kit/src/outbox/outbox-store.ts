import type { Collection, Connection } from 'mongoose';
import type { OutboxMessage } from './outbox-types';

/** An unpublished intent: the collection holds nothing else, so reading it costs what is pending. */
export interface IntentDoc {
  _id: string;
  kind: string;
  change: unknown;
  messages: OutboxMessage[];
  createdAt: Date;
}

export type IntentHead = Pick<IntentDoc, '_id' | 'kind' | 'createdAt'>;

/** An intent whose events the broker refused every time: kept aside, with why, for an operator. */
export interface ParkedDoc extends IntentDoc {
  reason: string;
  attempts: number;
  parkedAt: Date;
}

/** Beside the outbox (`outbox_parked`): never swept, so one bad event blocks nothing. */
export function parkedCollection(db: Connection, outbox: string): Collection<ParkedDoc> {
  return db.collection<ParkedDoc>(`${outbox}_parked`);
}

export function intentCollection(db: Connection, name: string): Collection<IntentDoc> {
  return db.collection<IntentDoc>(name);
}

/** Oldest first (a stable sort: intents written by one call share a time and keep their order). */
export function oldestFirst<T extends { createdAt: Date }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

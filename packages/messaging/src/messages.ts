/** A message to publish. Messages with one key land on one partition, in the order sent. */
export interface OutgoingMessage {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

/** A message as read from a topic. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  /** When the broker took it (ms since the epoch, as a string, as Kafka gives it). */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  /** A header sent more than once reads as its values joined by commas. */
  headers: Record<string, string>;
}

/** A reader following a topic; `stop` ends it. */
export interface Following {
  stop(): Promise<void>;
}

/** Publishes batches; connected by its owner before use. */
export interface Publisher {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /**
   * Sends the batch in one request, acknowledged by every in-sync replica. Throws
   * `PublishRefused` when the broker refuses it for good (sending it again cannot help);
   * any other failure (a broker down, a timeout) may pass on another try.
   */
  publish(batch: OutgoingMessage[]): Promise<void>;
}

/**
 * The broker refused the request itself (a message too large, an invalid record): sending
 * it again cannot help.
 */
export class PublishRefused extends Error {
  override name = 'PublishRefused';
}

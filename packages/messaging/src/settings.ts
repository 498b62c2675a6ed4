import type { Logger } from 'pino';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** Where the brokers are and how to reach them. */
export interface BusSettings {
  /** Names this process to the brokers (and in their logs). */
  clientId: string;
  brokers: string[];
  /** TLS to the brokers. */
  ssl?: boolean;
  /** SASL authentication; a mechanism needs a username and a password. */
  sasl?: { mechanism?: SaslMechanism; username?: string; password?: string };
  /** The client's own log lines go here, one per event. */
  logger: Logger;
}

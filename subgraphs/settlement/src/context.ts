import type { SettledBill } from './domain/settle-bill';

export interface Context {
  /** The bill of a user for a period "YYYY-MM"; BAD_USER_INPUT for a malformed period. */
  billOf: (userId: string, period: string) => Promise<SettledBill>;
}

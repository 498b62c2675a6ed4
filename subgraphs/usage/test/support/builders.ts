import type { UsageRecord } from '../../src/domain/usage-record';
import type { UsageInput } from '../../src/domain/usage-input';

/** A record as stored: `recordedAt` fixed, everything else from the patch. */
export function aRecord(patch: Partial<UsageRecord> & Pick<UsageRecord, 'id'>): UsageRecord {
  return {
    userId: 'user-1',
    type: 'DATA',
    amount: 1,
    occurredAt: new Date('2026-11-10T12:00:00+09:00'),
    recordedAt: new Date('2026-11-30T00:00:00Z'),
    ...patch,
  };
}

export function anInput(patch: Partial<UsageInput> & Pick<UsageInput, 'id'>): UsageInput {
  return {
    userId: 'user-1',
    type: 'DATA',
    amount: 1,
    occurredAt: new Date('2026-11-10T12:00:00+09:00'),
    ...patch,
  };
}

import { leaseCutoff } from './lease';
import type { Instance } from './types';

export interface LeasePolicy {
  leaseSeconds: number;
  /** When this registry process started: it could hear no heartbeat before then. */
  startedAt: Date;
  /** When more than this share of all instances lapses at once, none is evicted. */
  maxLapseShare: number;
}

export interface SelfPreservation {
  kind: 'restart' | 'mass-lapse';
  reason: string;
}

export interface LeaseAssessment {
  /** Instances whose lease lapsed; the sweep evicts them unless the registry preserves itself. */
  lapsed: Instance[];
  /** Why no lease is taken away now, or null. */
  selfPreservation: SelfPreservation | null;
}

/** One instance going silent is that instance's failure, whatever share of a small set it is. */
const MIN_LAPSED_AT_ONCE = 2;

/** Heartbeats before the registry started count as made at its start: a fresh lease of grace. */
const inRestartGrace = (now: Date, { leaseSeconds, startedAt }: LeasePolicy) =>
  startedAt.getTime() >= leaseCutoff(now, leaseSeconds).getTime();

/**
 * The cutoff to give a store: a heartbeat before it has lost its lease. During the first
 * lease after the registry starts, none has (the epoch is before every heartbeat).
 */
export function effectiveCutoff(now: Date, policy: LeasePolicy): Date {
  return inRestartGrace(now, policy) ? new Date(0) : leaseCutoff(now, policy.leaseSeconds);
}

/**
 * Which leases lapsed, and whether the registry should blame itself instead (Eureka's
 * self-preservation): right after its own restart, or when many instances fall silent at once.
 */
export function assessLeases(
  instances: readonly Instance[],
  now: Date,
  policy: LeasePolicy,
): LeaseAssessment {
  const cutoff = leaseCutoff(now, policy.leaseSeconds).getTime();
  const lapsed = instances.filter((i) => i.lastHeartbeat.getTime() < cutoff);
  if (inRestartGrace(now, policy)) {
    if (lapsed.length === 0) return { lapsed: [], selfPreservation: null };
    const until = new Date(policy.startedAt.getTime() + policy.leaseSeconds * 1000);
    return {
      lapsed: [],
      selfPreservation: {
        kind: 'restart',
        reason: `the registry restarted: ${lapsed.length} of ${instances.length} leases lapsed while it was down; they are kept until ${until.toISOString()}`,
      },
    };
  }
  const massLapse =
    lapsed.length >= MIN_LAPSED_AT_ONCE && lapsed.length > policy.maxLapseShare * instances.length;
  if (!massLapse) return { lapsed, selfPreservation: null };
  return {
    lapsed,
    selfPreservation: {
      kind: 'mass-lapse',
      reason: `${lapsed.length} of ${instances.length} leases lapsed at once (more than ${Math.round(policy.maxLapseShare * 100)}%): the registry suspects itself and evicts none`,
    },
  };
}

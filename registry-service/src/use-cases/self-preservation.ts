import type { Logger } from '@tally/service-kit';
import {
  assessLeases,
  type LeaseAssessment,
  type LeasePolicy,
  type SelfPreservation,
} from '../domain/self-preservation';
import type { Instance } from '../domain/types';

export interface SelfPreservationState extends SelfPreservation {
  since: Date;
}

/** Assesses leases and remembers whether the registry preserves itself, logging each change once. */
export function makeSelfPreservation(deps: { policy: LeasePolicy; logger: Logger }) {
  let current: SelfPreservationState | null = null;
  return {
    assess(instances: readonly Instance[], now: Date): LeaseAssessment {
      const assessment = assessLeases(instances, now, deps.policy);
      const next = assessment.selfPreservation;
      if (next?.kind !== current?.kind) {
        if (next)
          deps.logger.warn(
            { kind: next.kind, reason: next.reason },
            'self-preservation: no lease is taken away',
          );
        else deps.logger.info({ was: current?.kind }, 'self-preservation over: leases lapse again');
      }
      current = next ? { ...next, since: next.kind === current?.kind ? current.since : now } : null;
      return assessment;
    },
    current: (): SelfPreservationState | null => current,
  };
}

export type SelfPreservationWatch = ReturnType<typeof makeSelfPreservation>;

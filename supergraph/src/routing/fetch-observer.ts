/** Why a subgraph fetch failed: the figures' `kind`. */
export type FetchFailure = 'connection' | 'timeout' | 'request' | 'no_instance';

/**
 * What the routing fetcher reports of each subgraph fetch, for the gateway's metrics (the
 * routing code knows no metrics library). Times are in seconds, to the whole answer (the transport reads the body).
 */
export interface FetchObserver {
  answered(subgraph: string, instanceId: string, seconds: number, status: number): void;
  failed(subgraph: string, instanceId: string, seconds: number, kind: FetchFailure): void;
  /** A query moved on from `instanceId` (it could not be reached) to another instance. */
  retried(subgraph: string, instanceId: string): void;
}

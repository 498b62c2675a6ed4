/** Where the global setup keeps the infra handle for the global teardown. */
export const INFRA_HANDLE = '__tallyTestInfra';

export type InfraHolder = typeof globalThis & {
  [INFRA_HANDLE]?: { stop(): Promise<void> };
};

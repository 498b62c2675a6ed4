import { INFRA_HANDLE, type InfraHolder } from './infra-handle';

/** Stops what the global setup started (runs in the same process). */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as InfraHolder;
  const infra = holder[INFRA_HANDLE];
  delete holder[INFRA_HANDLE];
  await infra?.stop();
}

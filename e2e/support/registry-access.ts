/**
 * The registry's admin token, as the test stack's registry holds it: REGISTRY_ADMIN_TOKEN
 * (which the stack's processes inherit), else the development one (registry-service/config).
 */
export const REGISTRY_ADMIN_TOKEN = process.env.REGISTRY_ADMIN_TOKEN || 'tally-dev-registry-admin';

/** Headers for a call to the registry as its admin. */
export const registryHeaders = (extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${REGISTRY_ADMIN_TOKEN}`,
  ...extra,
});

/** The shared layer's name; it is never a service of its own. */
export const SHARED = 'application';

/**
 * The files that make up a service's configuration, later ones overlaying earlier ones:
 * shared, shared for the profile, the service's own, the service's for the profile.
 */
export function layerFiles(service: string, profile: string): string[] {
  return [
    `${SHARED}.yml`,
    `${SHARED}-${profile}.yml`,
    `${service}.yml`,
    `${service}-${profile}.yml`,
  ];
}

/** Heartbeats at or after the cutoff are live; older ones have lost their lease. */
export function leaseCutoff(now: Date, leaseSeconds: number): Date {
  return new Date(now.getTime() - leaseSeconds * 1000);
}

export function isLeaseLive(lastHeartbeat: Date, now: Date, leaseSeconds: number): boolean {
  return lastHeartbeat.getTime() >= leaseCutoff(now, leaseSeconds).getTime();
}

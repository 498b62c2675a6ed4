/** Who a registry token belongs to, and what it may do. */
export interface Caller {
  /** The client's name in `registry.clients`, or `admin`. */
  name: string;
  admin: boolean;
  read: boolean;
  /** Subgraphs it may register, heartbeat and delete. */
  subgraphs: ReadonlySet<string>;
}

export interface ClientGrant {
  token: string;
  read: boolean;
  subgraphs: readonly string[];
}

export function adminCaller(): Caller {
  return { name: 'admin', admin: true, read: true, subgraphs: new Set() };
}

export function clientCaller(name: string, grant: ClientGrant): Caller {
  return { name, admin: false, read: grant.read, subgraphs: new Set(grant.subgraphs) };
}

export const mayRead = (caller: Caller): boolean => caller.admin || caller.read;

export const mayWrite = (caller: Caller, subgraph: string): boolean =>
  caller.admin || caller.subgraphs.has(subgraph);

const SUBGRAPH_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isSubgraphName(value: string): boolean {
  return SUBGRAPH_NAME.test(value);
}

export function isInstanceId(value: string): boolean {
  return INSTANCE_ID.test(value);
}

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

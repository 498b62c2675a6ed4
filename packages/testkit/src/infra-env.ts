const SETUP_HINT =
  'run the test through jest\'s "int" project, whose globalSetup (packages/testkit/src/global-setup.ts) starts Kafka and MongoDB';

function required(name: 'KAFKA_BROKERS' | 'MONGO_URL'): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: ${SETUP_HINT}, or set ${name} yourself`);
  return value;
}

/** The Kafka bootstrap servers of this test run (host:port each). */
export function kafkaBrokers(): string[] {
  return required('KAFKA_BROKERS')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** The MongoDB server of this test run (no database in it). */
export function mongoUrl(): string {
  return required('MONGO_URL');
}

/** `mongoUrl` with `db` as its database; any query options of MONGO_URL are kept. */
export function mongoUrlFor(db: string, base = mongoUrl()): string {
  const [address = '', query] = base.split('?', 2);
  const scheme = address.indexOf('://') + 3;
  const slash = address.indexOf('/', scheme);
  const hosts = slash === -1 ? address : address.slice(0, slash);
  return `${hosts}/${db}${query ? `?${query}` : ''}`;
}

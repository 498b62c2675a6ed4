import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A span as an OTLP/JSON export carried it, flattened. */
export interface ReceivedSpan {
  /** The exporting process's `service.name`. */
  service: string;
  scope: string;
  name: string;
  /** OTLP's numbering: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
}

export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
type OtlpAttributes = Array<{ key: string; value: OtlpValue }> | undefined;
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttributes };
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<{
        name: string;
        kind: number;
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        attributes?: OtlpAttributes;
      }>;
    }>;
  }>;
}

const valueOf = (v: OtlpValue): unknown =>
  v.stringValue ??
  (v.intValue !== undefined ? Number(v.intValue) : undefined) ??
  v.doubleValue ??
  v.boolValue ??
  v.arrayValue?.values?.map(valueOf);

const flatten = (attributes: OtlpAttributes) =>
  Object.fromEntries((attributes ?? []).map((a) => [a.key, valueOf(a.value)]));

function spansOf(body: OtlpExport): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((rs) => {
    const name = flatten(rs.resource?.attributes)['service.name'];
    const service = typeof name === 'string' ? name : '';
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((s) => ({
        service,
        scope: ss.scope?.name ?? '',
        name: s.name,
        kind: s.kind,
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId || undefined,
        attributes: flatten(s.attributes),
      })),
    );
  });
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
}

/**
 * A collector for tests: takes OTLP/HTTP trace exports in JSON (exporters set to
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json) on POST /v1/traces and keeps their spans; `raw`
 * keeps every body too, to look for what must never be exported. Anything else is refused.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const raw: string[] = [];
  const refused: string[] = [];
  const server = createServer((req, res) => {
    bodyOf(req)
      .then((body) => {
        const json = String(req.headers['content-type']).startsWith('application/json');
        if (req.method !== 'POST' || req.url !== '/v1/traces' || !json) {
          refused.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
          res.writeHead(400).end();
          return;
        }
        raw.push(body.toString());
        spans.push(...spansOf(JSON.parse(body.toString()) as OtlpExport));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** For OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces). */
    url: `http://127.0.0.1:${port}`,
    spans: () => [...spans],
    raw: () => raw.join('\n'),
    refused: () => [...refused],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type OtlpReceiver = Awaited<ReturnType<typeof startOtlpReceiver>>;

import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS } from '@tally/auth';
import { ErrorCode } from '@tally/errors';
import { GraphQLError } from 'graphql';
import type { CallSigner } from '../auth/call-signer';
import type { GatewayContext } from '../auth/gateway-context';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));

interface ErrorBody {
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

/**
 * A subgraph answers a request it refuses before executing (a variable its scalar rejects,
 * such as a DateTime that is not a real calendar instant) with HTTP 400 and a GraphQL error.
 * The stock data source turns any non-2xx into an error without a code, which the gateway
 * masks as an internal error; this one passes the subgraph's contract code and message on,
 * and nothing else of the response (no URL, no body).
 */
export class ContractDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & {
      name: string;
      signCall: CallSigner;
    },
  ) {
    super(config);
    this.subgraph = config.name;
    this.signCall = config.signCall;
  }

  private readonly subgraph: string;
  private readonly signCall: CallSigner;

  /** Every call carries the gateway's signature for this subgraph, naming the caller. */
  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const identity = (context as Partial<GatewayContext> | undefined)?.identity ?? ANONYMOUS;
    const token = await this.signCall(this.subgraph, identity).catch((err: Error) => {
      throw new GraphQLError(`The ${this.subgraph} service is unavailable: ${err.message}`, {
        extensions: { code: 'UNAVAILABLE', serviceName: this.subgraph },
      });
    });
    request.http?.headers.set('authorization', `Bearer ${token}`);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => undefined)) as ErrorBody | undefined;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (typeof code === 'string' && CONTRACT_CODES.has(code) && typeof first?.message === 'string')
      return new GraphQLError(first.message, { extensions: { code } });
    return new GraphQLError(`${response.status}: ${response.statusText}`);
  }
}

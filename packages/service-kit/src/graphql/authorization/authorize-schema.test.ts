import { buildSubgraphSchema } from '@apollo/subgraph';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES, type Identity } from '@tally/auth';
import { graphql, parse, type GraphQLSchema } from 'graphql';
import { authorizeSchema } from './authorize-schema';
import { AUTHORIZATION_DIRECTIVES_SDL } from './directives';
import { AuthorizationSchemaError } from './schema-error';

const FEDERATION =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

const SDL = `${FEDERATION}
${AUTHORIZATION_DIRECTIVES_SDL}
type Query {
  catalogue: [String!]!
  account(id: ID!): Account @authorize(scopes: [["users:read"], ["self"]]) @ownedBy(argument: "id")
  accountByPhone(phone: String!): Account
    @authorize(scopes: [["users:read"], ["self"]]) @ownedBy(result: "id")
  accounts: [Account!]! @authorize(scopes: [["users:read"]])
  bill(input: BillInput!): Bill
    @authorize(scopes: [["bills:read"], ["self"]]) @ownedBy(argument: "input.userId")
}
input BillInput { userId: ID!, period: String! }
type Mutation {
  openAccount(name: String!): Account! @authorize(scopes: [["users:write"]])
}
type Account @key(fields: "id") @authorize(scopes: [["users:read"], ["self"]]) @ownedBy(parent: "id") {
  id: ID!
  name: String!
  nickname: String
  usage: Int @authorize(scopes: [["usage:read"], ["self"]])
}
type Bill { userId: ID!, total: Int! }
`;

interface Account {
  id: string;
  name: string;
  nickname: string;
  phone: string;
  usage: number;
}
const ACCOUNTS: Account[] = ['u1', 'u2'].map((id) => ({
  id,
  name: `name of ${id}`,
  nickname: `nick of ${id}`,
  phone: `phone-${id}`,
  usage: 7,
}));
const byId = (id: string) => ACCOUNTS.find((a) => a.id === id) ?? null;
let opened: string[] = [];

function build(sdl = SDL): GraphQLSchema {
  return authorizeSchema(
    buildSubgraphSchema({
      typeDefs: parse(sdl),
      resolvers: {
        Query: {
          catalogue: () => ['BASIC', 'PREMIUM'],
          account: (_: unknown, { id }: { id: string }) => byId(id),
          accountByPhone: async (_: unknown, { phone }: { phone: string }) =>
            ACCOUNTS.find((a) => a.phone === phone) ?? null,
          accounts: () => ACCOUNTS,
          bill: (_: unknown, { input }: { input: { userId: string } }) => ({
            userId: input.userId,
            total: 100,
          }),
        },
        Mutation: {
          openAccount: (_: unknown, { name }: { name: string }) => {
            opened.push(name);
            return { id: 'new', name };
          },
        },
        Account: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
      },
    }),
  );
}

const as = (role: string, subject?: string): Identity => ({
  authenticated: true,
  subject,
  scopes: new Set(DEFAULT_ROLE_SCOPES[role]),
});
const ADMIN = as('admin');
const AGENT = as('agent');
const MEDIATION = as('mediation');
const U1 = as('subscriber', 'u1');
const U2 = as('subscriber', 'u2');

describe('authorizeSchema', () => {
  const schema = build();
  beforeEach(() => {
    opened = [];
  });

  const run = async (
    identity: Identity | undefined,
    source: string,
    variableValues?: Record<string, unknown>,
  ) => {
    const result = await graphql({
      schema,
      source,
      variableValues,
      contextValue: identity ? { identity } : {},
    });
    return JSON.parse(JSON.stringify(result)) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; path: unknown[]; extensions: object }>;
    };
  };
  const codes = (result: { errors?: Array<{ extensions: object }> }) =>
    result.errors?.map((e) => (e.extensions as { code: string }).code);

  it('answers public fields to anyone, a token or none', async () => {
    for (const identity of [undefined, ANONYMOUS, ADMIN, MEDIATION, U1]) {
      expect(await run(identity, '{ __typename catalogue }')).toEqual({
        data: { __typename: 'Query', catalogue: ['BASIC', 'PREMIUM'] },
      });
    }
  });

  it('answers UNAUTHENTICATED without a verified caller, naming the field and what it needs', async () => {
    const result = await run(ANONYMOUS, '{ account(id: "u1") { name } }');
    expect(result).toEqual({
      data: { account: null },
      errors: [
        {
          message:
            "Authentication required: Query.account needs a token with users:read, or self (the caller's own data only)",
          locations: expect.any(Array),
          path: ['account'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  it('honours no scope of an unauthenticated identity, nor one missing from the context', async () => {
    const claimed = { authenticated: false, scopes: new Set(['users:read']) };
    expect(codes(await run(claimed, '{ account(id: "u1") { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await run(undefined, '{ account(id: "u1") { id } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it.each([
    ['admin', ADMIN, true],
    ['agent', AGENT, true],
    ['mediation', MEDIATION, false],
    ['a subscriber, their own', U1, true],
    ['a subscriber, somebody else', U2, false],
  ])('lets %s read an account found by argument: %s', async (_who, identity, allowed) => {
    const result = await run(identity, '{ account(id: "u1") { id name nickname } }');
    if (allowed) {
      expect(result).toEqual({
        data: { account: { id: 'u1', name: 'name of u1', nickname: 'nick of u1' } },
      });
    } else {
      expect(result.data).toEqual({ account: null });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Forbidden: Query\.account needs users:read, or self/),
          extensions: { code: 'FORBIDDEN' },
        }),
      ]);
    }
  });

  it('finds the owner through a nested argument', async () => {
    const query = '{ bill(input: { userId: "u1", period: "2026-11" }) { total } }';
    expect((await run(U1, query)).data).toEqual({ bill: { total: 100 } });
    expect(codes(await run(U2, query))).toEqual(['FORBIDDEN']);
    expect(codes(await run(AGENT, query))).toBeUndefined();
    expect(codes(await run(MEDIATION, query))).toEqual(['FORBIDDEN']);
  });

  it('finds the owner in the result, and a missing result is nobody\'s own (no "exists" oracle)', async () => {
    const query = 'query ($phone: String!) { accountByPhone(phone: $phone) { id } }';
    expect((await run(U1, query, { phone: 'phone-u1' })).data).toEqual({
      accountByPhone: { id: 'u1' },
    });
    const other = await run(U1, query, { phone: 'phone-u2' });
    const unknown = await run(U1, query, { phone: 'phone-u9' });
    expect(other).toEqual({ data: { accountByPhone: null }, errors: expect.any(Array) });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(unknown).toEqual(other);
    expect(await run(AGENT, query, { phone: 'phone-u9' })).toEqual({
      data: { accountByPhone: null },
    });
  });

  it('refuses a list of everybody to a subscriber', async () => {
    expect(codes(await run(U1, '{ accounts { id } }'))).toEqual(['FORBIDDEN']);
    expect((await run(AGENT, '{ accounts { id } }')).data).toEqual({
      accounts: [{ id: 'u1' }, { id: 'u2' }],
    });
  });

  it('checks a mutation before it runs: a refused one changes nothing', async () => {
    const mutation = 'mutation { openAccount(name: "Kim") { id } }';
    expect(codes(await run(ANONYMOUS, mutation))).toEqual(['UNAUTHENTICATED']);
    for (const identity of [MEDIATION, U1]) {
      expect(codes(await run(identity, mutation))).toEqual(['FORBIDDEN']);
    }
    expect(opened).toEqual([]);
    expect((await run(AGENT, mutation)).data).toEqual({ openAccount: { id: 'new' } });
    expect(opened).toEqual(['Kim']);
  });

  it('nulls only the refused field: the rest of the answer stays intact', async () => {
    const result = await run(
      U1,
      '{ catalogue mine: account(id: "u1") { name } theirs: account(id: "u2") { name } }',
    );
    expect(result.data).toEqual({
      catalogue: ['BASIC', 'PREMIUM'],
      mine: { name: 'name of u1' },
      theirs: null,
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('requires a type rule and a field rule together', async () => {
    const readsUsersOnly = { authenticated: true, scopes: new Set(['users:read']) };
    const result = await run(readsUsersOnly, '{ account(id: "u1") { name usage } }');
    expect(result.data).toEqual({ account: { name: 'name of u1', usage: null } });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Account.usage needs usage:read'),
        path: ['account', 'usage'],
      }),
    ]);
    expect((await run(AGENT, '{ account(id: "u1") { usage } }')).data).toEqual({
      account: { usage: 7 },
    });
  });

  describe('through _entities (the gateway fetching an entity)', () => {
    const entities = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Account { id name nickname } }
    }`;
    const representations = ['u1', 'u2'].map((id) => ({ __typename: 'Account', id }));

    it("applies the type's rules to each entity on its own", async () => {
      const result = await run(U1, entities, { representations });
      expect(result.data).toEqual({
        _entities: [{ id: 'u1', name: 'name of u1', nickname: 'nick of u1' }, null],
      });
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(error.path.slice(0, 2)).toEqual(['_entities', 1]);
        expect(error.extensions).toEqual({ code: 'FORBIDDEN' });
      }
      expect(codes(await run(MEDIATION, entities, { representations }))).toContain('FORBIDDEN');
      expect(codes(await run(ANONYMOUS, entities, { representations }))).toContain(
        'UNAUTHENTICATED',
      );
      expect(codes(await run(AGENT, entities, { representations }))).toBeUndefined();
    });

    it('leaves the @key fields readable: they are the reference the caller sent', async () => {
      const keys = `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Account { id } }
      }`;
      expect((await run(MEDIATION, keys, { representations })).data).toEqual({
        _entities: [{ id: 'u1' }, { id: 'u2' }],
      });
    });
  });

  it('keeps _service answerable, its SDL still carrying the rules', async () => {
    const result = await run(ANONYMOUS, '{ _service { sdl } }');
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toContain('@authorize(scopes: [["users:read"]])');
    expect(sdl).toContain('directive @ownedBy');
  });
});

describe('authorizeSchema refuses at start what it cannot enforce', () => {
  const withQuery = (fields: string, more = '') =>
    `${FEDERATION}\n${AUTHORIZATION_DIRECTIVES_SDL}\ntype Query {\n${fields}\n}\n${more}`;
  const problemsOf = (sdl: string): readonly string[] => {
    try {
      build(sdl);
    } catch (err) {
      if (err instanceof AuthorizationSchemaError) return err.problems;
      throw err;
    }
    throw new Error('the schema was accepted');
  };

  it.each([
    [
      '"self" with no way to find the owner',
      withQuery('account(id: ID!): String @authorize(scopes: [["self"]])'),
      'Query.account: "self" needs @ownedBy',
    ],
    [
      'a type whose "self" has no owner',
      withQuery('a: A', 'type A @authorize(scopes: [["self"]]) { name: String }'),
      'A.name: "self" needs @ownedBy',
    ],
    [
      'an unknown scope',
      withQuery('a: String @authorize(scopes: [["users:raed"]])'),
      'Query.a: unknown scope "users:raed"',
    ],
    [
      'an empty scope set',
      withQuery('a: String @authorize(scopes: [[]])'),
      'Query.a: @authorize with an empty scope set',
    ],
    [
      'an owner argument the field does not have',
      withQuery('a(id: ID!): String @authorize(scopes: [["self"]]) @ownedBy(argument: "userId")'),
      'Query.a: @ownedBy(argument:) names "userId", not an argument',
    ],
    [
      'two owner sources',
      withQuery(
        'a(id: ID!): String @authorize(scopes: [["self"]]) @ownedBy(argument: "id", result: "id")',
      ),
      'Query.a: @ownedBy takes exactly one of argument, parent, result; got argument, result',
    ],
    [
      'an owner from the result of a mutation',
      withQuery(
        'a: String',
        'type Mutation { b: B @authorize(scopes: [["self"]]) @ownedBy(result: "id") }\ntype B { id: ID }',
      ),
      'Mutation.b: @ownedBy(result:) on a mutation',
    ],
    [
      'an @ownedBy with no "self" to serve',
      withQuery('a(id: ID!): String @authorize(scopes: [["users:read"]]) @ownedBy(argument: "id")'),
      'Query.a: @ownedBy with no "self"',
    ],
  ])('%s', (_what, sdl, problem) => {
    expect(problemsOf(sdl)).toContainEqual(expect.stringContaining(problem));
  });

  it('a directive declared otherwise than the canonical one', () => {
    const sdl = `${FEDERATION}
      directive @authorize(scopes: [String!]!) on FIELD_DEFINITION
      directive @ownedBy(argument: String, parent: String, result: String) on FIELD_DEFINITION | OBJECT
      type Query { a: String @authorize(scopes: ["users:read"]) }`;
    expect(problemsOf(sdl)).toEqual([
      expect.stringContaining('@authorize is declared as @authorize(scopes: [String!]!)'),
    ]);
  });
});

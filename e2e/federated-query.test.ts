import { createTestStack, gql, type RunningService } from './support/test-stack';

describe('one federated query through the gateway', () => {
  const stack = createTestStack();
  let gateway: RunningService;

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
  });
  afterAll(() => stack.stopAll());

  it('answers { __typename }', async () => {
    const res = await gql(gateway.url, '{ __typename }');
    expect(res).toEqual({ data: { __typename: 'Query' } });
  });

  it('returns fields of all three subgraphs for one user', async () => {
    const signUp = await gql<{ signUp: { id: string } }>(
      gateway.url,
      'mutation($input: SignUpInput!) { signUp(input: $input) { id } }',
      { input: { name: 'Kim Federated', phone: '010-5555-0001' } },
    );
    expect(signUp.errors).toBeUndefined();
    const id = signUp.data!.signUp.id;

    const res = await gql(
      gateway.url,
      `query($id: ID!) { user(id: $id) {
         name phone
         usageSummary(period: "2026-11") { records dataMb }
         bill(period: "2026-11") { period total }
       } }`,
      { id },
    );
    if (res.errors) console.log(stack.output());
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      user: {
        name: 'Kim Federated',
        phone: '+821055550001',
        usageSummary: { records: 0, dataMb: 0 },
        bill: { period: '2026-11', total: 0 },
      },
    });
  });
});

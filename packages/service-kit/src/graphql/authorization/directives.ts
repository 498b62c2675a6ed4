import {
  buildSchema,
  getDirectiveValues,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { AuthorizationSchemaError } from './schema-error';

export const AUTHORIZE = 'authorize';
export const OWNED_BY = 'ownedBy';

/**
 * What every subgraph declares in its schema.graphql, word for word. Tally's own directives,
 * not @link-ed: @apollo/gateway refuses a supergraph that links federation's requiresScopes,
 * and composition drops directives it was not asked to compose, so these never leave the
 * subgraph.
 */
export const AUTHORIZATION_DIRECTIVES_SDL = `"""
Who may resolve this: a caller holding every scope of at least one of the sets (OR of AND-sets).
"self" is satisfied only by the caller's own data (see @ownedBy). On a type: every field the
type resolves in this subgraph except its @key fields, on top of the field's own rule.
"""
directive @authorize(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT

"""
Where "self" finds the user the data belongs to: exactly one of an argument, the parent object
or the field's result, each a path of field names ("id", "input.userId"). On a type: parent only.
"""
directive @ownedBy(argument: String, parent: String, result: String) on FIELD_DEFINITION | OBJECT
`;

const signature = (d: GraphQLDirective) =>
  `@${d.name}(${d.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')})` +
  `${d.isRepeatable ? ' repeatable' : ''} on ${d.locations.join(' | ')}`;

const EXPECTED = new Map(
  buildSchema(AUTHORIZATION_DIRECTIVES_SDL)
    .getDirectives()
    .filter((d) => d.name === AUTHORIZE || d.name === OWNED_BY)
    .map((d) => [d.name, signature(d)]),
);

export interface DeclaredDirectives {
  authorize: GraphQLDirective;
  ownedBy: GraphQLDirective;
}

/**
 * The schema's declarations of both directives, checked against the canonical ones;
 * undefined when it declares neither (a schema with no rules at all).
 */
export function declaredDirectives(schema: GraphQLSchema): DeclaredDirectives | undefined {
  const authorize = schema.getDirective(AUTHORIZE);
  const ownedBy = schema.getDirective(OWNED_BY);
  if (!authorize && !ownedBy) return undefined;
  const problems = [authorize, ownedBy].flatMap((declared, i) => {
    const name = i === 0 ? AUTHORIZE : OWNED_BY;
    const expected = EXPECTED.get(name)!;
    if (!declared) return [`@${name} is not declared; declare ${expected}`];
    const actual = signature(declared);
    return actual === expected ? [] : [`@${name} is declared as ${actual}; expected ${expected}`];
  });
  if (problems.length > 0) throw new AuthorizationSchemaError(problems);
  return { authorize: authorize!, ownedBy: ownedBy! };
}

/** The arguments of a directive where it is applied, or undefined where it is not. */
export function directiveArgs(
  directive: GraphQLDirective,
  on: GraphQLField<unknown, unknown> | GraphQLObjectType,
): Record<string, unknown> | undefined {
  const nodes = 'extensionASTNodes' in on ? [on.astNode, ...on.extensionASTNodes] : [on.astNode];
  for (const node of nodes) {
    const values = node ? getDirectiveValues(directive, node) : undefined;
    if (values) return values;
  }
  return undefined;
}

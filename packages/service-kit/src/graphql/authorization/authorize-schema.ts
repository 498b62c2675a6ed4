import { ANONYMOUS, type Identity } from '@tally/auth';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { declaredDirectives } from './directives';
import { readFieldRules, type FieldRules } from './field-rules';
import { locateOwner } from './owner';
import { refusal } from './refusal';
import { AuthorizationSchemaError } from './schema-error';
import { judge, OWNER_AFTER_RESOLVING, type KnownOwner, type ScopeSets } from './scope-sets';

/** What the guards read from a request's context. */
export interface AuthorizationContext {
  identity: Identity;
}

/** The caller of this request; anonymous when the context names none. */
export function identityOf(context: unknown): Identity {
  return (context as Partial<AuthorizationContext> | null | undefined)?.identity ?? ANONYMOUS;
}

/**
 * Enforces the schema's @authorize / @ownedBy rules by wrapping the resolvers of the fields
 * they guard (in place; the schema is returned for chaining). A field the caller may not
 * resolve answers an error and null, so the rest of the answer stays intact. Throws
 * AuthorizationSchemaError, before wrapping anything, when a rule cannot be enforced.
 */
export function authorizeSchema(schema: GraphQLSchema): GraphQLSchema {
  const directives = declaredDirectives(schema);
  if (!directives) return schema;
  const { fields, problems } = readFieldRules(schema, directives);
  if (problems.length > 0) throw new AuthorizationSchemaError(problems);
  for (const rules of fields) rules.field.resolve = guarded(rules);
  return schema;
}

function guarded({
  type,
  field,
  rules,
  owner,
}: FieldRules): GraphQLFieldResolver<unknown, unknown> {
  const resolve = field.resolve ?? defaultFieldResolver;
  const coordinate = `${type.name}.${field.name}`;
  return (parent, args, context, info) => {
    const identity = identityOf(context);
    const known: KnownOwner =
      owner?.from === 'result'
        ? OWNER_AFTER_RESOLVING
        : owner && locateOwner(owner, { argument: args, parent });
    const waiting: ScopeSets[] = [];
    for (const sets of rules) {
      const verdict = judge(sets, identity, known);
      if (verdict === 'denied') throw refusal(coordinate, sets, identity);
      if (verdict === 'after-resolving') waiting.push(sets);
    }
    // Called at once (not after an await) so DataLoader batching across fields still works.
    const result = resolve(parent, args, context, info);
    if (waiting.length === 0) return result;
    return Promise.resolve(result).then((value) => {
      const found = locateOwner(owner!, { result: value });
      for (const sets of waiting) {
        if (judge(sets, identity, found) !== 'allowed') throw refusal(coordinate, sets, identity);
      }
      return value;
    });
  };
}

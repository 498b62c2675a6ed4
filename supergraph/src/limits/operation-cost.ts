import {
  getNamedType,
  getNullableType,
  GraphQLList,
  isCompositeType,
  Kind,
  valueFromAST,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationSize {
  /** Deepest field nesting (a top-level field is depth 1). */
  depth: number;
  /** Fields asked under another name. */
  aliases: number;
  /** Each field 1; a list field multiplies what is under it by its page size, or 100. */
  cost: number;
}

/** What an unbounded list field is assumed to hold (security.md, "Limits"). */
export const UNPAGED_LIST_SIZE = 100;

const isIntrospection = (name: string) => name === '__schema' || name === '__type';

/**
 * Sizes an operation before it runs, fragments expanded. Stops descending once `stopDepth`
 * is passed, so a hostile document cannot make the measuring itself expensive. Introspection
 * is left out: the playground's schema query is deep but costs nothing to answer.
 */
export function sizeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  stopDepth: number,
): OperationSize {
  let depth = 0;
  let aliases = 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return { depth, aliases, cost: 0 };

  function pageSizeOf(
    field: GraphQLField<unknown, unknown>,
    args: readonly ArgumentNode[],
  ): number | undefined {
    const first = field.args.find((a) => a.name === 'first');
    if (!first) return undefined;
    const given = args.find((a) => a.name.value === 'first');
    const value = given ? valueFromAST(given.value, first.type, variables) : first.defaultValue;
    return typeof value === 'number' && value > 0 ? value : UNPAGED_LIST_SIZE;
  }

  /** `pageSize`: set by a paged field (`first`) for the list right under it (its edges). */
  function walk(
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    level: number,
    pageSize: number | undefined,
    seen: ReadonlySet<string>,
  ): number {
    if (level > stopDepth) return 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        if (on && isCompositeType(on))
          cost += walk(fragment.selectionSet, on, level, pageSize, new Set([...seen, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        if (on && isCompositeType(on))
          cost += walk(selection.selectionSet, on, level, pageSize, seen);
        continue;
      }
      const name = selection.name.value;
      if (isIntrospection(name)) continue;
      if (selection.alias) aliases++;
      depth = Math.max(depth, level);
      cost += 1;
      const field = 'getFields' in type ? type.getFields()[name] : undefined;
      if (!field || !selection.selectionSet) continue;
      const child = getNamedType(field.type);
      if (!isCompositeType(child)) continue;
      const paged = pageSizeOf(field, selection.arguments ?? []);
      if (getNullableType(field.type) instanceof GraphQLList) {
        const times = paged ?? pageSize ?? UNPAGED_LIST_SIZE;
        cost += times * walk(selection.selectionSet, child, level + 1, undefined, seen);
      } else {
        // A connection: its page size applies to the list under it (`edges`).
        cost += walk(selection.selectionSet, child, level + 1, paged, seen);
      }
    }
    return cost;
  }

  const cost = walk(operation.selectionSet, root, 1, undefined, new Set());
  return { depth, aliases, cost };
}

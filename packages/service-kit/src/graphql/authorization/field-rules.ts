import { SCOPES } from '@tally/auth';
import {
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { directiveArgs, type DeclaredDirectives } from './directives';
import { parseOwnedBy, type OwnerLocator } from './owner';
import { SELF, type ScopeSets } from './scope-sets';

/** What one field demands: every rule (its type's and its own) must be satisfied. */
export interface FieldRules {
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  rules: ScopeSets[];
  owner?: OwnerLocator;
}

const KNOWN_SCOPES = new Set<string>(SCOPES);
// Federation's own root fields: `_service` is guarded by the call's signature, and
// `_entities` hands each entity to its type's field rules.
const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/**
 * Reads every @authorize and @ownedBy of the schema into per-field rules, and collects what
 * cannot be enforced as written (an unknown scope, `self` with no way to find the owner, ...).
 */
export function readFieldRules(
  schema: GraphQLSchema,
  directives: DeclaredDirectives,
): { fields: FieldRules[]; problems: string[] } {
  const fields: FieldRules[] = [];
  const problems: string[] = [];
  const changingRoots = [schema.getMutationType(), schema.getSubscriptionType()];

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRule = scopeSets(directiveArgs(directives.authorize, type), type.name, problems);
    const typeOwner = ownerOf(directiveArgs(directives.ownedBy, type), type.name, problems);
    if (typeOwner && typeOwner.from !== 'parent') {
      problems.push(`${type.name}: @ownedBy on a type takes parent (the object itself)`);
    }
    if (typeOwner && !typeRule?.some((set) => set.includes(SELF))) {
      problems.push(`${type.name}: @ownedBy with no "self" in the type's @authorize`);
    }
    const keys = keyFieldsOf(type);

    for (const field of Object.values(type.getFields())) {
      const at = `${type.name}.${field.name}`;
      const rules: ScopeSets[] = [];
      if (typeRule && !keys.has(field.name) && !FEDERATION_FIELDS.has(field.name)) {
        rules.push(typeRule);
      }
      const fieldRule = scopeSets(directiveArgs(directives.authorize, field), at, problems);
      if (fieldRule) rules.push(fieldRule);
      const fieldOwner = ownerOf(directiveArgs(directives.ownedBy, field), at, problems);
      const owner = fieldOwner ?? typeOwner;
      const wantsSelf = rules.some((sets) => sets.some((set) => set.includes(SELF)));

      if (wantsSelf && !owner) {
        problems.push(`${at}: "self" needs @ownedBy(argument | parent | result) to find the owner`);
      }
      if (fieldOwner && !fieldRule?.some((set) => set.includes(SELF))) {
        problems.push(`${at}: @ownedBy with no "self" in the field's @authorize`);
      }
      if (
        fieldOwner?.from === 'argument' &&
        !field.args.some((a) => a.name === fieldOwner.path[0])
      ) {
        problems.push(`${at}: @ownedBy(argument:) names "${fieldOwner.path[0]}", not an argument`);
      }
      if (fieldOwner?.from === 'result') {
        // The owner is known only after resolving, which must then change nothing.
        if (changingRoots.includes(type)) problems.push(`${at}: @ownedBy(result:) on a mutation`);
        if (isListType(getNullableType(field.type))) {
          problems.push(`${at}: @ownedBy(result:) on a list; one owner per field only`);
        }
      }
      if (rules.length > 0)
        fields.push({ type, field, rules, owner: wantsSelf ? owner : undefined });
    }
  }
  return { fields, problems };
}

function scopeSets(
  args: Record<string, unknown> | undefined,
  at: string,
  problems: string[],
): ScopeSets | undefined {
  if (!args) return undefined;
  const sets = args.scopes as string[][];
  if (sets.length === 0 || sets.some((set) => set.length === 0)) {
    problems.push(`${at}: @authorize with an empty scope set (say nothing for a public field)`);
  }
  for (const scope of sets.flat()) {
    if (!KNOWN_SCOPES.has(scope)) problems.push(`${at}: unknown scope "${scope}"`);
  }
  return sets;
}

function ownerOf(
  args: Record<string, unknown> | undefined,
  at: string,
  problems: string[],
): OwnerLocator | undefined {
  if (!args) return undefined;
  const parsed = parseOwnedBy(args);
  if (typeof parsed === 'string') {
    problems.push(`${at}: ${parsed}`);
    return undefined;
  }
  return parsed;
}

/**
 * An entity's @key fields: the reference itself, which whoever holds a reference already
 * knows (and which another subgraph needs to check that a user exists).
 */
function keyFieldsOf(type: GraphQLObjectType): Set<string> {
  const keys = new Set<string>();
  for (const node of [type.astNode, ...type.extensionASTNodes]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key' && directive.name.value !== 'federation__key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind !== Kind.STRING) continue;
      const [selection] = parse(`{ ${fields.value} }`).definitions as OperationDefinitionNode[];
      for (const s of selection!.selectionSet.selections) {
        if (s.kind === Kind.FIELD) keys.add(s.name.value);
      }
    }
  }
  return keys;
}

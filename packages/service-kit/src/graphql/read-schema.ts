import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Reads `<root>/src/schema.graphql`, the one SDL source for server, codegen and composition. */
export function readSchema(root: string): { sdl: string; typeDefs: DocumentNode } {
  const sdl = readFileSync(join(root, 'src', 'schema.graphql'), 'utf8');
  return { sdl, typeDefs: parse(sdl) };
}

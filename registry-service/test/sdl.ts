const link =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/** Subgraph SDLs for the registry's tests: two that compose, and ways to break them. */
export const sdl = {
  users: `${link}
type Query { user(id: ID!): User }
type User @key(fields: "id") { id: ID! name: String! }`,
  usersWithEmail: `${link}
type Query { user(id: ID!): User }
type User @key(fields: "id") { id: ID! name: String! email: String }`,
  // No Query of its own: without users the rest does not compose (no queries at all).
  usage: `${link}
type User @key(fields: "id") { id: ID! minutes: Int! }`,
  // User.name as Int clashes with the users subgraph's String!.
  clash: `${link}
type Query { other: Int }
type User @key(fields: "id") { id: ID! name: Int }`,
  plans: `${link}
type Query { plans: [String!]! }`,
};

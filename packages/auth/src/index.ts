export * from './identity';
export * from './internal-token';
export * from './role-scopes';
export * from './token-verifier';
export * from './signing-key';
export * from './mint-token';

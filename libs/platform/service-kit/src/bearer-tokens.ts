// Minting bearer tokens without the HTTP platform: for processes that sign development tokens
// but run no NestJS (the console's server), so their bundles carry jose and not the framework.
export * from './auth/roles';
export * from './auth/token-minting';

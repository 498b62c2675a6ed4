export {
  createIssuerServer,
  DISCOVERY_PATH,
  JWKS_PATH,
  type IssuerServerDeps,
} from './issuer-server';
export {
  configuredIssuerUrl,
  issuerConfig,
  keyDirOf,
  loadIssuerSettings,
  refuseProduction,
  ProductionRefused,
  type IssuerConfig,
  type Settings,
} from './config';
export { mintLocalToken, type LocalTokenRequest } from './local-token';

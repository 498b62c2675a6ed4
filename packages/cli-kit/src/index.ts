export { progressBar, type ProgressBar } from './progress';
export { apiToken } from './api-token';
export { tokenSettings, LOCAL_ISSUER_URL, type TokenSettings } from './token-config';

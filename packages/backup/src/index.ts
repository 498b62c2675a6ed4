export { backupSettings, type BackupSettings } from './config';
export {
  applyConnector,
  applyUsageBackupConnector,
  waitConnectorRunning,
  type ApplyAction,
  type UsageBackupConnector,
} from './apply-connector';
export { connectClient, ConnectError, type ConnectClient } from './connect-client';
export { loadConnectorConfig, renderConnectorConfig, CONNECTOR_TEMPLATE } from './connector-config';
export { connectorHealth, type ConnectorHealth, type ConnectorStatus } from './connector-state';
export { diffRecords, isClean, type BackupDiff } from './diff';
export { formatReport } from './report';
export { openStores, type Stores } from './stores';
export { verifyBackup, type VerifyOptions } from './verify';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
export { toUsageRecord, type UsageRecord } from './usage-record';

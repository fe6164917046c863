// Who wrote or deleted what in storage, in Log Analytics (table StorageBlobLogs / StorageQueueLogs): every
// submission dropped, moved and deleted, every report and extract written, every change to the reference data and
// the deployment package, with the caller's identity. Reads are not logged (the dashboard and extract links would
// dominate the volume); the queue's writes are, because the poison-queue alert (modules/alerts.bicep) reads them.

param storageAccountName string
param logAnalyticsWorkspaceId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

// 2021-05-01-preview is the newest diagnosticSettings API; the only stable one (2016-09-01) is the old nested form.
#disable-next-line use-recent-api-versions
resource blobWrites 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blob-writes-to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

// 2021-05-01-preview is the newest diagnosticSettings API; the only stable one (2016-09-01) is the old nested form.
#disable-next-line use-recent-api-versions
resource queueWrites 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-writes-to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
    ]
  }
}

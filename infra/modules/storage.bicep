// The data lake of the pipeline and the Functions host storage in one account.
// Entra-only: shared keys (and so account SAS and key-signed service SAS) are off;
// the app signs short-lived links with a user delegation key instead.

param name string

@description('Region of the account.')
param location string

param tags object

@description('Containers the pipeline reads and writes.')
param dataContainers array

@description('Container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Containers the Functions host keeps its own state in (keys, leases, blob receipts, timer status).')
param hostContainers array

@description('Container Event Grid writes undeliverable events to.')
param deadLetterContainerName string

@description('Queues the blob trigger uses: its internal queue and its poison queue.')
param queues array

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param skuName string

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint, identity-only: Flex without VNet integration and Event Grid reach it over it.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// The dashboard on the static website ($web) fetches extracts through short-lived links:
// cross-origin GETs from its origin only. CORS grants no access by itself.
var dashboardOrigin = take(account.properties.primaryEndpoints.web, length(account.properties.primaryEndpoints.web) - 1)

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // A blob moved or overwritten by mistake can be recovered for a week.
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
    cors: {
      corsRules: [
        {
          allowedOrigins: [dashboardOrigin]
          allowedMethods: ['GET', 'HEAD']
          allowedHeaders: ['*']
          exposedHeaders: ['*']
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  // Declared here, not left to the host to create: every role the app holds is scoped to one of them.
  for container in concat(dataContainers, hostContainers, [deploymentContainerName, deadLetterContainerName]): {
    parent: blobService
    name: container
    properties: { publicAccess: 'None' }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for name in queues: {
    parent: queueService
    name: name
  }
]

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output webEndpoint string = account.properties.primaryEndpoints.web
output dashboardOrigin string = dashboardOrigin

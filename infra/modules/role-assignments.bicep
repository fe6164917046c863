// Every role the app's identity holds, each scoped to the one resource it is needed on.
// Role ids are literal so a review (and tests/Infra) can see exactly what is granted.

param storageAccountName string
param appInsightsName string

@description('Principal (object) id of the Function App\'s user-assigned identity.')
param identityPrincipalId string

@description('Grant table data access: only if the app or host starts using Table storage.')
param grantTableData bool

@description('Object id of the person or pipeline running azd; empty grants nothing.')
param deployerPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Storage Blob Data Owner: the host keeps its keys, timer and singleton leases in blobs; the
// blob trigger and the refresh job take leases, move blobs, and sign user delegation SAS.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identityPrincipalId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Functions host storage, blob trigger leases, blob moves, user delegation SAS'
  }
}

// Storage Queue Data Contributor: the Event Grid blob trigger's internal queue and its poison queue.
resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identityPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Blob trigger internal and poison queues'
  }
}

// Storage Table Data Contributor: off unless asked for; nothing in the app uses tables today.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantTableData) {
  name: guid(storage.id, identityPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Table storage (opt-in)'
  }
}

// Monitoring Metrics Publisher: App Insights has local auth off, so telemetry needs this.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identityPrincipalId, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Send telemetry with Entra auth'
  }
}

// Storage Blob Data Contributor for the deployer: operators drop test submissions into incoming/
// and update the reference data in reference/. No principal type: it may be a
// user or a pipeline's service principal.
resource deployerBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage.id, deployerPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deployerPrincipalId
    description: 'Deployer: upload the dashboard and test submissions'
  }
}

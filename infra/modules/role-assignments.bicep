// Every role the app's identities hold, each scoped to the container, queue or service it is needed on: never the
// storage account, the resource group or the subscription. Role ids are literal so a review (and tests/Infra) can see
// exactly what is granted where. A compromised worker can touch the pipeline's own containers and nothing else; in
// particular it cannot write the deployment package (only the deployment identity can, see function-app.bicep).

param storageAccountName string
param appInsightsName string

@description('Principal (object) id of the identity the app runs as.')
param identityPrincipalId string

@description('Principal (object) id of the identity the platform writes and reads the deployment package with.')
param deploymentIdentityPrincipalId string

@description('Containers the app reads, writes, leases and deletes in: incoming, processed, rejected, reports, extracts.')
param readWriteContainers array

@description('Containers the app only reads: reference.')
param readOnlyContainers array

@description('Containers the Functions host keeps its keys, leases and blob receipts in.')
param hostContainers array

@description('Queues of the blob trigger: its internal queue and its poison queue.')
param queues array

param deploymentContainerName string

@description('Grant table data access: only if the app or host starts using Table storage.')
param grantTableData bool

@description('Object id of the person or pipeline running azd; empty grants nothing.')
param deployerPrincipalId string

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

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' existing = {
  parent: storage
  name: 'default'
}

resource readWriteContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for name in readWriteContainers: {
    parent: blobService
    name: name
  }
]

resource readOnlyContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for name in readOnlyContainers: {
    parent: blobService
    name: name
  }
]

resource hostContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = [
  for name in hostContainers: {
    parent: blobService
    name: name
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' existing = {
  parent: blobService
  name: deploymentContainerName
}

resource triggerQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' existing = [
  for name in queues: {
    parent: queueService
    name: name
  }
]

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Storage Blob Data Contributor on each pipeline container: read submissions, count attempts in their metadata, move
// them, write reports and extracts, take the refresh lease.
resource containerWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in readWriteContainers: {
    name: guid(readWriteContainer[i].id, identityPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    scope: readWriteContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      description: 'Pipeline container ${name}: read, write, move, lease'
    }
  }
]

// Storage Blob Data Reader on the reference container: operators upload, the app only reads.
resource containerReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in readOnlyContainers: {
    name: guid(readOnlyContainer[i].id, identityPrincipalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    scope: readOnlyContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      description: 'Reference container ${name}: read only'
    }
  }
]

// Storage Blob Data Owner on the host's two containers (azure-webjobs-hosts: leases, timer status, blob receipts;
// azure-webjobs-secrets: the host keys): the role Microsoft documents for identity-based AzureWebJobsStorage.
resource hostStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in hostContainers: {
    name: guid(hostContainer[i].id, identityPrincipalId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    scope: hostContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      description: 'Functions host container ${name}'
    }
  }
]

// Storage Queue Data Contributor on the blob trigger's own queue (each Event Grid delivery is queued there first)
// and its poison queue.
resource queueWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in queues: {
    name: guid(triggerQueue[i].id, identityPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    scope: triggerQueue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      description: 'Blob trigger queue ${name}'
    }
  }
]

// Storage Blob Delegator on the blob service: only the action that gets a user delegation key, which GET
// /api/extracts signs its links with. A link can grant no more than the identity holds on the blob (extracts: read).
resource delegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(blobService.id, identityPrincipalId, 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a')
  scope: blobService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a')
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'User delegation key for short-lived extract links'
  }
}

// Storage Table Data Contributor: off unless asked for; nothing in the app uses tables today.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantTableData) {
  name: guid(tableService.id, identityPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: tableService
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

// Storage Blob Data Contributor on the deployment container, for the deployment identity only: Flex Consumption's
// deployment endpoint writes the package there with it, and the platform reads it back to start instances. The
// identity the app runs as holds nothing on this container.
resource packageWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deploymentContainer.id, deploymentIdentityPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: deploymentContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deploymentIdentityPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Deployment package (Flex Consumption one-deploy)'
  }
}

// Storage Blob Data Contributor for the deployer: operators drop test submissions into incoming/ and update the
// reference data in reference/. Not the app's identity: no principal type, it may be a user or a pipeline.
resource deployerBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage.id, deployerPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deployerPrincipalId
    description: 'Deployer: upload test submissions and reference data'
  }
}

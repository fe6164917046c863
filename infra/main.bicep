// SharedServicesPipeline on Azure: `azd up` provisions this, deploys functions/, then the
// hooks in infra/hooks/ finish what needs the data plane or the running app.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer Flex Consumption (uksouth does).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the principal running azd (azd sets AZURE_PRINCIPAL_ID). Empty: whoever deploys.')
param principalId string = ''

@description('Entra administrator of the SQL server: object id of a group (recommended) or user. Empty: the deployer.')
param sqlAdminObjectId string = ''

@description('Display name of the SQL Entra administrator. Empty: the deployer\'s UPN.')
param sqlAdminLogin string = ''

@description('Kind of the SQL Entra administrator. Empty: User.')
@allowed(['', 'User', 'Group', 'Application'])
param sqlAdminPrincipalType string = ''

@description('Maximum vCores of the serverless mart database.')
@allowed([1, 2, 4, 6, 8])
param sqlMaxVCores int = 2

@description('Idle minutes before the mart database pauses.')
@minValue(15)
param sqlAutoPauseDelayMinutes int = 60

@description('Use the free Azure SQL offer (one database per subscription).')
param sqlUseFreeLimit bool = false

@description('RefreshExtracts schedule, NCRONTAB in UTC. Empty: nightly at 02:00 UTC.')
param refreshSchedule string = ''

@description('Power BI workspace to refresh after publishing; empty leaves Power BI alone.')
param powerBiWorkspaceId string = ''

@description('Power BI dataset to refresh; empty leaves Power BI alone.')
param powerBiDatasetId string = ''

@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param functionInstanceMemoryMB int = 2048

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param storageSkuName string = 'Standard_LRS'

@description('Log Analytics daily ingestion cap in GB.')
@minValue(1)
param logDailyQuotaGb int = 1

@description('Grant the app Storage Table Data Contributor: only if something starts using tables.')
param grantTableData bool = false

@description('Email told when a submission is dead-lettered or poisoned; empty: alerts show in the portal only.')
param alertEmail string = ''

@description('Days an original submission is kept in processed/ and rejected/ (it carries officers\' contact details).')
@minValue(1)
param originalsRetentionDays int = 180

@description('Days a submitter\'s report in reports/ is kept.')
@minValue(1)
param reportsRetentionDays int = 90

@description('Days an Event Grid dead letter is kept.')
@minValue(1)
param deadLettersRetentionDays int = 30

// main.parameters.json passes unset azd variables as empty strings: empty means "the default".
var deployerObjectId = !empty(principalId) ? principalId : deployer().objectId
var deployerLogin = !empty(deployer().userPrincipalName) ? deployer().userPrincipalName : 'azd-deployer'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var dataContainers = ['incoming', 'processed', 'rejected', 'reports', 'extracts', 'reference']
var deploymentContainerName = 'app-package'
// The Functions host's own containers (keys; leases, timer status, blob receipts), created here so the roles on them
// can be scoped to them. The host id is pinned to the app name, which is what the host would choose anyway.
var hostContainers = ['azure-webjobs-hosts', 'azure-webjobs-secrets']
var hostId = functionAppName
var blobTriggerQueues = ['azure-webjobs-blobtrigger-${hostId}', poisonQueueName]
var poisonQueueName = 'webjobs-blobtrigger-poison'
var deadLetterContainerName = 'eventgrid-deadletter'
// Nightly at 02:00 UTC (Flex on Linux has no time zone setting): 02:00 UK time in winter, 03:00 in summer.
var defaultRefreshSchedule = '0 0 2 * * *'
var ingestFunctionName = 'IngestSubmission'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

// Flex Consumption writes the deployment package with this identity; the app's code uses the other one.
module deploymentIdentity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    dataContainers: dataContainers
    deploymentContainerName: deploymentContainerName
    hostContainers: hostContainers
    deadLetterContainerName: deadLetterContainerName
    queues: blobTriggerQueues
    skuName: storageSkuName
  }
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deadLetterContainerName: deadLetterContainerName
  }
}

module sql 'modules/sql.bicep' = {
  scope: rg
  params: {
    serverName: 'sql-${resourceToken}'
    databaseName: 'sqldb-mart'
    location: location
    tags: tags
    adminObjectId: !empty(sqlAdminObjectId) ? sqlAdminObjectId : deployerObjectId
    adminLogin: !empty(sqlAdminLogin) ? sqlAdminLogin : (empty(sqlAdminObjectId) ? deployerLogin : 'sql-admin')
    adminPrincipalType: sqlAdminPrincipalType == 'Group' ? 'Group' : (sqlAdminPrincipalType == 'Application' ? 'Application' : 'User')
    maxVCores: sqlMaxVCores
    autoPauseDelayMinutes: sqlAutoPauseDelayMinutes
    useFreeLimit: sqlUseFreeLimit
  }
}

module roles 'modules/role-assignments.bicep' = {
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    identityPrincipalId: identity.outputs.principalId
    deploymentIdentityPrincipalId: deploymentIdentity.outputs.principalId
    // $web is not here: it exists only once the postprovision hook turns the static website on, and the hook grants
    // the app Storage Blob Data Contributor on it then.
    readWriteContainers: filter(dataContainers, c => c != 'reference')
    readOnlyContainers: ['reference']
    hostContainers: hostContainers
    queues: blobTriggerQueues
    deploymentContainerName: deploymentContainerName
    grantTableData: grantTableData
    deployerPrincipalId: deployerObjectId
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentIdentityId: deploymentIdentity.outputs.id
    hostId: hostId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    sqlServerFqdn: sql.outputs.serverFqdn
    sqlDatabaseName: sql.outputs.databaseName
    refreshSchedule: empty(refreshSchedule) ? defaultRefreshSchedule : refreshSchedule
    powerBiWorkspaceId: powerBiWorkspaceId
    powerBiDatasetId: powerBiDatasetId
    allowedOrigins: [storage.outputs.dashboardOrigin]
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
  }
  // The host starts as soon as the app exists: let its storage and telemetry roles exist first.
  dependsOn: [roles]
}

// What the deployment tells on itself: retention of what people submitted, who wrote and deleted what in storage,
// SQL audit, and alerts when a submission is stuck.
module retention 'modules/storage-retention.bicep' = {
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    originalsContainers: ['processed', 'rejected']
    reportsContainer: 'reports'
    deadLetterContainer: deadLetterContainerName
    originalsRetentionDays: originalsRetentionDays
    reportsRetentionDays: reportsRetentionDays
    deadLettersRetentionDays: deadLettersRetentionDays
  }
}

module storageDiagnostics 'modules/storage-diagnostics.bicep' = {
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module sqlAuditing 'modules/sql-auditing.bicep' = {
  scope: rg
  params: {
    sqlServerName: sql.outputs.serverName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: rg
  params: {
    actionGroupName: 'ag-${resourceToken}'
    deadLetterAlertName: 'alert-deadletter-${resourceToken}'
    poisonQueueAlertName: 'alert-poison-${resourceToken}'
    packageWriteAlertName: 'alert-package-write-${resourceToken}'
    location: location
    tags: tags
    alertEmail: alertEmail
    systemTopicId: eventGridTopic.outputs.id
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    storageAccountName: storage.outputs.name
    poisonQueueName: poisonQueueName
    deploymentContainerName: deploymentContainerName
  }
}

// Read by azd and by the hooks (azd passes outputs to them as environment variables).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_INGEST_FUNCTION_NAME string = ingestFunctionName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_WEB_ENDPOINT string = storage.outputs.webEndpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGridTopic.outputs.name
output AZURE_SQL_SERVER_NAME string = sql.outputs.serverName
output AZURE_SQL_SERVER_FQDN string = sql.outputs.serverFqdn
output AZURE_SQL_DATABASE_NAME string = sql.outputs.databaseName
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_EVENTGRID_DEADLETTER_CONTAINER string = deadLetterContainerName

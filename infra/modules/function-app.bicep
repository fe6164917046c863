// The Functions app on the Flex Consumption plan (FC1), .NET 10 isolated worker.
// Runs as the user-assigned identity; every connection it makes is identity-based.

param name string
param planName string

@description('Region of the plan and the app (must offer Flex Consumption).')
param location string

param tags object

@description('azd service name in azure.yaml; azd finds the app to deploy by this tag.')
param serviceName string

param identityId string
param identityClientId string

@description('Identity the platform writes and reads the deployment package with; the app\'s code never uses it.')
param deploymentIdentityId string

@description('Functions host id, pinned: the blob trigger\'s internal queue is named after it (azure-webjobs-blobtrigger-<host id>).')
param hostId string

param storageAccountName string
param deploymentContainerName string
param appInsightsName string

param sqlServerFqdn string
param sqlDatabaseName string

@description('NCRONTAB schedule of RefreshExtracts, in UTC (Flex on Linux ignores WEBSITE_TIME_ZONE).')
param refreshSchedule string

param powerBiWorkspaceId string
param powerBiDatasetId string

@description('Origins allowed to call the HTTP API from a browser (the dashboard\'s static website).')
param allowedOrigins array

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([512, 2048, 4096])
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    // Flex Consumption needs the deployment identity assigned to the app to write and read the package with it.
    userAssignedIdentities: { '${identityId}': {}, '${deploymentIdentityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: { allowedOrigins: allowedOrigins }
      // One literal list, so a review (and tests/Infra) sees every setting the app gets.
      appSettings: [
        // Identity-based connections: <prefix>__blobServiceUri/__queueServiceUri + managed identity.
        // AzureWebJobsStorage is the host's own storage; Storage is the connection the blob
        // trigger and the app's clients use. Same account, so the same roles cover both.
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The default would be the same (the app name, lower case, 32 characters at most); pinned because the
        // trigger's queue, and the role on it, are created by name before the host first starts.
        { name: 'AzureFunctionsWebHost__hostid', value: hostId }
        { name: 'Storage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Storage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'Storage__credential', value: 'managedidentity' }
        { name: 'Storage__clientId', value: identityClientId }
        { name: 'Mart__Provider', value: 'SqlServer' }
        {
          name: 'Mart__ConnectionString'
          // Entra token for the identity: the string carries no password.
          value: 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Authentication=Active Directory Managed Identity;User Id=${identityClientId};Encrypt=True'
        }
        // The postprovision hook applies datamart/sql/mart.sql; the app never migrates in Azure.
        { name: 'Mart__ApplyMigrations', value: 'false' }
        { name: 'RefreshSchedule', value: refreshSchedule }
        // Empty means off: the refresh job leaves Power BI alone.
        { name: 'PowerBI__WorkspaceId', value: powerBiWorkspaceId }
        { name: 'PowerBI__DatasetId', value: powerBiDatasetId }
        // The connection string names the component; with local auth off it admits nothing by itself.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
        // DefaultAzureCredential in app code (user delegation SAS, Power BI token) picks this identity.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          // Not the app's identity: that one holds no role on this container, so code running in the app
          // (or an attacker in it) cannot replace the package it is started from.
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No publishing passwords: azd deploys with an Entra token.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName

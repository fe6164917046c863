// Azure SQL logical server with Microsoft Entra-only authentication (no SQL logins, no
// passwords anywhere) and a serverless General Purpose database that pauses when idle.

param serverName string
param databaseName string

@description('Region of the server and the database.')
param location string

param tags object

@description('Entra administrator: display name (a user\'s UPN or a group\'s name).')
param adminLogin string

@description('Entra administrator: object id of the user, group or service principal.')
param adminObjectId string

@allowed(['User', 'Group', 'Application'])
param adminPrincipalType string

@description('Maximum vCores of the serverless database.')
@allowed([1, 2, 4, 6, 8])
param maxVCores int

@description('Minutes without connections before the database pauses (compute billing stops).')
@minValue(15)
param autoPauseDelayMinutes int

@description('Use the subscription\'s free Azure SQL offer (one database per subscription).')
param useFreeLimit bool

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: adminLogin
      sid: adminObjectId
      principalType: adminPrincipalType
      tenantId: tenant().tenantId
    }
  }
}

// Kept as its own resource too: the server's `administrators` block is applied at creation,
// this one enforces Entra-only on every later deployment.
resource entraOnly 'Microsoft.Sql/servers/azureADOnlyAuthentications@2025-01-01' = {
  parent: server
  name: 'Default'
  properties: {
    azureADOnlyAuthentication: true
  }
}

// The Function App has no fixed outbound address without VNet integration, so Azure services
// may connect; every connection still needs an Entra token for a user of this database.
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2025-01-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: maxVCores
  }
  properties: {
    autoPauseDelay: autoPauseDelayMinutes
    minCapacity: json('0.5')
    maxSizeBytes: 34359738368 // 32 GB: the mart is small; this is also the free offer's size
    requestedBackupStorageRedundancy: 'Local'
    zoneRedundant: false
    useFreeLimit: useFreeLimit
    // Past the free allowance, keep running and pay: pausing would stop ingestion until next month.
    freeLimitExhaustionBehavior: useFreeLimit ? 'BillOverUsage' : null
  }
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name

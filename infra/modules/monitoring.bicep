// Log Analytics + workspace-based Application Insights, both with local (key) auth disabled:
// telemetry is accepted only from Entra identities holding Monitoring Metrics Publisher.

param logAnalyticsName string
param appInsightsName string

@description('Region of the workspace and the component.')
param location string

param tags object

@description('Daily ingestion cap in GB: a runaway log loop costs at most this much a day.')
param dailyQuotaGb int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
    features: { disableLocalAuth: true }
    workspaceCapping: { dailyQuotaGb: dailyQuotaGb }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

output appInsightsName string = appInsights.name
output appInsightsId string = appInsights.id
output logAnalyticsId string = workspace.id

// Azure SQL auditing to Log Analytics (table AzureDiagnostics, category SQLSecurityAuditEvents). Server-level
// auditing covers every database on the server; Azure Monitor receives it through a diagnostic setting on the
// master database, as Azure SQL requires for server-level audit. What is audited: every sign-in, successful or
// not, and every change to users, roles, permissions and schema. Statements themselves (BATCH_COMPLETED_GROUP)
// are left out: a 100k-row load sends thousands of them, which would swamp the daily log cap; add the group to
// auditActionsAndGroups to audit them at that cost.

param sqlServerName string
param logAnalyticsWorkspaceId string

resource server 'Microsoft.Sql/servers@2025-01-01' existing = {
  name: sqlServerName
}

resource master 'Microsoft.Sql/servers/databases@2025-01-01' existing = {
  parent: server
  name: 'master'
}

// 2021-05-01-preview is the newest diagnosticSettings API; the only stable one (2016-09-01) is the old nested form.
#disable-next-line use-recent-api-versions
resource auditToLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'sql-audit-to-log-analytics'
  scope: master
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'SQLSecurityAuditEvents', enabled: true }
    ]
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2025-01-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
    auditActionsAndGroups: [
      'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'
      'FAILED_DATABASE_AUTHENTICATION_GROUP'
      'DATABASE_PRINCIPAL_CHANGE_GROUP'
      'DATABASE_ROLE_MEMBER_CHANGE_GROUP'
      'DATABASE_PERMISSION_CHANGE_GROUP'
      'SCHEMA_OBJECT_PERMISSION_CHANGE_GROUP'
      'SCHEMA_OBJECT_CHANGE_GROUP'
      'DATABASE_OBJECT_CHANGE_GROUP'
    ]
  }
  // The destination first: auditing to Azure Monitor with no diagnostic setting sends nothing anywhere.
  dependsOn: [auditToLogs]
}

// The deployment tells on itself: an email when a submission could not be delivered to the app
// (Event Grid dead-lettered its event) or could not be processed (the blob trigger gave up and
// put it on its poison queue), both of which mean a file nobody will look at unless told; and
// when the deployment package is written, which should only ever follow an `azd deploy`.

param actionGroupName string
param deadLetterAlertName string
param poisonQueueAlertName string
param packageWriteAlertName string

@description('Region of the log alert (the workspace\'s).')
param location string

param tags object

@description('Who is told; empty creates the action group without receivers (alerts still show in the portal).')
param alertEmail string

param systemTopicId string
param logAnalyticsWorkspaceId string
param storageAccountName string

@description('The blob trigger\'s poison queue (webjobs-blobtrigger-poison).')
param poisonQueueName string

@description('Container of the deployment package (app-package).')
param deploymentContainerName string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ssp-alerts'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// A platform metric of the system topic: counted by Event Grid itself, so it fires even when the app is down.
resource deadLettered 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: deadLetterAlertName
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid could not deliver a BlobCreated event for incoming/ to IngestSubmission and dead-lettered it. The file is still in incoming/; see infra/README.md, Alerts.'
    severity: 1
    enabled: true
    scopes: [systemTopicId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'dead-lettered-events'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          metricName: 'DeadLetteredCount'
          timeAggregation: 'Total'
          operator: 'GreaterThan'
          threshold: 0
        }
      ]
    }
    actions: [{ actionGroupId: actionGroup.id }]
  }
}

// A log alert, because no metric can see one queue: the storage queue metrics (QueueMessageCount) are per account,
// hourly, with no queue-name dimension, so the trigger's busy internal queue would hide the poison queue. The
// queue service's StorageWrite log (modules/storage-diagnostics.bicep) records every PutMessage with its URI.
resource poisonQueue 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: poisonQueueAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Submission on the blob trigger poison queue'
    description: 'IngestSubmission failed on a file as often as host.json poisonBlobThreshold allows and the host put it on ${poisonQueueName}. See infra/README.md, Alerts.'
    severity: 1
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    // An hour's window looked at every 15 minutes: a log record that arrives late is still seen, and the alert,
    // stateful, fires once for it rather than at every look.
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'StorageQueueLogs | where AccountName == "${storageAccountName}" and OperationName == "PutMessage" and Uri contains "/${poisonQueueName}/messages"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}

// Every write of the deployment package: expected after `azd deploy`, and otherwise a sign that something holding
// the deployment identity (which Flex Consumption requires the app to carry) replaced the code.
resource packageWrite 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: packageWriteAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Deployment package written'
    description: 'A blob in ${deploymentContainerName} was written. Expected after azd deploy; otherwise investigate (StorageBlobLogs names the caller). See infra/README.md, Alerts.'
    severity: 2
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'StorageBlobLogs | where AccountName == "${storageAccountName}" and Category == "StorageWrite" and ObjectKey startswith "/${storageAccountName}/${deploymentContainerName}/"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}

output actionGroupId string = actionGroup.id

// How long the storage account keeps what people submitted. Originals (processed/, rejected/) and the
// reports written from them carry officers' names, emails and phone numbers; the mart keeps what is
// published, so the files need not be kept for ever. Lifecycle management runs about once a day, so a
// blob goes within a day or two of its limit; blob soft delete keeps it 7 days more.

param storageAccountName string

@description('Days an original submission is kept in processed/ and rejected/ after it was moved there.')
@minValue(1)
param originalsRetentionDays int

@description('Days a submitter\'s report (reports/{submission}/outcome.json, report.xlsx) is kept.')
@minValue(1)
param reportsRetentionDays int

@description('Days an Event Grid dead letter (the event only, no file content) is kept.')
@minValue(1)
param deadLettersRetentionDays int

param originalsContainers array
param reportsContainer string
param deadLetterContainer string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource policy 'Microsoft.Storage/storageAccounts/managementPolicies@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-originals'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              // A prefix starts with the container name: every blob in it.
              prefixMatch: [for container in originalsContainers: '${container}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: originalsRetentionDays } }
            }
          }
        }
        {
          name: 'delete-reports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${reportsContainer}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: reportsRetentionDays } }
            }
          }
        }
        {
          name: 'delete-dead-letters'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${deadLetterContainer}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: deadLettersRetentionDays } }
            }
          }
        }
      ]
    }
  }
}

output name string = policy.name

// One council's identity may drop submissions into its own folder of the incoming container, and nowhere else:
// Storage Blob Data Contributor on that one container, with an Azure ABAC condition (conditionVersion 2.0) that
// allows reading, writing, creating and deleting blobs only under '<GSS code>/', and listing only that prefix.
// The pipeline reads the folder as the submitting council (incoming/<GSS code>/… is a submission by that council)
// and holds any row whose lead and partners do not include it; this module stops the council writing anywhere
// else, including directly under incoming/, which is the programme team's. Deploy it once per council.

@description('Storage account holding the incoming container.')
param storageAccountName string

@description('Container councils drop submissions into.')
param containerName string = 'incoming'

@description('The council\'s nine-character GSS code, e.g. E07000223 (Adur): its folder is <container>/<code>/.')
@minLength(9)
@maxLength(9)
param councilCode string

@description('Object id of the council\'s identity in Entra ID: a group of its officers (guests), a user, or its app registration\'s service principal.')
param principalId string

@allowed(['Group', 'User', 'ServicePrincipal'])
param principalType string = 'Group'

// Every blob action the role grants is limited to the council's prefix; listing is limited by the request's prefix
// (Azure Storage Explorer and az storage blob list --prefix '<code>/' work; listing the whole container is refused).
var conditionTemplate = '''
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
  AND
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals '{container}'
  AND
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith '{prefix}'
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
 )
 OR
 (
  @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals '{container}'
  AND
  @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith '{prefix}'
 )
)
'''
var condition = replace(replace(trim(conditionTemplate), '{container}', containerName), '{prefix}', '${toUpper(councilCode)}/')

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource submitter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Storage Blob Data Contributor; the role id literal, as in role-assignments.bicep, so a review sees what is granted.
  name: guid(storage::blobService::container.id, principalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', councilCode)
  scope: storage::blobService::container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: principalId
    principalType: principalType
    description: 'Council ${toUpper(councilCode)} submits to ${containerName}/${toUpper(councilCode)}/ only'
    condition: condition
    conditionVersion: '2.0'
  }
}

output roleAssignmentId string = submitter.id
output condition string = condition

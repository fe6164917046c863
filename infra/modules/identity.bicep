// The one identity the Function App runs as. User-assigned so role assignments and the SQL
// contained user exist before the app does, and survive re-creating the app.

@description('Name of the user-assigned managed identity.')
param name string

@description('Region of the identity.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

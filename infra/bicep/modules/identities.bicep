// One user-assigned managed identity per app: each app gets only the data-plane roles its role needs (see the other modules).

import { appIdentities } from 'types.bicep'

@description('Azure region of the identities.')
param location string

@description('Name prefix; the identities are <prefix>-portal, <prefix>-api and <prefix>-workers.')
param namePrefix string

param tags object

resource portal 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-portal'
  location: location
  tags: tags
}

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-api'
  location: location
  tags: tags
}

resource workers 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-workers'
  location: location
  tags: tags
}

output identities appIdentities = {
  portal: {
    id: portal.id
    principalId: portal.properties.principalId
    clientId: portal.properties.clientId
  }
  api: {
    id: api.id
    principalId: api.properties.principalId
    clientId: api.properties.clientId
  }
  workers: {
    id: workers.id
    principalId: workers.properties.principalId
    clientId: workers.properties.clientId
  }
}

// Lets the apps' identities pull the platform image from an Azure Container Registry in this resource group.

import { appIdentities } from 'types.bicep'

@description('Name of the existing registry.')
param registryName string

param identities appIdentities

// Azure built-in role "AcrPull".
var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource acrPull 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: acrPullRoleId
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in [identities.portal.principalId, identities.api.principalId, identities.workers.principalId]: {
    scope: registry
    name: guid(registry.id, principalId, acrPullRoleId)
    properties: {
      roleDefinitionId: acrPull.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output loginServer string = registry.properties.loginServer

// Storage for attachments and for the Data Protection key ring: no anonymous access, no shared keys (Entra only).

import { appIdentities } from 'types.bicep'

@description('Azure region of the account.')
param location string

@description('Account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Standard_LRS (dev) or Standard_ZRS (prod).')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param skuName string

@description('Container of the attachments (Attachments:Container).')
param attachmentsContainerName string

@description('Container of the Data Protection key ring blob.')
param dataProtectionContainerName string

@description('Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int

@description('The apps\' identities: every app reads and writes attachments and the shared key ring.')
param identities appIdentities

param tags object

// Azure built-in role "Storage Blob Data Contributor".
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource attachments 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: attachmentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataProtection 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: dataProtectionContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: blobDataContributorRoleId
}

var principalIds = [identities.portal.principalId, identities.api.principalId, identities.workers.principalId]

// Granted per container, not on the account: the apps reach these two containers and nothing else in it.
resource attachmentsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: attachments
    name: guid(attachments.id, principalId, blobDataContributorRoleId)
    properties: {
      roleDefinitionId: blobDataContributor.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource dataProtectionAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: dataProtection
    name: guid(dataProtection.id, principalId, blobDataContributorRoleId)
    properties: {
      roleDefinitionId: blobDataContributor.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output blobEndpoint string = account.properties.primaryEndpoints.blob
output attachmentsContainerName string = attachments.name
output dataProtectionBlobUri string = '${account.properties.primaryEndpoints.blob}${dataProtection.name}/keys.xml'

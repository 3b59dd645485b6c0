// Azure Cosmos DB for NoSQL: Entra-only data plane (no keys), one database, every tenant-owned container partitioned by
// /tenantId. Serverless in dev; provisioned autoscale throughput, shared by the database's containers, in prod.

import { appIdentities } from 'types.bicep'

@description('Azure region of the account (its only write region).')
param location string

@description('Account name (3-44 lowercase letters, digits and dashes).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Database name the apps read from Storage:Cosmos:Database.')
param databaseName string

@description('Serverless (dev) or provisioned autoscale throughput (prod).')
param serverless bool

@description('Autoscale ceiling of the shared database throughput (RU/s) when not serverless.')
@minValue(1000)
param autoscaleMaxThroughput int

@description('Zone redundancy of the region (prod).')
param zoneRedundant bool

@description('The apps\' identities: each gets the built-in Data Contributor role on the database.')
param identities appIdentities

param tags object

// Containers keyed by tenant: a tenant's documents never share a logical partition with another tenant's.
var tenantContainers = [
  'workitems'
  'tenants'
  'usage'
  'billing'
  'outbox'
  'documents'
]

// Cosmos DB's own data-plane role "Cosmos DB Built-in Data Contributor" (not an Azure RBAC role definition).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    backupPolicy: serverless
      ? { type: 'Periodic' }
      : {
          type: 'Continuous'
          continuousModeProperties: {
            tier: 'Continuous7Days'
          }
        }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource byTenant 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for name in tenantContainers: {
    parent: database
    name: name
    properties: {
      resource: {
        id: name
        partitionKey: {
          paths: ['/tenantId']
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

// Cross-tenant records (queue and due-time indexes, platform settings), keyed by what they are looked up by.
resource platform 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: 'platform'
  properties: {
    resource: {
      id: 'platform'
      partitionKey: {
        paths: ['/partitionKey']
        kind: 'Hash'
        version: 2
      }
    }
  }
}

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' existing = {
  parent: account
  name: dataContributorRoleId
}

resource dataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for principalId in [identities.portal.principalId, identities.api.principalId, identities.workers.principalId]: {
    parent: account
    name: guid(account.id, principalId, dataContributorRoleId)
    properties: {
      roleDefinitionId: dataContributor.id
      principalId: principalId
      scope: '${account.id}/dbs/${database.name}'
    }
  }
]

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name

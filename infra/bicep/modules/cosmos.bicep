// Azure Cosmos DB for NoSQL: Entra-only data plane (no keys), one database; tenant-owned documents partitioned by
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

// The containers the store reads (src/Storage.Cosmos/CosmosContainers.cs; a test keeps this list equal to the code's):
// everything a tenant owns in one container keyed by tenant, so a tenant's documents never share a logical partition with
// another tenant's and one change's documents commit in one transactional batch; the outbox and what belongs to no tenant
// keyed by their own ids. The composite indexes are those the store's multi-property ORDER BY clauses need.
var containers = [
  {
    name: 'data'
    partitionKey: '/tenantId'
    compositeIndexes: [
      [{ path: '/band', order: 'ascending' }, { path: '/order', order: 'ascending' }]
      [{ path: '/atTicks', order: 'descending' }, { path: '/eventId', order: 'descending' }]
      [{ path: '/kind', order: 'ascending' }, { path: '/name', order: 'ascending' }, { path: '/id', order: 'ascending' }]
      [{ path: '/onDate', order: 'descending' }, { path: '/id', order: 'descending' }]
      [{ path: '/createdTicks', order: 'descending' }, { path: '/id', order: 'descending' }]
      [{ path: '/firedTicks', order: 'descending' }, { path: '/id', order: 'descending' }]
      [{ path: '/tenantId', order: 'ascending' }, { path: '/listKey', order: 'descending' }]
    ]
  }
  {
    name: 'outbox'
    partitionKey: '/id'
    compositeIndexes: [
      [{ path: '/dueAt', order: 'ascending' }, { path: '/occurredTicks', order: 'ascending' }]
    ]
  }
  {
    name: 'platform'
    partitionKey: '/id'
    compositeIndexes: [
      [{ path: '/createdTicks', order: 'descending' }, { path: '/id', order: 'descending' }]
      [{ path: '/createdTicks', order: 'ascending' }, { path: '/id', order: 'ascending' }]
    ]
  }
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

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: [c.partitionKey]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [{ path: '/*' }]
          excludedPaths: [{ path: '/"_etag"/?' }]
          compositeIndexes: c.compositeIndexes
        }
      }
    }
  }
]

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

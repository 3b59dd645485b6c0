// Log Analytics (the Container Apps environment's logs) and a workspace-based Application Insights (the apps' telemetry).

import { appIdentities } from 'types.bicep'

@description('Azure region of the resources.')
param location string

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('The apps\' identities: each sends its telemetry signed in as itself (local, key-based ingestion is off).')
param identities appIdentities

param tags object

var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: monitoringMetricsPublisherRoleId
}

var principalIds = [identities.portal.principalId, identities.api.principalId, identities.workers.principalId]

resource publishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: appInsights
    name: guid(appInsights.id, principalId, monitoringMetricsPublisherRoleId)
    properties: {
      roleDefinitionId: metricsPublisher.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output appInsightsConnectionString string = appInsights.properties.ConnectionString

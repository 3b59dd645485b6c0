// BackOffice SaaS on Azure: one image run as three container apps (Portal, API, Workers, chosen by Platform__Roles),
// over Cosmos DB, Service Bus, Blob Storage and Key Vault, each reached with the app's own managed identity (no keys,
// no connection strings), with logs in Log Analytics and telemetry in Application Insights.
// Deploy: az deployment group create -g <rg> -f main.bicep -p main.dev.bicepparam (see README.md).

targetScope = 'resourceGroup'

import { envVar, keyVaultSecretRef } from 'modules/types.bicep'

@description('dev: serverless Cosmos DB, Standard Service Bus, one replica minimum. prod: autoscale Cosmos DB, Premium Service Bus, two replicas minimum, zone-redundant storage.')
@allowed(['dev', 'prod'])
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Short name the resource names start with (lowercase letters and digits).')
@minLength(2)
@maxLength(12)
param namePrefix string = 'backoffice'

@description('The platform image, e.g. myregistry.azurecr.io/backoffice:1.2.3 (dotnet publish src/Host /t:PublishContainer); every app runs it.')
param image string

@description('Azure Container Registry in this resource group the image is pulled from with the apps\' identities (AcrPull); empty for a public image.')
param containerRegistryName string = ''

@description('Entra ID authority host (AzureAd:Instance).')
param azureAdInstance string = environment().authentication.loginEndpoint

@description('AzureAd:TenantId: "organizations" for the multi-tenant registration (clients sign in from their own directories), or a directory id.')
param azureAdTenantId string = 'organizations'

@description('Application (client) id of the platform\'s Entra app registration (AzureAd:ClientId). See README.md.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('Audience of the API\'s tokens (AzureAd:Audience and Auth:Audience): the registration\'s Application ID URI.')
param apiAudience string = 'api://${apiClientId}'

@description('The provider\'s own Entra directory (tenant) id: only its users hold provider roles (Auth:ProviderDirectoryId).')
@minLength(36)
@maxLength(36)
param providerDirectoryId string

@description('Stripe secret or restricted key, stored in Key Vault as stripe-api-key. Empty (allowed in dev): the local invoice issuer.')
@secure()
param stripeApiKey string = ''

@description('Stripe webhook signing secret, stored in Key Vault as stripe-webhook-secret. Empty (allowed in dev): none.')
@secure()
param stripeWebhookSecret string = ''

@description('Name of the Key Vault certificate whose key encrypts the Data Protection key ring; empty until it exists (see README: it is made after the first deployment, then this is set).')
param dataProtectionCertificateName string = ''

@description('Network (CIDR) whose X-Forwarded-For/-Proto the apps believe (ForwardedHeaders:KnownNetworks): the Container Apps ingress. Only the ingress reaches the containers, so the default trusts every IPv4 sender.')
param trustedProxyNetwork string = '0.0.0.0/0'

@description('Most replicas of each app.')
@minValue(1)
@maxValue(300)
param maxReplicas int = 10

@description('Concurrent HTTP requests per Portal or API replica before another replica is added.')
@minValue(1)
param httpConcurrency int = 50

@description('Messages waiting in the integration-events queue per Workers replica before another replica is added.')
@minValue(1)
param messagesPerWorker int = 20

@description('Autoscale ceiling (RU/s) of the Cosmos DB database in prod (shared by its containers).')
@minValue(1000)
param cosmosMaxThroughput int = 1000

@description('Tags added to every resource.')
param tags object = {}

var isProd = environmentName == 'prod'
var baseName = '${namePrefix}-${environmentName}'
var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var allTags = union(tags, {
  application: 'backoffice'
  environment: environmentName
})

// Names the apps read (the same names as in the README, the tests and app-settings.txt).
var cosmosDatabaseName = 'backoffice'
var integrationQueueName = 'integration-events'
var attachmentsContainerName = 'attachments'
var dataProtectionContainerName = 'dataprotection'
var containerPort = 8080
var workspaceName = '${baseName}-logs'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: workspaceName
    appInsightsName: '${baseName}-appi'
    retentionInDays: isProd ? 90 : 30
    identities: identities.outputs.identities
    tags: allTags
  }
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    location: location
    namePrefix: baseName
    tags: allTags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${baseName}-cosmos-${suffix}'
    databaseName: cosmosDatabaseName
    serverless: !isProd
    autoscaleMaxThroughput: cosmosMaxThroughput
    zoneRedundant: isProd
    identities: identities.outputs.identities
    tags: allTags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    namespaceName: '${baseName}-sb-${suffix}'
    sku: isProd ? 'Premium' : 'Standard'
    queueName: integrationQueueName
    topicName: 'domain-events'
    topicSubscriptions: ['workers']
    identities: identities.outputs.identities
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: take('${toLower(namePrefix)}${environmentName}${suffix}', 24)
    skuName: isProd ? 'Standard_ZRS' : 'Standard_LRS'
    attachmentsContainerName: attachmentsContainerName
    dataProtectionContainerName: dataProtectionContainerName
    deleteRetentionDays: isProd ? 30 : 7
    identities: identities.outputs.identities
    tags: allTags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: 'kv-${environmentName}-${suffix}'
    softDeleteRetentionInDays: isProd ? 90 : 7
    stripeApiKey: stripeApiKey
    stripeWebhookSecret: stripeWebhookSecret
    identities: identities.outputs.identities
    tags: allTags
  }
}

module registryPull 'modules/registry-pull.bicep' = if (!empty(containerRegistryName)) {
  name: 'registry-pull'
  params: {
    registryName: containerRegistryName
    identities: identities.outputs.identities
  }
}

module containerAppsEnvironment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  params: {
    location: location
    environmentName: '${baseName}-env'
    workspaceName: workspaceName
    tags: allTags
  }
  dependsOn: [monitoring]
}

// Stripe's settings come from Key Vault through container app secrets; a value not given in dev is not set at all.
var stripeSecrets keyVaultSecretRef[] = concat(
  empty(stripeApiKey)
    ? []
    : [{ name: 'stripe-api-key', keyVaultUrl: '${keyVault.outputs.vaultUri}secrets/${keyVault.outputs.stripeSecretNames.apiKey}' }],
  empty(stripeWebhookSecret)
    ? []
    : [
        {
          name: 'stripe-webhook-secret'
          keyVaultUrl: '${keyVault.outputs.vaultUri}secrets/${keyVault.outputs.stripeSecretNames.webhookSecret}'
        }
      ]
)

// The key ring's certificate comes from Key Vault the same way (a certificate's secret is its PKCS#12, base64).
var dataProtectionSecrets keyVaultSecretRef[] = empty(dataProtectionCertificateName)
  ? []
  : [{ name: 'dataprotection-certificate', keyVaultUrl: '${keyVault.outputs.vaultUri}secrets/${dataProtectionCertificateName}' }]

var dataProtectionSettings envVar[] = empty(dataProtectionCertificateName)
  ? []
  : [{ name: 'DataProtection__Certificate', secretRef: 'dataprotection-certificate' }]

var stripeSettings envVar[] = concat(
  empty(stripeApiKey) ? [] : [{ name: 'Stripe__ApiKey', secretRef: 'stripe-api-key' }],
  empty(stripeWebhookSecret) ? [] : [{ name: 'Stripe__WebhookSecret', secretRef: 'stripe-webhook-secret' }]
)

// Every setting the three apps share; app-settings.txt lists these names (with ':' for '__') for the tests.
var sharedSettings envVar[] = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'Storage__Provider', value: 'Cosmos' }
  { name: 'Storage__Cosmos__Endpoint', value: cosmos.outputs.endpoint }
  { name: 'Storage__Cosmos__Database', value: cosmos.outputs.databaseName }
  { name: 'Messaging__Transport', value: 'ServiceBus' }
  { name: 'Messaging__ServiceBus__FullyQualifiedNamespace', value: serviceBus.outputs.fullyQualifiedNamespace }
  { name: 'Messaging__ServiceBus__Queue', value: serviceBus.outputs.queueName }
  { name: 'Attachments__AzureServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'Attachments__Store', value: 'azure' }
  { name: 'Attachments__Container', value: storage.outputs.attachmentsContainerName }
  { name: 'AzureAd__Instance', value: azureAdInstance }
  { name: 'AzureAd__TenantId', value: azureAdTenantId }
  { name: 'AzureAd__ClientId', value: apiClientId }
  { name: 'AzureAd__Audience', value: apiAudience }
  { name: 'Auth__ProviderDirectoryId', value: providerDirectoryId }
  { name: 'Auth__Audience', value: apiAudience }
  { name: 'DataProtection__BlobUri', value: storage.outputs.dataProtectionBlobUri }
  { name: 'ForwardedHeaders__KnownNetworks__0', value: trustedProxyNetwork }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.appInsightsConnectionString }
  { name: 'Telemetry__Exporter', value: 'azuremonitor' }
  { name: 'Live__Shared', value: 'true' }
]

var httpScaleRules = [
  {
    name: 'http-concurrency'
    http: {
      metadata: {
        concurrentRequests: string(httpConcurrency)
      }
    }
  }
]

var appIds = identities.outputs.identities

// The workers have no ingress and scale on the queue's length, read by KEDA with the workers' own identity.
var workersScaleRules = [
  {
    name: 'integration-events-queue'
    custom: {
      type: 'azure-servicebus'
      identity: appIds.workers.id
      metadata: {
        namespace: serviceBus.outputs.namespaceName
        queueName: serviceBus.outputs.queueName
        messageCount: string(messagesPerWorker)
      }
    }
  }
]

// The three apps: one image, the role from Platform__Roles. Every app keeps at least one replica: the workers run timed
// passes (SLA monitor, lease sweeper, auto-close), and the Portal's circuits live in memory (hence sticky sessions).
var apps = [
  { key: 'portal', role: 'Portal', externalIngress: true, stickySessions: true }
  { key: 'api', role: 'Api', externalIngress: true, stickySessions: false }
  { key: 'workers', role: 'Workers', externalIngress: false, stickySessions: false }
]

module containerApps 'modules/container-app.bicep' = [
  for app in apps: {
    name: 'app-${app.key}'
    params: {
      location: location
      name: '${baseName}-${app.key}'
      environmentId: containerAppsEnvironment.outputs.id
      image: image
      registryServer: registryPull.?outputs.loginServer ?? ''
      identity: appIds[app.key]
      env: concat(
        [
          { name: 'Platform__Roles', value: app.role }
          { name: 'AZURE_CLIENT_ID', value: appIds[app.key].clientId }
        ],
        sharedSettings,
        stripeSettings,
        dataProtectionSettings
      )
      keyVaultSecrets: concat(stripeSecrets, dataProtectionSecrets)
      externalIngress: app.externalIngress
      stickySessions: app.stickySessions
      targetPort: containerPort
      minReplicas: isProd ? 2 : 1
      maxReplicas: maxReplicas
      scaleRules: app.key == 'workers' ? workersScaleRules : httpScaleRules
      cpu: isProd ? '1.0' : '0.5'
      memory: isProd ? '2Gi' : '1Gi'
      tags: allTags
    }
  }
]

@description('The Portal\'s address: add <portalUrl>/signin-oidc as a Web redirect URI of the app registration.')
output portalUrl string = 'https://${containerApps[0].outputs.fqdn}'

@description('The API\'s address.')
output apiUrl string = 'https://${containerApps[1].outputs.fqdn}'

@description('Client ids of the apps\' managed identities (each app\'s AZURE_CLIENT_ID).')
output identityClientIds object = {
  portal: appIds.portal.clientId
  api: appIds.api.clientId
  workers: appIds.workers.clientId
}

output cosmosEndpoint string = cosmos.outputs.endpoint
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output keyVaultUri string = keyVault.outputs.vaultUri

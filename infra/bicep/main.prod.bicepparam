// Production: autoscale Cosmos DB, Premium Service Bus, two replicas per app minimum, zone-redundant storage.
// Values that differ per deployment are read from environment variables (see README.md):
//   BACKOFFICE_IMAGE, BACKOFFICE_ACR, BACKOFFICE_API_CLIENT_ID, BACKOFFICE_PROVIDER_DIRECTORY_ID,
//   BACKOFFICE_DATAPROTECTION_CERTIFICATE, STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET (set both: without them prod would fall back to the local invoice issuer).
using 'main.bicep'

param environmentName = 'prod'
param namePrefix = 'backoffice'
param image = readEnvironmentVariable('BACKOFFICE_IMAGE', 'backofficeprod.azurecr.io/backoffice:latest')
param containerRegistryName = readEnvironmentVariable('BACKOFFICE_ACR', 'backofficeprod')

// The Entra app registration (README.md, "Entra ID app registration") and the provider's own directory.
param azureAdTenantId = 'organizations'
param apiClientId = readEnvironmentVariable('BACKOFFICE_API_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param providerDirectoryId = readEnvironmentVariable('BACKOFFICE_PROVIDER_DIRECTORY_ID', '00000000-0000-0000-0000-000000000000')

param stripeApiKey = readEnvironmentVariable('STRIPE_API_KEY', '')
param stripeWebhookSecret = readEnvironmentVariable('STRIPE_WEBHOOK_SECRET', '')

// Set once the key ring's certificate exists in the vault (README.md, step "Data Protection certificate").
param dataProtectionCertificateName = readEnvironmentVariable('BACKOFFICE_DATAPROTECTION_CERTIFICATE', '')

param maxReplicas = 20
param cosmosMaxThroughput = 4000

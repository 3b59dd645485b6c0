// Development: serverless Cosmos DB, Standard Service Bus, one replica per app minimum.
// Values that differ per deployment are read from environment variables when set (see README.md):
//   BACKOFFICE_IMAGE, BACKOFFICE_ACR, BACKOFFICE_API_CLIENT_ID, BACKOFFICE_PROVIDER_DIRECTORY_ID,
//   BACKOFFICE_DATAPROTECTION_CERTIFICATE, STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET (both may stay unset in dev: the local invoice issuer is used).
using 'main.bicep'

param environmentName = 'dev'
param namePrefix = 'backoffice'
param image = readEnvironmentVariable('BACKOFFICE_IMAGE', 'backofficedev.azurecr.io/backoffice:latest')
param containerRegistryName = readEnvironmentVariable('BACKOFFICE_ACR', 'backofficedev')

// The Entra app registration (README.md, "Entra ID app registration") and the provider's own directory.
param azureAdTenantId = 'organizations'
param apiClientId = readEnvironmentVariable('BACKOFFICE_API_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param providerDirectoryId = readEnvironmentVariable('BACKOFFICE_PROVIDER_DIRECTORY_ID', '00000000-0000-0000-0000-000000000000')

param stripeApiKey = readEnvironmentVariable('STRIPE_API_KEY', '')
param stripeWebhookSecret = readEnvironmentVariable('STRIPE_WEBHOOK_SECRET', '')

// Set once the key ring's certificate exists in the vault (README.md, step "Data Protection certificate").
param dataProtectionCertificateName = readEnvironmentVariable('BACKOFFICE_DATAPROTECTION_CERTIFICATE', '')

param maxReplicas = 3

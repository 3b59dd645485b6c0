// Key Vault in RBAC mode: the Stripe secrets (referenced by the container apps with their own identity) and the RSA key
// that wraps the ASP.NET Core Data Protection key ring. Soft delete and purge protection are on, so a deleted vault or
// key can be recovered and nobody can destroy the key the key ring depends on before the retention ends.

import { appIdentities } from 'types.bicep'

@description('Azure region of the vault.')
param location string

@description('Vault name (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Days a deleted vault, secret or key stays recoverable (7-90; cannot change after creation).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Stripe secret (sk_) or restricted (rk_) key; empty: no secret is written (the apps use the local invoice issuer).')
@secure()
param stripeApiKey string

@description('Stripe webhook signing secret (whsec_); empty: no secret is written.')
@secure()
param stripeWebhookSecret string

@description('The apps\' identities: each reads the secrets and uses the key.')
param identities appIdentities

param tags object

// Azure built-in roles (Microsoft.Authorization/roleDefinitions).
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User

var stripeApiKeySecretName = 'stripe-api-key'
var stripeWebhookSecretName = 'stripe-webhook-secret'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource apiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeApiKey)) {
  parent: vault
  name: stripeApiKeySecretName
  properties: {
    value: stripeApiKey
    contentType: 'text/plain'
  }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(stripeWebhookSecret)) {
  parent: vault
  name: stripeWebhookSecretName
  properties: {
    value: stripeWebhookSecret
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: secretsUserRoleId
}

var principalIds = [identities.portal.principalId, identities.api.principalId, identities.workers.principalId]

// Every app composes the invoice issuer (the Portal asks it whether payments are Stripe's), so every app reads the secrets.
resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: vault
    name: guid(vault.id, principalId, secretsUserRoleId)
    properties: {
      roleDefinitionId: secretsUser.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output vaultUri string = vault.properties.vaultUri
@description('Names of the Stripe secrets; each exists only when its value was given.')
output stripeSecretNames object = {
  apiKey: stripeApiKeySecretName
  webhookSecret: stripeWebhookSecretName
}

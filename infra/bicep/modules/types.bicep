// Types shared by the modules (compile-time imports; nothing here is deployed).

@export()
@description('A user-assigned managed identity, as the other modules need it.')
type appIdentity = {
  @description('Resource id of the identity.')
  id: string

  @description('Object id of its service principal: what role assignments name.')
  principalId: string

  @description('Client (application) id: what AZURE_CLIENT_ID gives DefaultAzureCredential.')
  clientId: string
}

@export()
@description('The identities of the three apps.')
type appIdentities = {
  portal: appIdentity
  api: appIdentity
  workers: appIdentity
}

@export()
@description('A container app environment variable: a plain value or a reference to one of the app\'s secrets.')
type envVar = {
  name: string
  value: string?
  secretRef: string?
}

@export()
@description('A container app secret read from Key Vault with the app\'s identity.')
type keyVaultSecretRef = {
  @description('Secret name inside the container app (lowercase letters, digits and dashes).')
  name: string

  @description('Versionless URL of the Key Vault secret.')
  keyVaultUrl: string
}

// One container app of the platform: the shared image, run in the role its Platform__Roles names, under its own identity.

import { appIdentity, envVar, keyVaultSecretRef } from 'types.bicep'

@description('Azure region of the app.')
param location string

@description('Container app name (2-32 lowercase letters, digits and dashes).')
@minLength(2)
@maxLength(32)
param name string

@description('Id of the Container Apps environment.')
param environmentId string

@description('The platform image (every app runs the same one).')
param image string

@description('Login server of the registry the image is pulled from with the app\'s identity; empty for a public image.')
param registryServer string

@description('The app\'s user-assigned identity: pulls the image, reads Key Vault secrets, and is the app\'s AZURE_CLIENT_ID.')
param identity appIdentity

@description('Environment variables (settings, with __ for :).')
param env envVar[]

@description('Container app secrets read from Key Vault with the app\'s identity.')
param keyVaultSecrets keyVaultSecretRef[]

@description('External HTTPS ingress on the container port (Portal, API), or none (Workers).')
param externalIngress bool

@description('Sticky sessions: Blazor Server keeps each circuit on the replica that opened it.')
param stickySessions bool

@description('Port the container listens on (the .NET images default to 8080).')
param targetPort int

@minValue(0)
@maxValue(1000)
param minReplicas int

@minValue(1)
@maxValue(1000)
param maxReplicas int

@description('KEDA scale rules (HTTP concurrency or custom scalers).')
param scaleRules object[]

@description('vCPU of the container (0.25 steps).')
param cpu string

@description('Memory of the container, twice the vCPU in Gi on consumption (e.g. 1Gi for 0.5 vCPU).')
param memory string

param tags object

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: externalIngress
        ? {
            external: true
            targetPort: targetPort
            transport: 'auto'
            allowInsecure: false
            stickySessions: {
              affinity: stickySessions ? 'sticky' : 'none'
            }
          }
        : null
      registries: empty(registryServer)
        ? []
        : [
            {
              server: registryServer
              identity: identity.id
            }
          ]
      secrets: [
        for secret in keyVaultSecrets: {
          name: secret.name
          keyVaultUrl: secret.keyVaultUrl
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: name
          image: image
          env: env
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: targetPort
              }
              initialDelaySeconds: 5
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: targetPort
              }
              initialDelaySeconds: 5
              periodSeconds: 10
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: scaleRules
      }
    }
  }
}

output name string = app.name
@description('Host name of the external ingress; empty without ingress.')
output fqdn string = app.properties.configuration.?ingress.?fqdn ?? ''

// Azure Service Bus: SAS (local) auth off, so every client signs in with Entra ID. The queue carries integration events
// from the outbox dispatcher to the workers; the topic fans domain events out, one subscription per consumer.

import { appIdentities } from 'types.bicep'

@description('Azure region of the namespace.')
param location string

@description('Namespace name (6-50 letters, digits and dashes).')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Standard (dev) or Premium (prod).')
@allowed(['Standard', 'Premium'])
param sku string

@description('Queue the apps read from Messaging:ServiceBus:Queue.')
param queueName string

@description('Topic of domain events.')
param topicName string

@description('One subscription per consumer of the topic.')
param topicSubscriptions string[]

@description('The apps\' identities: api and workers send, workers receive.')
param identities appIdentities

param tags object

// Azure built-in roles (Microsoft.Authorization/roleDefinitions).
var dataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender
var dataReceiverRoleId = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver

// Message ids are outbox ids: a resend within the window is dropped by the broker.
var duplicateDetectionWindow = 'PT10M'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
    capacity: sku == 'Premium' ? 1 : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    maxDeliveryCount: 10
    lockDuration: 'PT1M'
    deadLetteringOnMessageExpiration: true
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for name in topicSubscriptions: {
    parent: topic
    name: name
    properties: {
      maxDeliveryCount: 10
      lockDuration: 'PT1M'
      deadLetteringOnMessageExpiration: true
    }
  }
]

resource dataSender 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: dataSenderRoleId
}

resource dataReceiver 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: dataReceiverRoleId
}

// Roles on the entities, not the namespace: a sender reaches the queue and the topic, the receiver only what it reads.
resource sendToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in [identities.api.principalId, identities.workers.principalId]: {
    scope: queue
    name: guid(queue.id, principalId, dataSenderRoleId)
    properties: {
      roleDefinitionId: dataSender.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource sendToTopic 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in [identities.api.principalId, identities.workers.principalId]: {
    scope: topic
    name: guid(topic.id, principalId, dataSenderRoleId)
    properties: {
      roleDefinitionId: dataSender.id
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource receiveFromQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: queue
  name: guid(queue.id, identities.workers.principalId, dataReceiverRoleId)
  properties: {
    roleDefinitionId: dataReceiver.id
    principalId: identities.workers.principalId
    principalType: 'ServicePrincipal'
  }
}

// The topic's subscriptions are read by the workers, whatever consumer name each one carries.
resource receiveFromTopic 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for i in range(0, length(topicSubscriptions)): {
    scope: subscriptions[i]
    name: guid(subscriptions[i].id, identities.workers.principalId, dataReceiverRoleId)
    properties: {
      roleDefinitionId: dataReceiver.id
      principalId: identities.workers.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output namespaceName string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ in the public cloud: keep only the host name.
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output queueName string = queue.name

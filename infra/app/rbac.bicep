// Who may touch the data. The API's identity gets exactly the two data roles it uses (tables and blobs, no account
// management, no keys) and may publish telemetry; the operator running azd gets the same data roles so the kpi CLI
// can issue keys and import the catalogue with `az login`.
param storageAccountName string
param applicationInsightsName string
param apiPrincipalId string
@description('Object id of the operator (person or CI principal); empty: no operator access.')
param operatorPrincipalId string = ''
@allowed([
  'User'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// Built-in role definition ids, the same in every tenant.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var storageDataRoles = [
  storageTableDataContributor
  storageBlobDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource apiStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageDataRoles: {
    name: guid(storage.id, apiPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: apiPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource apiTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, apiPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: apiPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageDataRoles: if (!empty(operatorPrincipalId)) {
    name: guid(storage.id, operatorPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: operatorPrincipalId
      principalType: operatorPrincipalType
    }
  }
]

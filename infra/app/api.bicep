// The KPI API: dist/functions/index.js on a Flex Consumption plan (Linux, Node 22), scaled to zero when idle.
// Storage is reached through the user-assigned identity; the settings below are everything the code reads on Azure
// (test/deploy/appSettings.test.ts checks that against the source).
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string
@description('Browser origins allowed to call the API: the add-in\'s.')
param allowedOrigins array
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048
param storagePrefix string = ''
param reportDueDay string = ''
param autoLockDays string = ''
param entraAudience string = ''
param entraTenantId string = ''
param entraJwksUrl string = ''
param entraRoleMap string = ''
param entraAddinClientId string = ''
param entraApiScope string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Identity-based storage, as the Functions host and functions/storage/connection.ts both read it: no connection
// string, so there is no key to leak or rotate. Both clients pick the user-assigned identity by its client id.
var storageSettings = {
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AZURE_CLIENT_ID: identityClientId
}

// The Node worker's V8 arguments. Each submission holds about 100 KB of fresh objects while its storage transaction
// is under way (two thirds of it the storage SDK's request); with V8's default 16 MB young generation, 50 submissions at once push most of that into the old
// generation (1.4 MB per collection against 0.1 MB for a bare transaction). A 64 MB young generation about halves the
// collection time per submission; with 2 GB per instance the extra memory is well spent (README, "Đo hiệu năng").
// npm start and npm run bench run with the same arguments (test/deploy/nodeArguments.test.ts).
var workerSettings = {
  languageWorkers__node__arguments: '--max-semi-space-size=64'
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Optional settings are written only when given: the code's defaults apply to an absent setting, and an empty
// number would be read as 0.
var storagePrefixSetting = empty(storagePrefix) ? {} : {
  KPI_STORAGE_PREFIX: storagePrefix
}
var reportDueDaySetting = empty(reportDueDay) ? {} : {
  KPI_REPORT_DUE_DAY: reportDueDay
}
var autoLockDaysSetting = empty(autoLockDays) ? {} : {
  KPI_AUTO_LOCK_DAYS: autoLockDays
}

// Any KPI_ENTRA_* setting turns Entra ID sign-in on (functions/services/settings.ts), so none is written unless an
// audience is given; the tenant defaults to this subscription's and the signing keys to the tenant's own.
var entraSettings = empty(entraAudience) ? {} : {
  KPI_ENTRA_TENANT_ID: empty(entraTenantId) ? tenant().tenantId : entraTenantId
  KPI_ENTRA_AUDIENCE: entraAudience
  KPI_ENTRA_ROLE_MAP: entraRoleMap
}
var entraJwksSetting = empty(entraAudience) || empty(entraJwksUrl) ? {} : {
  KPI_ENTRA_JWKS_URL: entraJwksUrl
}
// The add-in's own app registration: with it the task pane offers Microsoft 365 sign-in through Office (GET
// signin-config); the code wants both or neither, so both are written only when both are given.
var entraAddinSettings = empty(entraAudience) || empty(entraAddinClientId) || empty(entraApiScope) ? {} : {
  KPI_ENTRA_CLIENT_ID: entraAddinClientId
  KPI_ENTRA_API_SCOPE: entraApiScope
}

var appSettings = union(
  workerSettings,
  storageSettings,
  monitoringSettings,
  storagePrefixSetting,
  reportDueDaySetting,
  autoLockDaysSetting,
  entraSettings,
  entraJwksSetting,
  entraAddinSettings
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The language and version live here on Flex Consumption, not in FUNCTIONS_WORKER_RUNTIME or
      // WEBSITE_NODE_DEFAULT_VERSION (the plan rejects those settings).
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }

  // One resource holds every setting: a provision replaces the set, so a setting added by hand in the portal is
  // lost on the next `azd provision`. Add it here (and to main.parameters.json) instead.
  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'

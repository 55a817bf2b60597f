// The province's KPI service on Azure, laid out like the Azure Functions Flex Consumption azd template: one resource
// group per azd environment, the API on a Flex Consumption plan reaching storage through a user-assigned identity (no
// account key anywhere), Application Insights on a Log Analytics workspace, and the add-in's files on Static Web Apps.
// `azd up` reads this file with main.parameters.json; every output lands in the azd environment (.azure/<env>/.env),
// which is how the hooks in azure.yaml learn KPI_ADDIN_URL.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: the resource group is rg-<name> and every resource name carries a hash of it.')
param environmentName string

@minLength(1)
@description('Region of the API, storage and monitoring. It must offer the Flex Consumption plan (southeastasia and eastasia do).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Static Web Apps Free exists in a few regions only; the files are served from the global edge whichever is chosen.')
@allowed([
  'eastasia'
  'westeurope'
  'centralus'
  'eastus2'
  'westus2'
])
param staticWebAppLocation string = 'eastasia'

@description('Object id of whoever runs azd (azd fills AZURE_PRINCIPAL_ID): given data access to the storage account so the kpi CLI can issue the first keys and import the catalogue. Empty: nobody.')
param principalId string = ''

@description('User for a person signed in with azd auth login, ServicePrincipal for the CI workflow.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('KPI_STORAGE_PREFIX: a namespace for the tables and containers (lowercase letters and digits, at most 16), e.g. a staging copy in the same account. Empty: none.')
@maxLength(16)
param storagePrefix string = ''

@description('KPI_REPORT_DUE_DAY: reports are due on this day of the period\'s last month. Empty: the code\'s default.')
param reportDueDay string = ''

@description('KPI_AUTO_LOCK_DAYS: lock a period this many days after its due date. Empty: only the province locks.')
param autoLockDays string = ''

@description('KPI_ENTRA_AUDIENCE: client id (and api:// URI, comma-separated) of the app registration officers sign in to. Empty: sign-in with pasted keys only, and no KPI_ENTRA_* setting is written.')
param entraAudience string = ''

@description('KPI_ENTRA_TENANT_ID: the province\'s Microsoft Entra tenant. Empty: the tenant of this subscription.')
param entraTenantId string = ''

@description('KPI_ENTRA_JWKS_URL: where signing keys are read. Empty: the tenant\'s own keys.')
param entraJwksUrl string = ''

@description('KPI_ENTRA_ROLE_MAP as base64 of the JSON that maps app roles or groups to province, agency and viewer access (see README). Base64 because azd pastes parameter values into main.parameters.json as raw text, where JSON quotes would break it.')
param entraRoleMapBase64 string = ''

@description('KPI_ENTRA_CLIENT_ID: client id of the add-in\'s own app registration (single-page application, redirect URI brk-multihub://<add-in origin>), with which the task pane signs officers in through Office. Empty: the pane offers pasted keys only.')
param entraAddinClientId string = ''

@description('KPI_ENTRA_API_SCOPE: the API scope the add-in asks for, e.g. api://<API client id>/access_as_user. Needed with KPI_ENTRA_CLIENT_ID.')
param entraApiScope string = ''

@description('Origin the add-in is served from when the province maps its own domain to the static web app, e.g. https://kpi.phutho.gov.vn. Empty: the static web app\'s own *.azurestaticapps.net address.')
param addinCustomOrigin string = ''

@description('Upper bound on API instances: the cost ceiling of a burst. 40 is far above what a province needs.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per API instance. 2048 MB leaves room for report generation (ExcelJS, docx, resvg); 512 MB is cheaper but untested with large reports.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Daily ingestion cap of the Log Analytics workspace in GB, the guard against a runaway log bill. -1: no cap.')
param logDailyCapGb int = 1

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-api-${resourceToken}'
// Flex Consumption reads the deployed package from this container with the app's identity.
var deploymentContainerName = 'app-package-${resourceToken}'
var containerPrefix = empty(storagePrefix) ? '' : '${storagePrefix}-'
// The names functions/storage/tableNames.ts derives from KPI_STORAGE_PREFIX; created here so the app never needs
// rights to create them and a typo in a prefix shows up as a missing table, not a silently new one.
var kpiTables = [
  '${storagePrefix}KpiSubmissions'
  '${storagePrefix}KpiKeys'
  '${storagePrefix}KpiReviews'
  '${storagePrefix}KpiAudit'
]
var kpiContainers = [
  '${containerPrefix}kpi-catalogue'
  '${containerPrefix}kpi-workbooks'
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    dailyCapGb: logDailyCapGb
  }
}

module apiIdentity 'core/security/user-assigned-identity.bicep' = {
  name: 'apiIdentity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'id-api-${resourceToken}'
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    containers: concat([deploymentContainerName], kpiContainers)
    tables: kpiTables
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    apiPrincipalId: apiIdentity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module web 'core/host/static-web-app.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: staticWebAppLocation
    tags: union(tags, {
      'azd-service-name': 'web'
    })
  }
}

var addinOrigin = empty(addinCustomOrigin) ? 'https://${web.outputs.defaultHostname}' : addinCustomOrigin

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityId: apiIdentity.outputs.id
    identityClientId: apiIdentity.outputs.clientId
    // Only the add-in's pages call the API from a browser; the kpi CLI and Excel's own requests need no CORS.
    allowedOrigins: [
      addinOrigin
    ]
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    storagePrefix: storagePrefix
    reportDueDay: reportDueDay
    autoLockDays: autoLockDays
    entraAudience: entraAudience
    entraTenantId: entraTenantId
    entraJwksUrl: entraJwksUrl
    entraRoleMap: empty(entraRoleMapBase64) ? '' : base64ToString(entraRoleMapBase64)
    entraAddinClientId: entraAddinClientId
    entraApiScope: entraApiScope
  }
  // The app must not start before its identity may read the deployment container and the KPI tables.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = addinOrigin
// The origin written into the production manifest by `npm run build:addin` (addin/build/manifest.mjs).
output KPI_ADDIN_URL string = addinOrigin
// What officers type as "Địa chỉ máy chủ" in the pane, and what `kpi --server` takes.
output KPI_API_URL string = api.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output API_IDENTITY_CLIENT_ID string = apiIdentity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

// The add-in's files (dist/addin: task pane, custom functions, manifests, icons) on Static Web Apps Free: declared
// here in full, HTTPS on *.azurestaticapps.net or the province's own domain with a free certificate, served from the
// edge, no cost. azd uploads dist/addin to it as the `web` service.
param name string
param location string
param tags object = {}

resource staticWebApp 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    // Deployed from dist/addin by azd, not built by Static Web Apps from a repository.
    provider: 'Custom'
    allowConfigFileUpdates: true
  }
}

output name string = staticWebApp.name
output defaultHostname string = staticWebApp.properties.defaultHostname

// Package aks holds the aks provider's resources, data sources and ephemeral resources, one file
// each (schema, model, CRUD together), and the registry the provider reads them from.
//
// Every implementation receives a *clients.Client as provider data in its Configure; it builds
// SDK clients from its factories, which already carry the cloud, the credential, retries, the
// user agent and redacted tflog HTTP logging.
package aks

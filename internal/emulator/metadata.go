package emulator

import "net/http"

// handleMetadata answers GET /metadata/endpoints in ARM's cloud metadata
// format (a JSON array of cloud objects, as api-version 2022-09-01 answers),
// with every endpoint pointing at the emulator. Clients with custom-cloud
// support (metadata_host, ARM_METADATA_HOSTNAME, the Azure SDKs' cloud
// configuration) then need nothing else.
func (s *Server) handleMetadata(q *request) {
	base := q.baseURL()
	slash := base + "/"
	writeJSON(q, http.StatusOK, []map[string]any{{
		"name":            "AzureEmulator",
		"portal":          base,
		"resourceManager": slash,
		"authentication": map[string]any{
			"loginEndpoint":    slash,
			"audiences":        []string{"https://management.core.windows.net/", "https://management.azure.com/"},
			"tenant":           "common",
			"identityProvider": "AAD",
		},
		"media":                                 slash,
		"graphAudience":                         "https://graph.windows.net/",
		"graph":                                 slash,
		"batch":                                 slash,
		"activeDirectoryDataLake":               slash,
		"sqlManagement":                         slash,
		"gallery":                               slash,
		"vmImageAliasDoc":                       base + "/metadata/vm-image-aliases.json",
		"microsoftGraphResourceId":              "https://graph.microsoft.com/",
		"appInsightsResourceId":                 slash,
		"appInsightsTelemetryChannelResourceId": slash,
		"attestationResourceId":                 slash,
		"synapseAnalyticsResourceId":            slash,
		"logAnalyticsResourceId":                slash,
		"ossrDbmsResourceId":                    slash,
		"suffixes": map[string]any{
			"acrLoginServer":                      "azurecr.io",
			"azureDataLakeAnalyticsCatalogAndJob": "azuredatalakeanalytics.net",
			"azureDataLakeStoreFileSystem":        "azuredatalakestore.net",
			"azureFrontDoorEndpointSuffix":        "azurefd.net",
			"keyVaultDns":                         "vault.azure.net",
			"mhsmDns":                             "managedhsm.azure.net",
			"sqlServerHostname":                   "database.windows.net",
			"storage":                             "core.windows.net",
			"storageSyncEndpointSuffix":           "afs.azure.net",
			"mysqlServerEndpoint":                 "mysql.database.azure.com",
			"postgresqlServerEndpoint":            "postgres.database.azure.com",
			"mariadbServerEndpoint":               "mariadb.database.azure.com",
			"synapseAnalytics":                    "dev.azuresynapse.net",
			"attestationEndpoint":                 "attest.azure.net",
		},
	}})
}

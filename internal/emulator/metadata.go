package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// Cloud metadata: GET /metadata/endpoints, which clients with custom-cloud
// support (metadata_host, ARM_METADATA_HOSTNAME, `az cloud register
// --endpoint-resource-manager`, go-azure-sdk's environments.FromEndpoint)
// read to learn every endpoint. Every endpoint in the answer points at the
// emulator, so those clients need nothing else.
//
// Its shape depends on the api-version, as ARM's does:
//   - 2022-09-01 answers ONE cloud object, the cloud whose Resource Manager
//     was asked. go-azure-sdk (sdk/internal/metadata, metaDataResponse20220901)
//     and the Azure CLI (azure/cli/core/cloud.py, get_cloud_from_metadata_endpoint)
//     decode that version as an object.
//   - 2019-05-01 and 2020-06-01, the older versions, answer an ARRAY of clouds
//     (on Azure every public and sovereign cloud; here only the emulator's).
//
// Sources: shared/reference/aks-api.md §5.3 and the clients above.

// metadataShapes maps each api-version of the metadata endpoint to whether
// it answers an array (true) or a single cloud object (false).
var metadataShapes = map[string]bool{
	"2022-09-01": false,
	"2020-06-01": true,
	"2019-05-01": true,
}

// metadataVersions lists metadataShapes' versions for error messages, newest first.
var metadataVersions = []string{"2022-09-01", "2020-06-01", "2019-05-01"}

// handleMetadata answers the cloud metadata in the requested version's
// shape. A missing or unknown api-version gets ARM's 400: a client that
// relies on an unpublished default shape fails here as it would on Azure.
func (s *Server) handleMetadata(q *request) {
	v := q.r.URL.Query().Get("api-version")
	if v == "" {
		writeError(q, http.StatusBadRequest, "MissingApiVersionParameter",
			"The api-version query parameter (?api-version=) is required for all requests.", "")
		return
	}
	asArray, ok := metadataShapes[v]
	if !ok {
		writeError(q, http.StatusBadRequest, "InvalidApiVersionParameter",
			fmt.Sprintf("The api-version '%s' is invalid. The supported versions are '%s'.", v, strings.Join(metadataVersions, ", ")), "")
		return
	}
	c := cloudMetadata(q.baseURL())
	if asArray {
		writeJSON(q, http.StatusOK, []map[string]any{c})
		return
	}
	writeJSON(q, http.StatusOK, c)
}

// cloudMetadata is the emulator's cloud in ARM's metadata format.
func cloudMetadata(base string) map[string]any {
	slash := base + "/"
	return map[string]any{
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
		"microsoftGraphResourceId":              graphResourceID,
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
	}
}

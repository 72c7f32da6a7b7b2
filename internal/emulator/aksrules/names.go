package aksrules

import (
	"regexp"
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

var (
	// agentPoolNamePattern is the SPEC's agentPoolName pattern.
	agentPoolNamePattern = regexp.MustCompile(`^[a-z][a-z0-9]{0,11}$`)
	// clusterNamePattern is the SPEC's resourceName pattern (1-63 characters).
	clusterNamePattern = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`)
	// dnsPrefixPattern: 1-54 letters, digits and hyphens, starting and ending
	// with a letter or digit (the portal's and azurerm's documented rule).
	dnsPrefixPattern = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$`)
)

// Windows pool names are limited to 6 characters because Windows computer
// names (pool name + VMSS instance suffix) can't exceed 15.
const (
	maxLinuxPoolNameLength   = 12
	maxWindowsPoolNameLength = 6
)

// ARM's reserved resource names (azure-resource-manager "Resolve errors for
// reserved resource names"): whole-name words, substrings, and a prefix.
var (
	reservedNames = []string{
		"ACCESS", "APP_CODE", "APP_THEMES", "APP_DATA", "APP_GLOBALRESOURCES", "APP_LOCALRESOURCES",
		"APP_WEBREFERENCES", "APP_BROWSERS", "AZURE", "BING", "BIZSPARK", "BIZTALK", "CORTANA", "DIRECTX",
		"DOTNET", "DYNAMICS", "EXCEL", "EXCHANGE", "FOREFRONT", "GROOVE", "HOLOLENS", "HYPERV", "KINECT",
		"LYNC", "MSDN", "O365", "OFFICE", "OFFICE365", "ONEDRIVE", "ONENOTE", "OUTLOOK", "POWERPOINT",
		"SHAREPOINT", "SKYPE", "VISIO", "VISUALSTUDIO", "WEB.CONFIG", "XBOX",
	}
	reservedSubstrings = []string{"MICROSOFT", "WINDOWS"}
	reservedPrefixes   = []string{"LOGIN"}
)

// poolName is the pool's name: the core sets it from the URL; the ID is a
// fallback for callers that only set the ID.
func poolName(ap *armcontainerservice.AgentPool) string {
	if ap == nil {
		return ""
	}
	if isSet(ap.Name) {
		return *ap.Name
	}
	if isSet(ap.ID) {
		id := *ap.ID
		return id[strings.LastIndex(id, "/")+1:]
	}
	return ""
}

// checkPoolName: lowercase alphanumerics starting with a letter; Linux pools
// 1-12 characters, Windows pools 1-6 (create-node-pools.md; SDK models.go).
// Unverified text and code: ARM validates the path pattern before AKS sees
// the request; the message says which OS limit applied.
func checkPoolName(name string, osType armcontainerservice.OSType) *Error {
	limit, osName := maxLinuxPoolNameLength, "Linux"
	if strings.EqualFold(string(osType), string(armcontainerservice.OSTypeWindows)) {
		limit, osName = maxWindowsPoolNameLength, "Windows"
	}
	if agentPoolNamePattern.MatchString(name) && len(name) <= limit {
		return nil
	}
	return badRequest(codeInvalidParameter, "name",
		"The agent pool name '%s' is invalid. A %s agent pool name must be 1-%d characters long, start with a lowercase letter and contain only lowercase letters and numbers.",
		name, osName, limit)
}

// checkClusterName: the SPEC pattern, then ARM's reserved words.
func checkClusterName(name string) *Error {
	if !clusterNamePattern.MatchString(name) {
		// Unverified text: ARM/AKS reject the path before creation; the rule
		// is the SPEC's resourceName pattern.
		return badRequest(codeInvalidParameter, "resourceName",
			"The managed cluster name '%s' is invalid. It must be 1-63 characters long, start and end with a letter or a number, and contain only letters, numbers, underscores and hyphens.",
			name)
	}
	upper := strings.ToUpper(name)
	reserved := slices.Contains(reservedNames, upper) ||
		slices.ContainsFunc(reservedSubstrings, func(s string) bool { return strings.Contains(upper, s) }) ||
		slices.ContainsFunc(reservedPrefixes, func(p string) bool { return strings.HasPrefix(upper, p) })
	if reserved {
		return badRequest(codeReservedResourceName, "resourceName",
			"The resource name '%s' or a part of the name is a trademarked or reserved word.", name)
	}
	return nil
}

// checkDNSPrefix: dnsPrefix, when given, is a DNS label of 1-54 characters.
// Unverified text and code: the rule is documented (portal, azurerm); AKS's
// own wording isn't.
func checkDNSPrefix(prefix *string) *Error {
	if !isSet(prefix) || dnsPrefixPattern.MatchString(*prefix) {
		return nil
	}
	return badRequest(codeInvalidParameter, "dnsPrefix",
		"The DNS prefix '%s' is invalid. It must contain between 1 and 54 characters, contain only letters, numbers and hyphens, and start and end with a letter or a number.",
		*prefix)
}

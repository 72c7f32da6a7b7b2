package rules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	clusterNamePattern = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`)
	dnsPrefixPattern   = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$`)
)

// ARM refuses these whole names, these substrings, and this start in the names
// of resources with a public endpoint (an AKS cluster has an FQDN).
var (
	reservedWholeNames = []string{"ACCESS", "APP_CODE", "APP_THEMES", "APP_DATA", "APP_GLOBALRESOURCES",
		"APP_LOCALRESOURCES", "APP_WEBREFERENCES", "APP_BROWSERS", "AZURE", "BING", "BIZSPARK", "BIZTALK",
		"CORTANA", "DIRECTX", "DOTNET", "DYNAMICS", "EXCEL", "EXCHANGE", "FOREFRONT", "GROOVE", "HOLOLENS",
		"HYPERV", "KINECT", "LYNC", "MSDN", "O365", "OFFICE", "OFFICE365", "ONEDRIVE", "ONENOTE", "OUTLOOK",
		"POWERPOINT", "SHAREPOINT", "SKYPE", "VISIO", "VISUALSTUDIO", "XBOX"}
	reservedSubstrings = []string{"MICROSOFT", "WINDOWS"}
	reservedStarts     = []string{"LOGIN"}
)

// ClusterName validates a managed cluster name: 1-63 letters, digits, '-' and
// '_', starting and ending alphanumeric, and no reserved word.
func ClusterName() validator.String {
	return stringCheck{
		description: "must be 1-63 letters, digits, `-` and `_`, starting and ending with a letter or digit, without reserved words such as `microsoft` or `windows`",
		check: func(_ context.Context, name, value string) *problem {
			if !clusterNamePattern.MatchString(value) {
				return &problem{
					summary: "Invalid cluster name",
					detail: explain(fmt.Sprintf("%s = %q is not a valid managed cluster name.", name, value),
						"a managed cluster name is 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit",
						sourceNaming,
						fmt.Sprintf(`choose a name such as "aks-demo" for %s.`, name)),
				}
			}
			if word := reservedWord(value); word != "" {
				return &problem{
					summary: "Reserved word in cluster name",
					detail: explain(fmt.Sprintf("%s = %q uses the reserved word %s.", name, value, word),
						"names of resources with a public endpoint can't be a reserved word, contain MICROSOFT or WINDOWS, or start with LOGIN (case-insensitive); AKS answers InvalidParameter",
						sourceReservedNames,
						fmt.Sprintf("choose another name for %s.", name)),
				}
			}
			return nil
		},
	}
}

func reservedWord(name string) string {
	upper := strings.ToUpper(name)
	for _, w := range reservedWholeNames {
		if upper == w {
			return w
		}
	}
	for _, w := range reservedSubstrings {
		if strings.Contains(upper, w) {
			return w
		}
	}
	for _, w := range reservedStarts {
		if strings.HasPrefix(upper, w) {
			return w + " (at the start)"
		}
	}
	return ""
}

// DNSPrefix validates a cluster's dns_prefix: 1-54 letters, digits and '-',
// starting and ending with a letter or digit.
func DNSPrefix() validator.String {
	return stringCheck{
		description: "must be 1-54 letters, digits and `-`, starting and ending with a letter or digit",
		check: func(_ context.Context, name, value string) *problem {
			if dnsPrefixPattern.MatchString(value) {
				return nil
			}
			return &problem{
				summary: "Invalid DNS prefix",
				detail: explain(fmt.Sprintf("%s = %q is not a valid DNS prefix.", name, value),
					"the DNS prefix becomes part of the API server's FQDN: 1-54 characters of letters, digits and '-', starting and ending with a letter or digit",
					`the AKS docs "Troubleshoot AKS", naming restrictions (https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/aks-common-issues-faq)`,
					fmt.Sprintf(`choose a prefix such as "aks-demo" for %s.`, name)),
			}
		},
	}
}

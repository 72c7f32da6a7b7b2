package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

const sourceMOTD = `the AKS REST API 2025-10-01, messageOfTheDay ("Message of the day for Linux nodes ... It must not be specified for Windows nodes"), and the AKS docs "Message of the day" (https://learn.microsoft.com/azure/aks/enable-fips-nodes#message-of-the-day)`

// checkMessageOfTheDayLinux: the message of the day replaces /etc/motd on Linux nodes; AKS
// refuses it for Windows pools.
func checkMessageOfTheDayLinux(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.MessageOfTheDay) || !isSet(p.OSType) || p.OSType.ValueString() != OSTypeWindows {
		return nil
	}
	at := base.AtName("message_of_the_day")
	return diag.Diagnostics{ruleError(at, "Message of the day on a Windows pool",
		explain(fmt.Sprintf("%s is set on a pool with %s = %q.", shown(at), shown(base.AtName("os_type")), OSTypeWindows),
			"the message of the day is written to /etc/motd of Linux nodes and must not be specified for Windows nodes",
			sourceMOTD,
			fmt.Sprintf("remove %s from the Windows pool.", shown(at))))}
}

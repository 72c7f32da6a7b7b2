package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkWindowsCluster: Windows pools need a cluster created with a Windows
// profile, and Azure CNI (kubenet doesn't support Windows nodes).
func checkWindowsCluster(base path.Path, p Pool, c Cluster) diag.Diagnostics {
	if anyUnknown(p.OSType) || osType(p) != OSTypeWindows {
		return nil
	}
	at := base.AtName("os_type")
	var diags diag.Diagnostics
	if !c.HasWindowsProfile {
		diags.Append(ruleError(at, "Cluster has no Windows profile",
			explain(fmt.Sprintf(`%s = "Windows", but the cluster was created without a Windows profile.`, shown(at)),
				"Windows node pools need a cluster created with a Windows profile (admin user name and password); Windows support can't be enabled on a cluster created without it",
				sourceWindowsFAQ,
				"create the cluster with a windows_profile, or run this workload on a Linux pool.")))
	}
	if strings.EqualFold(c.NetworkPlugin, NetworkPluginKubenet) {
		diags.Append(ruleError(at, "Windows node pools need Azure CNI",
			explain(fmt.Sprintf(`%s = "Windows", but the cluster uses the kubenet network plugin.`, shown(at)),
				"clusters with Windows node pools must use Azure CNI; kubenet doesn't support Windows nodes",
				sourceCNI,
				"use a cluster with network_plugin = \"azure\", or run this workload on a Linux pool.")))
	}
	return diags
}

package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkAuthorizedIPRanges: authorized IP ranges restrict the public API server endpoint, which a
// private cluster doesn't have.
func checkAuthorizedIPRanges(c ClusterConfig) diag.Diagnostics {
	n, _ := setLen(c.APIServerAuthorizedIPRanges)
	if !isTrue(c.PrivateClusterEnabled) || n == 0 {
		return nil
	}
	at := path.Root("api_server_authorized_ip_ranges")
	return diag.Diagnostics{ruleError(at, "Authorized IP ranges don't apply to private clusters",
		explain(fmt.Sprintf("%s lists %d range(s), and private_cluster_enabled = true.", shown(at), n),
			"API server authorized IP ranges restrict the public API server endpoint; a private cluster's API server has no public endpoint",
			sourceAuthorizedIPs,
			fmt.Sprintf("remove %s, or set private_cluster_enabled = false.", shown(at))))}
}

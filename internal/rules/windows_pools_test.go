package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckWindowsCluster(t *testing.T) {
	win := Pool{Name: str("npwin"), OSType: str("Windows")}
	expectDiags(t, checkWindowsCluster(path.Empty(), win, demoCluster()),
		errAt("os_type", "Cluster has no Windows profile", "created without a Windows profile", "windows_profile"))
	c := demoCluster()
	c.HasWindowsProfile, c.NetworkPlugin = true, "kubenet"
	expectDiags(t, checkWindowsCluster(path.Empty(), win, c),
		errAt("os_type", "Windows node pools need Azure CNI", "kubenet"))
	c.NetworkPlugin = "azure"
	expectDiags(t, checkWindowsCluster(path.Empty(), win, c))
	expectDiags(t, checkWindowsCluster(path.Empty(), userPool(), demoCluster()))
	expectDiags(t, checkWindowsCluster(path.Empty(), Pool{OSType: types.StringUnknown()}, demoCluster()))
}

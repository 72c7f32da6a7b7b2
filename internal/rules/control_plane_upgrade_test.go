package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckControlPlaneUpgrade(t *testing.T) {
	v := types.StringValue
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.33.3")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.33")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.32.7")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", types.StringUnknown()))
	expectDiags(t, CheckControlPlaneUpgrade("", v("1.33")))
	expectDiags(t, CheckControlPlaneUpgrade("1.33.3", v("1.32.7")),
		errAt("kubernetes_version", "Control plane downgrade", "1.33.3"))
	expectDiags(t, CheckControlPlaneUpgrade("1.31.11", v("1.33.3")),
		errAt("kubernetes_version", "Control plane upgrade skips a minor version", "upgrade to 1.32 first"))
	expectDiags(t, CheckControlPlaneUpgrade("1.33.3", v("2.0")),
		errAt("kubernetes_version", "Control plane major version change"))
}

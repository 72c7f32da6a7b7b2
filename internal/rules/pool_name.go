package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Node pool name length limits. NodePoolName checks the charset; the length
// depends on os_type and is checked by CheckPool.
const (
	MaxLinuxPoolNameLength   = 12
	MaxWindowsPoolNameLength = 6
)

// NodePoolName validates a node pool name's characters: it must start with a
// lowercase letter and hold only lowercase letters and digits. The length
// (1-12 for Linux, 1-6 for Windows) depends on os_type: CheckPool checks it.
func NodePoolName() validator.String {
	return stringCheck{
		description: "must start with a lowercase letter and contain only lowercase letters and digits; 1-12 characters for Linux pools, 1-6 for Windows pools",
		check: func(_ context.Context, name, value string) *problem {
			found := poolNameCharsetProblem(name, value)
			if found == "" {
				return nil
			}
			return &problem{
				summary: "Invalid node pool name",
				detail: explain(found,
					"the name of a node pool may only contain lowercase alphanumeric characters and must begin with a lowercase letter; Linux pools 1-12 characters, Windows pools 1-6",
					sourceGuide,
					fmt.Sprintf(`choose a name such as "userpool1" for %s.`, name)),
			}
		},
	}
}

// poolNameCharsetProblem says what is wrong with the characters of the pool name value (shown
// as subject), or "" when AKS accepts them.
func poolNameCharsetProblem(subject, value string) string {
	const allowed = "abcdefghijklmnopqrstuvwxyz0123456789"
	switch {
	case value == "":
		return fmt.Sprintf("%s is empty.", subject)
	case value[0] < 'a' || value[0] > 'z':
		return fmt.Sprintf("%s = %q starts with %q, not a lowercase letter.", subject, value, value[:1])
	case strings.Trim(value, allowed) != "":
		bad := strings.Trim(value, allowed)
		return fmt.Sprintf("%s = %q contains %q; only lowercase letters and digits are allowed.", subject, value, bad[:1])
	}
	return ""
}

// maxPoolNameLength is the longest name a pool of osType may have.
func maxPoolNameLength(osType string) int {
	if strings.EqualFold(osType, OSTypeWindows) {
		return MaxWindowsPoolNameLength
	}
	return MaxLinuxPoolNameLength
}

// PoolNameProblem says why AKS would refuse name for a node pool of osType (OSTypeLinux or
// OSTypeWindows, matched case-insensitively), or returns "" when it accepts it: the characters
// NodePoolName checks and the length CheckPool checks, in one sentence for callers outside a
// schema, such as the node_pool_name_valid function. Source: the AKS guide's Limitations.
func PoolNameProblem(name, osType string) string {
	if found := poolNameCharsetProblem("the name", name); found != "" {
		return found
	}
	if limit := maxPoolNameLength(osType); len(name) > limit {
		return fmt.Sprintf("the name %q is %d characters long; %s node pools allow at most %d.", name, len(name), osTypeSpelling(osType), limit)
	}
	return ""
}

// osTypeSpelling is AKS's spelling of osType.
func osTypeSpelling(osType string) string {
	if strings.EqualFold(osType, OSTypeWindows) {
		return OSTypeWindows
	}
	return OSTypeLinux
}

// checkNameLength: Linux pool names 1-12 characters, Windows 1-6 (the
// charset is NodePoolName's).
func checkNameLength(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Name, p.OSType) || p.Name.IsNull() {
		return nil
	}
	name, os := p.Name.ValueString(), osType(p)
	limit := maxPoolNameLength(os)
	if len(name) <= limit {
		return nil
	}
	at := base.AtName("name")
	return diag.Diagnostics{ruleError(at, fmt.Sprintf("Node pool name too long for a %s pool", os),
		explain(fmt.Sprintf("%s = %q is %d characters long; %s node pools allow at most %d (the %s rule applied because os_type is %q).",
			shown(at), name, len(name), os, limit, os, os),
			"node pool names are 1-12 characters for Linux pools and 1-6 characters for Windows pools",
			sourceGuide,
			fmt.Sprintf("shorten %s to %d characters or fewer, e.g. %q.", shown(at), limit, name[:limit])))}
}

package rules

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Version is a Kubernetes version as AKS accepts it: "1.31" (an alias for the
// latest patch of the minor) or "1.31.2".
type Version struct {
	Major, Minor, Patch int
	// HasPatch is false for the "major.minor" alias.
	HasPatch bool
}

// ParseVersion reads "major.minor" or "major.minor.patch" (digits only, no "v" prefix).
func ParseVersion(s string) (Version, error) {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return Version{}, fmt.Errorf("%q is not major.minor or major.minor.patch", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || len(p) > 9 || strings.Trim(p, "0123456789") != "" {
			return Version{}, fmt.Errorf("%q is not major.minor or major.minor.patch: %q is not a number", s, p)
		}
		nums[i], _ = strconv.Atoi(p)
	}
	v := Version{Major: nums[0], Minor: nums[1]}
	if len(nums) == 3 {
		v.Patch, v.HasPatch = nums[2], true
	}
	return v, nil
}

// MustParseVersion is ParseVersion for constants; it panics on a bad version.
func MustParseVersion(s string) Version {
	v, err := ParseVersion(s)
	if err != nil {
		panic(err)
	}
	return v
}

func (v Version) String() string {
	if v.HasPatch {
		return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	return fmt.Sprintf("%d.%d", v.Major, v.Minor)
}

// MinorString is "major.minor".
func (v Version) MinorString() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// Compare returns -1, 0 or +1. Patches count only when both versions have one:
// the alias "1.31" stands for some 1.31 patch, so it equals "1.31.2".
func (v Version) Compare(o Version) int {
	switch {
	case v.Major != o.Major:
		return sign(v.Major - o.Major)
	case v.Minor != o.Minor:
		return sign(v.Minor - o.Minor)
	case v.HasPatch && o.HasPatch:
		return sign(v.Patch - o.Patch)
	}
	return 0
}

// AtLeast reports whether v ≥ o (see Compare for aliases).
func (v Version) AtLeast(o Version) bool { return v.Compare(o) >= 0 }

// Less reports whether v < o (see Compare for aliases).
func (v Version) Less(o Version) bool { return v.Compare(o) < 0 }

// MinorsBehind returns how many minor versions v is behind o (negative when
// ahead). ok is false across major versions, where minors don't compare.
func (v Version) MinorsBehind(o Version) (minors int, ok bool) {
	if v.Major != o.Major {
		return 0, false
	}
	return o.Minor - v.Minor, true
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// KubernetesVersion validates orchestrator_version / kubernetes_version:
// "major.minor" (AKS picks the latest patch) or "major.minor.patch".
func KubernetesVersion() validator.String {
	return stringCheck{
		description: `must be a Kubernetes version "major.minor" (for example "1.31", AKS picks the latest patch) or "major.minor.patch" (for example "1.31.2")`,
		check: func(_ context.Context, name, value string) *problem {
			if _, err := ParseVersion(value); err != nil {
				return &problem{
					summary: "Invalid Kubernetes version",
					detail: explain(
						fmt.Sprintf("%s = %q is not a Kubernetes version AKS accepts.", name, value),
						`AKS takes "major.minor" (an alias for the latest GA patch of that minor) or "major.minor.patch", digits only, without a "v" prefix`,
						sourceAPI+`, orchestratorVersion`,
						fmt.Sprintf(`set %s to a version such as "1.31" or "1.31.2"; "az aks get-versions --location <location>" lists those AKS offers.`, name),
					),
				}
			}
			return nil
		},
	}
}

package aksrules

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maxNodePoolMinorsBehind is how many minor versions a node pool may trail
// the control plane: three since Kubernetes 1.28 (aks-api.md §4.5,
// upgrade-aks-control-plane.md), although AKS's error text still says two.
const maxNodePoolMinorsBehind = 3

// kubeVersion is a parsed "major.minor[.patch]" Kubernetes version.
type kubeVersion struct {
	major, minor, patch int
	hasPatch            bool
}

func parseKubeVersion(s string) (kubeVersion, bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) != 2 && len(parts) != 3 {
		return kubeVersion{}, false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || (len(p) > 1 && p[0] == '0') {
			return kubeVersion{}, false
		}
		nums[i] = n
	}
	v := kubeVersion{major: nums[0], minor: nums[1]}
	if len(nums) == 3 {
		v.patch, v.hasPatch = nums[2], true
	}
	return v, true
}

func (v kubeVersion) String() string {
	if v.hasPatch {
		return fmt.Sprintf("%d.%d.%d", v.major, v.minor, v.patch)
	}
	return fmt.Sprintf("%d.%d", v.major, v.minor)
}

// compareVersions orders versions by major, minor, then patch.
func compareVersions(a, b kubeVersion) int {
	return cmp.Or(cmp.Compare(a.major, b.major), cmp.Compare(a.minor, b.minor), cmp.Compare(a.patch, b.patch))
}

// minorsBetween returns how many minor versions b is ahead of a (same major).
func minorsBetween(a, b kubeVersion) int {
	return (b.major-a.major)*1000 + b.minor - a.minor
}

// ResolveKubernetesVersion resolves a version as AKS does: "major.minor" is an
// alias for the latest GA patch of that minor offered in the location (the
// latest preview patch when the minor has only previews), "major.minor.patch"
// must be offered as is. It returns the patch version and whether it is
// offered.
func ResolveKubernetesVersion(w World, version string) (string, bool) {
	v, ok := parseKubeVersion(version)
	if !ok {
		return "", false
	}
	if v.hasPatch {
		for _, kv := range w.KubernetesVersions {
			if kv.Version == v.String() {
				return kv.Version, true
			}
		}
		return "", false
	}
	var bestGA, bestAny *kubeVersion
	for _, kv := range w.KubernetesVersions {
		p, ok := parseKubeVersion(kv.Version)
		if !ok || !p.hasPatch || p.major != v.major || p.minor != v.minor {
			continue
		}
		if bestAny == nil || compareVersions(p, *bestAny) > 0 {
			bestAny = to(p)
		}
		if !kv.IsPreview && (bestGA == nil || compareVersions(p, *bestGA) > 0) {
			bestGA = to(p)
		}
	}
	switch {
	case bestGA != nil:
		return bestGA.String(), true
	case bestAny != nil:
		return bestAny.String(), true
	}
	return "", false
}

// defaultKubernetesVersion is the version marked default in the location, or
// else the newest GA version offered.
func defaultKubernetesVersion(w World) string {
	var newest *kubeVersion
	for _, kv := range w.KubernetesVersions {
		if kv.IsDefault {
			return kv.Version
		}
		p, ok := parseKubeVersion(kv.Version)
		if ok && !kv.IsPreview && (newest == nil || compareVersions(p, *newest) > 0) {
			newest = to(p)
		}
	}
	if newest == nil {
		return ""
	}
	return newest.String()
}

// resolvedOrSelf resolves a version, falling back to the text itself so that
// callers comparing stored versions keep working for a version the location
// no longer offers.
func resolvedOrSelf(w World, version string) kubeVersion {
	if r, ok := ResolveKubernetesVersion(w, version); ok {
		version = r
	}
	v, _ := parseKubeVersion(version)
	return v
}

// controlPlaneVersion is the cluster's current control-plane version (the
// zero version when the cluster has none).
func controlPlaneVersion(w World, mc *armcontainerservice.ManagedCluster) kubeVersion {
	if mc == nil || mc.Properties == nil {
		return kubeVersion{}
	}
	for _, s := range []*string{mc.Properties.CurrentKubernetesVersion, mc.Properties.KubernetesVersion} {
		if isSet(s) {
			v := resolvedOrSelf(w, *s)
			if v.major > 0 {
				return v
			}
		}
	}
	return kubeVersion{}
}

// versionNotOffered is AKS's answer for a version the region doesn't offer.
func versionNotOffered(code, target, version string) *Error {
	return badRequest(code, target,
		"Version %s is not supported in this region. Please use [az aks get-versions] command to get the supported version list in this region. For more information, please check https://aka.ms/supported-version-list",
		version)
}

// checkClusterVersionOffered: the control-plane version must be offered
// (aliases resolve; preview versions are allowed).
func checkClusterVersionOffered(w World, version string) *Error {
	if version == "" {
		return nil
	}
	if _, ok := ResolveKubernetesVersion(w, version); !ok {
		return versionNotOffered(codeK8sVersionNotSupported, "kubernetesVersion", version)
	}
	return nil
}

// checkPoolVersionOffered: a pool's orchestratorVersion must be offered.
func checkPoolVersionOffered(w World, version string) *Error {
	if version == "" {
		return nil
	}
	if _, ok := ResolveKubernetesVersion(w, version); !ok {
		return versionNotOffered(codeAgentPoolK8sVersionNotSupported, "orchestratorVersion", version)
	}
	return nil
}

// checkPoolVersionSkew: a pool can't run a newer version than the control
// plane, nor trail it by more than maxNodePoolMinorsBehind minors
// (SUP/nodepoolmcversionincompatible-error.md texts).
func checkPoolVersionSkew(pool, controlPlane kubeVersion) *Error {
	if pool.major == 0 || controlPlane.major == 0 {
		return nil
	}
	incompatible := fmt.Sprintf("Node pool version %s and control plane version %s are incompatible.", pool, controlPlane)
	switch {
	case minorsBetween(controlPlane, pool) > 0:
		return badRequest(codeNodePoolVersionMismatch, "orchestratorVersion",
			"%s Minor version of node pool version %d is bigger than control plane version %d. For more information, please check https://aka.ms/version-skew-policy.",
			incompatible, pool.minor, controlPlane.minor)
	case minorsBetween(controlPlane, pool) == 0 && pool.patch > controlPlane.patch:
		// Unverified text: AKS documents only the minor-version variants; the
		// SDK says a pool version "cannot be greater than the control plane version".
		return badRequest(codeNodePoolVersionMismatch, "orchestratorVersion",
			"%s Patch version of node pool version %d is bigger than control plane version %d. For more information, please check https://aka.ms/version-skew-policy.",
			incompatible, pool.patch, controlPlane.patch)
	case minorsBetween(pool, controlPlane) > maxNodePoolMinorsBehind:
		return badRequest(codeNodePoolVersionMismatch, "orchestratorVersion",
			"%s Minor version of node pool cannot be more than %d versions less than control plane's version. For more information, please check https://aka.ms/version-skew-policy.",
			incompatible, maxNodePoolMinorsBehind)
	}
	return nil
}

// checkPoolNoDowngrade: a pool's version can't go down.
func checkPoolNoDowngrade(current, requested kubeVersion) *Error {
	if current.major == 0 || requested.major == 0 || compareVersions(requested, current) >= 0 {
		return nil
	}
	// Unverified text and code: AKS refuses node pool downgrades
	// (upgrade-node-pools.md "can't downgrade"); modelled on its control-plane
	// "Upgrading Kubernetes version ... is not allowed" answer.
	return badRequest(codeOperationNotAllowed, "orchestratorVersion",
		"Downgrading Kubernetes version %s to %s is not allowed. A node pool can only be upgraded. Please see https://aka.ms/aks-supported-k8s-ver for version details.",
		current, requested)
}

// checkControlPlaneUpgrade: the control plane can't be downgraded and can't
// skip a minor version (upgrade-aks-control-plane.md); the text is AKS's.
func checkControlPlaneUpgrade(w World, current, requested kubeVersion) *Error {
	if current.major == 0 || requested.major == 0 {
		return nil
	}
	if compareVersions(requested, current) >= 0 && minorsBetween(current, requested) <= 1 {
		return nil
	}
	return badRequest(codeOperationNotAllowed, "kubernetesVersion",
		"Upgrading Kubernetes version %s to %s is not allowed. Available upgrades: [%s]. Please see https://aka.ms/aks-supported-k8s-ver for version details.",
		current, requested, strings.Join(availableUpgrades(w, current), " "))
}

// availableUpgrades lists the offered versions a control plane at current may
// move to (newer, at most one minor ahead), newest first.
func availableUpgrades(w World, current kubeVersion) []string {
	var ups []kubeVersion
	for _, kv := range w.KubernetesVersions {
		v, ok := parseKubeVersion(kv.Version)
		if ok && compareVersions(v, current) > 0 && minorsBetween(current, v) <= 1 {
			ups = append(ups, v)
		}
	}
	slices.SortFunc(ups, func(a, b kubeVersion) int { return compareVersions(b, a) })
	out := make([]string, len(ups))
	for i, v := range ups {
		out[i] = v.String()
	}
	return out
}

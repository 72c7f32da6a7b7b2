package aksrules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Server defaults AKS fills in. Where AKS itself picks by rules that aren't
// public, the choice made here is documented and deterministic.
const (
	// defaultLinuxVMSize: AKS picks a size when none is given; the emulator
	// uses Standard_DS2_v2, the size Microsoft's node pool guide shows.
	defaultLinuxVMSize = "Standard_DS2_v2"
	// defaultWindowsVMSize is the CLI's Windows default (windows-containerd.md).
	defaultWindowsVMSize = "Standard_D2s_v3"
	// defaultMaxSurge is AKS's default for new pools.
	defaultMaxSurge = "10%"
	// defaultMaxAgentPools is the number of pools a cluster may have.
	defaultMaxAgentPools = 100
	// defaultTenantID is the emulator's default seed tenant, used for the
	// identity's tenantId and the OIDC issuer URL; the core may overwrite them
	// with the tenant it actually serves.
	defaultTenantID = "00000000-0000-4000-8000-000000000001"
	// windows2022FirstMinor: Windows2022 is the default Windows OS SKU from
	// Kubernetes 1.25 (SDK OSSKU doc; upgrade-os-version.md).
	windows2022FirstMinor = 25
)

// Network defaults. AKS's API default network plugin moved from kubenet to
// Azure CNI Overlay (the CLI stopped sending kubenet, azure-cli-extensions
// commit 9be8ceaa); the emulator defaults to Azure CNI Overlay.
const (
	defaultServiceCIDR  = "10.0.0.0/16"
	defaultDNSServiceIP = "10.0.0.10"
	defaultPodCIDR      = "10.244.0.0/16"
	defaultIdleTimeout  = 30
)

// stableHex derives n hex digits from the parts: generated values are the
// same every time for the same cluster.
func stableHex(n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(parts, "|"))))
	return hex.EncodeToString(sum[:])[:n]
}

// stableUUID derives a version-4-shaped UUID from the parts.
func stableUUID(parts ...string) string {
	h := stableHex(32, parts...)
	return fmt.Sprintf("%s-%s-4%s-8%s-%s", h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])
}

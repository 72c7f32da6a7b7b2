package aksrules

import (
	"testing"
)

func TestResolveKubernetesVersion(t *testing.T) {
	w := testWorld()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"1.33", "1.33.3", true},   // an alias resolves to the latest GA patch of its minor
		{"1.31", "1.31.11", true},  //
		{"1.33.2", "1.33.2", true}, // an offered patch stays as is
		{"1.34", "1.34.0", true},   // a preview-only minor resolves to its preview patch
		{"1.34.0", "1.34.0", true}, // preview versions are allowed
		{" 1.33 ", "1.33.3", true}, // surrounding spaces are tolerated
		{"1.33.9", "", false},      // patch not offered
		{"1.27", "", false},        // minor not offered
		{"1.33.0", "", false},      //
		{"1.33.03", "", false},     // malformed
		{"v1.33.3", "", false},     //
		{"1.33.3.1", "", false},    //
		{"1.33.3-beta", "", false}, //
		{"1", "", false},           //
		{"", "", false},            //
		{"latest", "", false},      //
		{"1..3", "", false},        //
		{"1.33.-1", "", false},     //
		{"01.33", "", false},       //
	}
	for _, tt := range tests {
		got, ok := ResolveKubernetesVersion(w, tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ResolveKubernetesVersion(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultKubernetesVersion(t *testing.T) {
	w := testWorld()
	if got := defaultKubernetesVersion(w); got != "1.33.3" {
		t.Fatalf("default = %q, want the IsDefault version 1.33.3", got)
	}
	w.KubernetesVersions = []KubernetesVersion{{Version: "1.32.7"}, {Version: "1.33.3"}, {Version: "1.34.0", IsPreview: true}}
	if got := defaultKubernetesVersion(w); got != "1.33.3" {
		t.Fatalf("default without IsDefault = %q, want the newest GA 1.33.3", got)
	}
}

func mustVersion(t *testing.T, s string) kubeVersion {
	t.Helper()
	v, ok := parseKubeVersion(s)
	if !ok {
		t.Fatalf("bad version %q", s)
	}
	return v
}

func TestCheckVersionOffered(t *testing.T) {
	w := testWorld()
	tests := []struct {
		name, version, code string
		cluster             bool
	}{
		{"pool alias", "1.32", "", false},
		{"pool patch", "1.32.6", "", false},
		{"pool preview", "1.34.0", "", false},
		{"pool unset", "", "", false},
		{"pool patch not offered", "1.32.1", codeAgentPoolK8sVersionNotSupported, false},
		{"cluster alias", "1.33", "", true},
		{"cluster minor not offered", "1.26", codeK8sVersionNotSupported, true},
		{"cluster malformed", "1.33.x", codeK8sVersionNotSupported, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := checkPoolVersionOffered
			if tt.cluster {
				check = checkClusterVersionOffered
			}
			wantError(t, check(w, tt.version), tt.code, "Version "+tt.version+" is not supported in this region. Please use [az aks get-versions] command")
		})
	}
}

// versionPairCase is a case of a rule that checks one Kubernetes version
// against another (pool and control plane, current and requested).
type versionPairCase struct {
	name, first, second, code, message string
}

// runVersionPairCases runs check on each case's two versions.
func runVersionPairCases(t *testing.T, check func(first, second kubeVersion) *Error, tests []versionPairCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, check(mustVersion(t, tt.first), mustVersion(t, tt.second)), tt.code, tt.message)
		})
	}
}

func TestCheckPoolVersionSkew(t *testing.T) {
	// pool, control plane
	runVersionPairCases(t, checkPoolVersionSkew, []versionPairCase{
		{"same version", "1.33.3", "1.33.3", "", ""},
		{"older patch", "1.33.2", "1.33.3", "", ""},
		{"three minors behind", "1.30.14", "1.33.3", "", ""},
		{"newer minor", "1.33.3", "1.32.7", codeNodePoolVersionMismatch,
			"Node pool version 1.33.3 and control plane version 1.32.7 are incompatible. Minor version of node pool version 33 is bigger than control plane version 32."},
		{"newer patch", "1.33.3", "1.33.2", codeNodePoolVersionMismatch, "Patch version of node pool version 3 is bigger than control plane version 2"},
		{"four minors behind", "1.29.15", "1.33.3", codeNodePoolVersionMismatch,
			"Minor version of node pool cannot be more than 3 versions less than control plane's version"},
	})
}

func TestCheckPoolNoDowngrade(t *testing.T) {
	// current, requested
	runVersionPairCases(t, checkPoolNoDowngrade, []versionPairCase{
		{"same", "1.32.7", "1.32.7", "", ""},
		{"upgrade several minors", "1.30.14", "1.33.3", "", ""},
		{"patch downgrade", "1.32.7", "1.32.6", codeOperationNotAllowed, "Downgrading Kubernetes version 1.32.7 to 1.32.6 is not allowed"},
		{"minor downgrade", "1.32.7", "1.31.11", codeOperationNotAllowed, "Downgrading Kubernetes version 1.32.7 to 1.31.11 is not allowed"},
	})
}

func TestCheckControlPlaneUpgrade(t *testing.T) {
	w := testWorld()
	upgrade := func(current, requested kubeVersion) *Error { return checkControlPlaneUpgrade(w, current, requested) }
	// current, requested
	runVersionPairCases(t, upgrade, []versionPairCase{
		{"patch upgrade", "1.32.6", "1.32.7", "", ""},
		{"next minor", "1.32.7", "1.33.3", "", ""},
		{"next minor to preview", "1.33.3", "1.34.0", "", ""},
		{"skips a minor", "1.31.11", "1.33.3", codeOperationNotAllowed,
			"Upgrading Kubernetes version 1.31.11 to 1.33.3 is not allowed. Available upgrades: [1.32.7 1.32.6]. Please see https://aka.ms/aks-supported-k8s-ver for version details."},
		{"downgrade", "1.33.3", "1.32.7", codeOperationNotAllowed, "Upgrading Kubernetes version 1.33.3 to 1.32.7 is not allowed. Available upgrades: [1.34.0]"},
	})
}

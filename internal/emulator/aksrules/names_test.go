package aksrules

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckPoolName(t *testing.T) {
	linux, windows := armcontainerservice.OSTypeLinux, armcontainerservice.OSTypeWindows
	tests := []struct {
		name    string
		pool    string
		osType  armcontainerservice.OSType
		code    string
		message string
	}{
		{"linux twelve characters", "abcdefghijkl", linux, "", ""},
		{"single letter", "a", linux, "", ""},
		{"letters and digits", "pool1", linux, "", ""},
		{"windows six characters", "win123", windows, "", ""},
		{"linux thirteen characters", "abcdefghijklm", linux, codeInvalidParameter, "A Linux agent pool name must be 1-12 characters"},
		{"windows seven characters", "windows", windows, codeInvalidParameter, "A Windows agent pool name must be 1-6 characters"},
		{"upper case", "Pool1", linux, codeInvalidParameter, "'Pool1' is invalid"},
		{"starts with a digit", "1pool", linux, codeInvalidParameter, "start with a lowercase letter"},
		{"hyphen", "my-pool", linux, codeInvalidParameter, "only lowercase letters and numbers"},
		{"empty", "", linux, codeInvalidParameter, "is invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkPoolName(tt.pool, tt.osType), tt.code, tt.message)
		})
	}
}

func TestCheckClusterName(t *testing.T) {
	tests := []struct {
		name, cluster, code, message string
	}{
		{"simple", "demo", "", ""},
		{"single character", "a", "", ""},
		{"underscores and hyphens inside", "my_cluster-1", "", ""},
		{"sixty-three characters", strings.Repeat("a", 63), "", ""},
		{"login later in the name", "mylogin", "", ""},
		{"sixty-four characters", strings.Repeat("a", 64), codeInvalidParameter, "1-63 characters"},
		{"ends with a hyphen", "demo-", codeInvalidParameter, "start and end with a letter or a number"},
		{"dot", "my.cluster", codeInvalidParameter, "is invalid"},
		{"reserved whole word", "Azure", codeReservedResourceName, "The resource name 'Azure' or a part of the name is a trademarked or reserved word."},
		{"reserved substring", "mymicrosoftcluster", codeReservedResourceName, "trademarked or reserved word"},
		{"windows substring", "win-WINDOWS-1", codeReservedResourceName, "trademarked or reserved word"},
		{"login prefix", "loginservice", codeReservedResourceName, "trademarked or reserved word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkClusterName(tt.cluster), tt.code, tt.message)
		})
	}
}

func TestCheckDNSPrefix(t *testing.T) {
	tests := []struct {
		name    string
		prefix  *string
		code    string
		message string
	}{
		{"unset", nil, "", ""},
		{"simple", to("dnsprefix1"), "", ""},
		{"leading digit", to("2ndcluster"), "", ""},
		{"fifty-four characters", to(strings.Repeat("a", 54)), "", ""},
		{"fifty-five characters", to(strings.Repeat("a", 55)), codeInvalidParameter, "between 1 and 54 characters"},
		{"underscore", to("my_prefix"), codeInvalidParameter, "only letters, numbers and hyphens"},
		{"trailing hyphen", to("prefix-"), codeInvalidParameter, "start and end with a letter or a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkDNSPrefix(tt.prefix), tt.code, tt.message)
		})
	}
}

func TestPoolNameFromID(t *testing.T) {
	ap := &armcontainerservice.AgentPool{ID: to(testClusterID + "/agentPools/userpool")}
	if got := poolName(ap); got != "userpool" {
		t.Fatalf("poolName from ID = %q, want userpool", got)
	}
	ap.Name = to("named")
	if got := poolName(ap); got != "named" {
		t.Fatalf("poolName prefers Name: got %q", got)
	}
}

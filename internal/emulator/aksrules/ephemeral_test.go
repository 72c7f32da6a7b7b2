package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestDefaultOSDisk(t *testing.T) {
	ephemeral, managed := armcontainerservice.OSDiskTypeEphemeral, armcontainerservice.OSDiskTypeManaged
	tests := []struct {
		name     string
		vmSize   string
		size     int32
		diskType armcontainerservice.OSDiskType
		wantSize int32
		wantType armcontainerservice.OSDiskType
	}{
		{"cache smaller than the 128 GB default", "Standard_DS2_v2", 0, "", 128, managed},
		{"cache holds the 128 GB default", "Standard_DS3_v2", 0, "", 128, ephemeral},
		{"8 vCPUs default to 256 GB", "Standard_DS4_v2", 0, "", 256, ephemeral},
		{"64 vCPUs default to 1024 GB", "Standard_D64s_v3", 0, "", 1024, ephemeral},
		{"16 vCPUs without ephemeral support", "Standard_D16s_v5", 0, "", 512, managed},
		{"temp disk of 300 GiB is used whole", "Standard_D8ds_v5", 0, "", 300, ephemeral},
		{"temp disk under 128 GiB", "Standard_D2ds_v5", 0, "", 128, managed},
		{"NVMe disk capped at 2040 GiB", "Standard_D128ds_v6", 0, "", 2040, ephemeral},
		{"no ephemeral support", "Standard_D2s_v5", 0, "", 128, managed},
		{"unknown cache defaults to managed", "Standard_B2s", 0, "", 128, managed},
		{"requested size fits the cache", "Standard_DS2_v2", 64, "", 64, ephemeral},
		{"requested size exceeds the cache", "Standard_DS2_v2", 100, "", 100, managed},
		{"explicit managed keeps the vCPU default", "Standard_DS3_v2", 0, managed, 128, managed},
		{"explicit managed on a big temp disk", "Standard_D8ds_v5", 0, managed, 256, managed},
		{"explicit ephemeral takes the temp size", "Standard_D8ds_v5", 0, ephemeral, 300, ephemeral},
		{"explicit ephemeral too big stays for validation", "Standard_DS2_v2", 0, ephemeral, 128, ephemeral},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
			if tt.size != 0 {
				p.OSDiskSizeGB = to(tt.size)
			}
			if tt.diskType != "" {
				p.OSDiskType = to(tt.diskType)
			}
			defaultOSDisk(mustSKU(t, tt.vmSize), p)
			if deref(p.OSDiskSizeGB) != tt.wantSize || deref(p.OSDiskType) != tt.wantType {
				t.Fatalf("got %d GB %s, want %d GB %s", deref(p.OSDiskSizeGB), deref(p.OSDiskType), tt.wantSize, tt.wantType)
			}
		})
	}
}

func TestCheckEphemeralOSDisk(t *testing.T) {
	ephemeral := to(armcontainerservice.OSDiskTypeEphemeral)
	tests := []struct {
		name     string
		vmSize   string
		size     int32
		diskType *armcontainerservice.OSDiskType
		code     string
		message  string
	}{
		{"fits the cache", "Standard_DS2_v2", 64, ephemeral, "", ""},
		{"exactly the cache", "Standard_DS3_v2", 172, ephemeral, "", ""},
		{"managed is never measured", "Standard_DS2_v2", 1024, to(armcontainerservice.OSDiskTypeManaged), "", ""},
		{"fits the temp disk", "Standard_D4ds_v5", 150, ephemeral, "", ""},
		{"fits the NVMe disk", "Standard_D2pds_v6", 110, ephemeral, "", ""},
		{"unknown cache size invents no limit", "Standard_B2s", 1000, ephemeral, "", ""},
		{"cache too small", "Standard_DS2_v2", 128, ephemeral, codeVMCacheSizeTooSmall,
			"The virtual machine size Standard_DS2_v2 has a cache size of 92341796864 bytes, but the OS disk requires 137438953472 bytes. Use a VM size with larger cache or disable ephemeral OS."},
		{"known cache with unknown support", "Standard_E2s_v3", 64, ephemeral, codeVMCacheSizeTooSmall,
			"has a cache size of 53687091200 bytes, but the OS disk requires 68719476736 bytes"},
		{"temp disk too small", "Standard_D4ds_v5", 151, ephemeral, codeVMCacheSizeTooSmall,
			"The virtual machine size Standard_D4ds_v5 has a temporary disk size of 161061273600 bytes, but the OS disk requires 162135015424 bytes. Use a VM size with larger temporary disk or disable ephemeral OS."},
		{"NVMe disk too small", "Standard_D2pds_v6", 128, ephemeral, codeVMCacheSizeTooSmall,
			"has an NVMe disk size of 118111600640 bytes, but the OS disk requires 137438953472 bytes. Use a VM size with larger NVMe disk"},
		{"no ephemeral support", "Standard_D2s_v5", 64, ephemeral, codeInvalidParameter,
			"The Virtual Machine size Standard_D2s_v5 does not support Ephemeral OS disk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{OSDiskSizeGB: to(tt.size), OSDiskType: tt.diskType}
			wantError(t, checkEphemeralOSDisk(mustSKU(t, tt.vmSize), p), tt.code, tt.message)
		})
	}
}

func TestCheckOSDiskSize(t *testing.T) {
	tests := []struct {
		name string
		size *int32
		code string
	}{
		{"unset", nil, ""},
		{"zero means default", to[int32](0), ""},
		{"minimum", to[int32](30), ""},
		{"maximum", to[int32](2048), ""},
		{"under the image size", to[int32](29), codeInvalidParameter},
		{"over the maximum", to[int32](2049), codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{OSDiskSizeGB: tt.size}
			wantError(t, checkOSDiskSize(p), tt.code, "the minimum size for AKS node images is 30 GB")
		})
	}
}

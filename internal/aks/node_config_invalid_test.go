package aks_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

type poolBody = armcontainerservice.ManagedClusterAgentPoolProfileProperties

// invalidNodeConfig is one configuration AKS refuses: as HCL (kubelet_config and linux_os_config
// bodies, empty for none), the plan error it gets, and the same request for the emulator with
// AKS's error code and a part of its message.
type invalidNodeConfig struct {
	name            string
	windows         bool
	kubelet, osConf string
	want            string
	edit            func(p *poolBody)
	code, message   string
}

var invalidNodeConfigs = []invalidNodeConfig{
	{"unknown CPU manager policy", false, `cpu_manager_policy = "dynamic"`, ``, `(?s)kubelet_config.cpu_manager_policy.*"none".*"static".*"dynamic"`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{CPUManagerPolicy: to.Ptr("dynamic")}
		}, "InvalidParameter", "kubeletConfig.cpuManagerPolicy"},
	{"unknown topology manager policy", false, `topology_manager_policy = "numa"`, ``, `(?s)kubelet_config.topology_manager_policy.*single-numa-node`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{TopologyManagerPolicy: to.Ptr("numa")}
		}, "InvalidParameter", "topologyManagerPolicy"},
	{"CPU CFS quota period without a unit", false, `cpu_cfs_quota_period = "200"`, ``, `(?s)Invalid CPU CFS quota period.*cpu_cfs_quota_period.*Rule:.*unit.*Fix:.*"200ms"`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{CPUCfsQuotaPeriod: to.Ptr("200")}
		}, "InvalidParameter", "cpuCfsQuotaPeriod"},
	{"image GC high threshold above 100", false, `image_gc_high_threshold = 101`, ``, `(?s)out of range.*image_gc_high_threshold = 101.*from 0 to 100.*Fix:`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{ImageGcHighThreshold: to.Ptr[int32](101)}
		}, "InvalidParameter", "between 0 and 100"},
	{"image GC low threshold above the high one", false, "image_gc_high_threshold = 70\n    image_gc_low_threshold = 90", ``,
		`(?s)low threshold above the high threshold.*image_gc_low_threshold = 90.*Rule:.*Fix:.*at most 70`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{ImageGcHighThreshold: to.Ptr[int32](70), ImageGcLowThreshold: to.Ptr[int32](90)}
		}, "InvalidParameter", "cannot be higher"},
	{"one container log file", false, `container_log_max_files = 1`, ``, `(?s)container_log_max_files = 1.*containerLogMaxFiles from 2.*Fix:`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{ContainerLogMaxFiles: to.Ptr[int32](1)}
		}, "InvalidParameter", "containerLogMaxFiles"},
	{"pod PID limit below -1", false, `pod_max_pid = -2`, ``, `(?s)pod_max_pid = -2.*podMaxPids from -1`,
		func(p *poolBody) { p.KubeletConfig = &armcontainerservice.KubeletConfig{PodMaxPids: to.Ptr[int32](-2)} }, "InvalidParameter", "podMaxPids"},
	{"unsafe sysctl outside the namespaced ones", false, `allowed_unsafe_sysctls = ["kernel.*"]`, ``, `(?s)Unsafe sysctl not allowed.*"kernel.\*".*Rule:.*kernel.shm\*.*Fix:`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{AllowedUnsafeSysctls: []*string{to.Ptr("kernel.*")}}
		}, "InvalidParameter", "'kernel.*'"},
	{"unknown transparent huge page setting", false, ``, `transparent_huge_page = "sometimes"`, `(?s)linux_os_config.transparent_huge_page.*"always".*"madvise".*"never"`,
		func(p *poolBody) {
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{TransparentHugePageEnabled: to.Ptr("sometimes")}
		}, "InvalidParameter", "transparentHugePageEnabled"},
	{"swap file with fail_swap_on", false, `fail_swap_on = true`, `swap_file_size_mb = 1500`, `(?s)Swap file needs fail_swap_on = false.*Rule:.*Fix:.*fail_swap_on = false`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{FailSwapOn: to.Ptr(true)}
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{SwapFileSizeMB: to.Ptr[int32](1500)}
		}, "InvalidParameter", "failSwapOn to be false"},
	{"swap file larger than the temporary disk", false, `fail_swap_on = false`, `swap_file_size_mb = 20000`, `(?s)Swap file larger than the temporary disk.*Standard_DS2_v2.*14336 MB.*Fix:`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{FailSwapOn: to.Ptr(false)}
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{SwapFileSizeMB: to.Ptr[int32](20000)}
		}, "InvalidParameter", "temporary disk"},
	{"somaxconn below its interval", false, ``, `sysctl_config = { net_core_somaxconn = 1024 }`, `(?s)net_core_somaxconn = 1024.*net.core.somaxconn from 4096 to 3240000`,
		func(p *poolBody) {
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{Sysctls: &armcontainerservice.SysctlConfig{NetCoreSomaxconn: to.Ptr[int32](1024)}}
		}, "InvalidParameter", "netCoreSomaxconn"},
	{"swappiness above 100", false, ``, `sysctl_config = { vm_swappiness = 101 }`, `(?s)vm_swappiness = 101.*vm.swappiness from 0 to 100`,
		func(p *poolBody) {
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{Sysctls: &armcontainerservice.SysctlConfig{VMSwappiness: to.Ptr[int32](101)}}
		}, "InvalidParameter", "vmSwappiness"},
	{"reversed local port range", false, ``, `sysctl_config = { net_ipv4_ip_local_port_range = "60000 40000" }`, `(?s)Invalid local port range.*"60000 40000".*Rule:.*Fix:`,
		func(p *poolBody) {
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{Sysctls: &armcontainerservice.SysctlConfig{NetIPv4IPLocalPortRange: to.Ptr("60000 40000")}}
		}, "InvalidParameter", "netIpv4IpLocalPortRange"},
	{"OS configuration on a Windows pool", true, ``, `transparent_huge_page = "madvise"`, `(?s)Custom OS configuration not supported on Windows pools.*linux_os_config.*Fix:.*remove linux_os_config`,
		func(p *poolBody) {
			p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{TransparentHugePageEnabled: to.Ptr("madvise")}
		}, "InvalidParameter", "not supported for OS type Windows"},
	{"Linux-only kubelet setting on a Windows pool", true, "image_gc_high_threshold = 90\n    cpu_manager_policy = \"static\"", ``,
		`(?s)Kubelet setting not supported on Windows pools.*kubelet_config.cpu_manager_policy.*Fix:.*remove`,
		func(p *poolBody) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{ImageGcHighThreshold: to.Ptr[int32](90), CPUManagerPolicy: to.Ptr("static")}
		}, "InvalidParameter", "not supported for Windows agent pools"},
}

func (c invalidNodeConfig) hcl() string {
	var b strings.Builder
	b.WriteString("  node_count = 1\n  vm_size = \"Standard_DS2_v2\"\n")
	if c.windows {
		b.WriteString("  os_type = \"Windows\"\n")
	}
	if c.kubelet != "" {
		fmt.Fprintf(&b, "  kubelet_config = {\n    %s\n  }\n", c.kubelet)
	}
	if c.osConf != "" {
		fmt.Fprintf(&b, "  linux_os_config = {\n    %s\n  }\n", c.osConf)
	}
	return b.String()
}

// Each invalid kubelet_config or linux_os_config fails at plan, naming the attribute, the rule
// and the fix, and the emulator sees no write.
func TestAccNodeConfig_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createCluster(t, srv, testCluster{Name: "aks-demo", Windows: true})
	srv.ResetJournal()
	if len(invalidNodeConfigs) < 8 {
		t.Fatalf("only %d invalid configurations", len(invalidNodeConfigs))
	}
	var steps []resource.TestStep
	for _, c := range invalidNodeConfigs {
		name := "custom"
		if c.windows {
			name = "win"
		}
		steps = append(steps, resource.TestStep{
			Config:      poolConfig(cluster, name, c.hcl()),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatal(err)
	}
}

// The same requests sent straight to the emulator get AKS's error.
func TestAccNodeConfig_invalidRequestsRefusedByTheEmulator(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, testCluster{Name: "aks-demo", Windows: true})
	client := sdkFactory(t, srv).NewAgentPoolsClient()
	for _, c := range invalidNodeConfigs {
		t.Run(c.name, func(t *testing.T) {
			p := &poolBody{Count: to.Ptr[int32](1), VMSize: to.Ptr("Standard_DS2_v2"), OSType: to.Ptr(armcontainerservice.OSTypeLinux)}
			name := "custom"
			if c.windows {
				name, p.OSType = "win", to.Ptr(armcontainerservice.OSTypeWindows)
			}
			c.edit(p)
			_, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", name, armcontainerservice.AgentPool{Properties: p}, nil)
			var respErr *azcore.ResponseError
			if !errors.As(err, &respErr) {
				t.Fatalf("want AKS's %s, got %v", c.code, err)
			}
			if respErr.ErrorCode != c.code || !strings.Contains(err.Error(), c.message) {
				t.Fatalf("want %s containing %q, got %s: %v", c.code, c.message, respErr.ErrorCode, err)
			}
		})
	}
}

// default_node_pool gets the same rules, at its own paths.
func TestAccNodeConfig_invalidDefaultPoolFailsAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	pool := `    node_count = 1
    vm_size    = "Standard_DS2_v2"
    kubelet_config = {
      image_gc_high_threshold = 60
      image_gc_low_threshold  = 70
    }
    linux_os_config = {
      swap_file_size_mb = 1024
    }`
	acctest.Test(t, []resource.TestStep{
		{
			Config:      clusterHCL("aks-demo", guideVersion, pool),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)default_node_pool.kubelet_config.image_gc_low_threshold\s+=\s+70`),
		},
		{
			Config:      clusterHCL("aks-demo", guideVersion, pool),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Swap\s+file\s+needs\s+fail_swap_on\s+=\s+false.*default_node_pool.kubelet_config.fail_swap_on\s+=\s+false`),
		},
	})
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatal(err)
	}
}

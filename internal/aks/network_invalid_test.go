package aks_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// A Windows pool of Microsoft's WindowsDisableOutboundNAT example, with extra HCL.
const netWindowsPoolHCL = "os_type = \"Windows\"\n  os_sku = \"Windows2022\"\n  vm_size = \"Standard_D4s_v3\"\n  "

// Invalid node networking configurations fail at plan time with the attribute, the rule and
// the fix, and the emulator sees no write.
func TestAccNetwork_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	lb := createCluster(t, srv, testCluster{Name: "aks-lb", Windows: true})
	nat := createNATCluster(t, srv, "aks-nat")
	srv.ResetJournal()

	zone := func(field, name, settings string) string {
		return fmt.Sprintf("local_dns_profile = {\n    %s = {\n      %q = { %s }\n    }\n  }", field, name, settings)
	}
	cases := []struct{ name, cluster, pool, args, want string }{
		{"prefix without node public IPs", lb, "prefix", fmt.Sprintf("node_public_ip_prefix_id = %q", netPrefixID),
			`(?s)node_public_ip_prefix_id.*node public IPs are enabled.*Fix: set node_public_ip_enabled = true`},
		{"prefix ID of another resource type", lb, "prefixid", fmt.Sprintf("node_public_ip_enabled = true\n  node_public_ip_prefix_id = %q", netASGID),
			`(?s)node_public_ip_prefix_id.*Microsoft.Network/applicationSecurityGroups, not a.*publicIPPrefixes.*Fix`},
		{"ASG ID of another resource type", lb, "asgid", fmt.Sprintf("node_network_profile = { application_security_group_ids = [%q] }", netPrefixID),
			`(?s)application_security_group_ids.*not a.*applicationSecurityGroups.*Fix`},
		{"host port 0", lb, "port0", `node_network_profile = { allowed_host_ports = [{ port_start = 0, port_end = 80, protocol = "TCP" }] }`,
			`(?s)allowed_host_ports\[0\]\.port_start.*between 1 and 65535`},
		{"host port range ending before it starts", lb, "portrev", `node_network_profile = { allowed_host_ports = [{ port_start = 443, port_end = 80, protocol = "TCP" }] }`,
			`(?s)allowed_host_ports\[0\] has port_start = 443 and port_end.*port_start must be less than or equal to its port_end.*Fix: swap`},
		{"host port protocol ICMP", lb, "icmp", `node_network_profile = { allowed_host_ports = [{ port_start = 80, port_end = 80, protocol = "ICMP" }] }`,
			`(?s)allowed_host_ports\[0\]\.protocol.*"TCP".*"UDP"`},
		{"OutboundNAT disabled on a Linux pool", nat, "linnat", `windows_profile = { outbound_nat_enabled = false }`,
			`(?s)windows_profile\.outbound_nat_enabled.*only on Windows node pools.*Fix: set os_type = "Windows"`},
		{"OutboundNAT disabled with node public IPs", nat, "wpip", netWindowsPoolHCL + "node_public_ip_enabled = true\n  windows_profile = { outbound_nat_enabled = false }",
			`(?s)windows_profile\.outbound_nat_enabled.*without node public IPs.*Fix: set node_public_ip_enabled = false`},
		{"OutboundNAT disabled on a load balancer cluster", lb, "wlb", netWindowsPoolHCL + "windows_profile = { outbound_nat_enabled = false }",
			`(?s)windows_profile\.outbound_nat_enabled.*outbound type is loadBalancer.*Fix: change the cluster's network_profile.outbound_type`},
		{"unknown LocalDNS mode", lb, "dnsmode", `local_dns_profile = { mode = "Always" }`, `(?s)local_dns_profile\.mode.*"Preferred".*"Required".*"Disabled"`},
		{"VnetDNS root zone to ClusterCoreDNS", lb, "dnsroot", zone("vnet_dns_overrides", ".", `forward_destination = "ClusterCoreDNS"`),
			`(?s)vnet_dns_overrides\["\."\]\.forward_destination.*can't forward to ClusterCoreDNS.*Fix: set forward_destination = "VnetDNS"`},
		{"cluster.local to VnetDNS", lb, "dnsclus", zone("kube_dns_overrides", "cluster.local", `forward_destination = "VnetDNS"`),
			`(?s)kube_dns_overrides\["cluster\.local"\]\.forward_destination.*can't forward to VnetDNS.*Fix: set forward_destination = "ClusterCoreDNS"`},
		{"ForceTCP with serve_stale Verify", lb, "dnstcp", zone("vnet_dns_overrides", "example.com", `protocol = "ForceTCP", serve_stale = "Verify"`),
			`(?s)vnet_dns_overrides\["example\.com"\]\.serve_stale.*ForceTCP.*Fix: set serve_stale = "Immediate"`},
		{"unknown serve_stale", lb, "dnsstale", zone("kube_dns_overrides", "example.com", `serve_stale = "Always"`), `(?s)serve_stale.*"Verify".*"Immediate".*"Disable"`},
		{"LocalDNS on a Windows pool", lb, "wdns", netWindowsPoolHCL + `local_dns_profile = { mode = "Required" }`,
			`(?s)local_dns_profile.*Windows node pools aren't supported.*Fix: remove local_dns_profile`},
		{"LocalDNS on Kubernetes 1.30", lb, "dns130", "orchestrator_version = \"1.30\"\n  local_dns_profile = { mode = \"Required\" }",
			`(?s)local_dns_profile.*not supported before Kubernetes 1\.31.*Fix: run the pool on Kubernetes 1\.31 or later`},
	}
	var steps []resource.TestStep
	for i, c := range cases {
		previous := ""
		if i > 0 {
			previous = cases[i-1].name
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
					t.Fatalf("after %q: %v", previous, err)
				}
			},
			Config:      poolConfig(c.cluster, c.pool, "  "+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatalf("after %q: %v", cases[len(cases)-1].name, err)
	}
}

// The same requests sent straight to the emulator with the SDK get AKS's errors.
func TestAccNetwork_invalidRequestsRefusedByEmulator(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, testCluster{Name: "aks-lb", Windows: true})
	createNATCluster(t, srv, "aks-nat")
	linux := func(edit func(p *netPoolProps)) *netPoolProps {
		p := &netPoolProps{Count: to.Ptr[int32](1), VMSize: to.Ptr("Standard_D4s_v3")}
		edit(p)
		return p
	}
	windows := func(edit func(p *netPoolProps)) *netPoolProps {
		return linux(func(p *netPoolProps) {
			p.OSType, p.OSSKU = to.Ptr(armcontainerservice.OSTypeWindows), to.Ptr(armcontainerservice.OSSKUWindows2022)
			p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to.Ptr(true)}
			edit(p)
		})
	}
	ports := func(start, end int32, protocol armcontainerservice.Protocol) func(p *netPoolProps) {
		return func(p *netPoolProps) {
			p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{AllowedHostPorts: []*armcontainerservice.PortRange{
				{PortStart: to.Ptr(start), PortEnd: to.Ptr(end), Protocol: to.Ptr(protocol)},
			}}
		}
	}
	dns := func(vnet bool, zone string, o armcontainerservice.LocalDNSOverride) func(p *netPoolProps) {
		return func(p *netPoolProps) {
			m := map[string]*armcontainerservice.LocalDNSOverride{zone: &o}
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModeRequired), KubeDNSOverrides: m}
			if vnet {
				p.LocalDNSProfile.KubeDNSOverrides, p.LocalDNSProfile.VnetDNSOverrides = nil, m
			}
		}
	}
	cases := []struct {
		name, cluster, pool string
		body                *netPoolProps
		want                string
	}{
		{"prefix without node public IPs", "aks-lb", "prefix", linux(func(p *netPoolProps) { p.NodePublicIPPrefixID = to.Ptr(netPrefixID) }), "only be set when EnableNodePublicIP is true"},
		{"host port 0", "aks-lb", "port0", linux(ports(0, 80, armcontainerservice.ProtocolTCP)), "ports must be between 1 and 65535"},
		{"host port range ending before it starts", "aks-lb", "portrev", linux(ports(443, 80, armcontainerservice.ProtocolTCP)), "portStart must be less than or equal to portEnd"},
		{"host port protocol ICMP", "aks-lb", "icmp", linux(ports(80, 80, "ICMP")), "must be TCP or UDP"},
		{"OutboundNAT disabled on a Linux pool", "aks-nat", "linnat", linux(func(p *netPoolProps) {
			p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to.Ptr(true)}
		}), "only be set for Windows agent pools"},
		{"OutboundNAT disabled with node public IPs", "aks-nat", "wpip", windows(func(p *netPoolProps) { p.EnableNodePublicIP = to.Ptr(true) }), "node public IP enabled"},
		{"OutboundNAT disabled on a load balancer cluster", "aks-lb", "wlb", windows(func(*netPoolProps) {}), "not loadBalancer"},
		{"unknown LocalDNS mode", "aks-lb", "dnsmode", linux(func(p *netPoolProps) {
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr[armcontainerservice.LocalDNSMode]("Always")}
		}), "Mode 'Always' is invalid"},
		{"VnetDNS root zone to ClusterCoreDNS", "aks-lb", "dnsroot", linux(dns(true, ".", armcontainerservice.LocalDNSOverride{
			ForwardDestination: to.Ptr(armcontainerservice.LocalDNSForwardDestinationClusterCoreDNS)})), "zone '.' in vnetDNSOverrides can't be ClusterCoreDNS"},
		{"cluster.local to VnetDNS", "aks-lb", "dnsclus", linux(dns(false, "cluster.local", armcontainerservice.LocalDNSOverride{
			ForwardDestination: to.Ptr(armcontainerservice.LocalDNSForwardDestinationVnetDNS)})), "'cluster.local' in kubeDNSOverrides can't be VnetDNS"},
		{"ForceTCP with serve_stale Verify", "aks-lb", "dnstcp", linux(dns(true, "example.com", armcontainerservice.LocalDNSOverride{
			Protocol: to.Ptr(armcontainerservice.LocalDNSProtocolForceTCP), ServeStale: to.Ptr(armcontainerservice.LocalDNSServeStaleVerify)})), "ServeStale Verify can't be used with protocol ForceTCP"},
		{"LocalDNS on a Windows pool", "aks-lb", "wdns", windows(func(p *netPoolProps) {
			p.WindowsProfile = nil
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModeRequired)}
		}), "not supported on Windows agent pools"},
		{"LocalDNS on Kubernetes 1.30", "aks-lb", "dns130", linux(func(p *netPoolProps) {
			p.OrchestratorVersion = to.Ptr("1.30")
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModeRequired)}
		}), "requires Kubernetes version 1.31 or later"},
	}
	client := sdkFactory(t, srv).NewAgentPoolsClient()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, c.cluster, c.pool, armcontainerservice.AgentPool{Properties: c.body}, nil)
			var re *azcore.ResponseError
			if !errors.As(err, &re) || re.StatusCode != http.StatusBadRequest || re.ErrorCode != "InvalidParameter" || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want 400 InvalidParameter containing %q, got %v", c.want, err)
			}
		})
	}
	// Every PUT was refused: none created a pool.
	puts := acctest.ARMCall(http.MethodPut, `/agentPools/`)
	if err := acctest.All(acctest.ExpectCalls(srv, puts, len(cases)), acctest.ExpectCalls(srv, puts.AnsweredWith(http.StatusBadRequest), len(cases))).Err(); err != nil {
		t.Fatal(err)
	}
}

type netPoolProps = armcontainerservice.ManagedClusterAgentPoolProfileProperties

package rules

// Where each rule comes from: every diagnostic's detail names its source (see explain). The
// guide is Microsoft's "Create node pools for a cluster in AKS", which the product follows.
const (
	sourceGuide              = `the AKS guide "Create node pools for a cluster in AKS", Limitations (https://learn.microsoft.com/azure/aks/create-node-pools)`
	sourceGuideEphemeral     = `the AKS guide "Create node pools for a cluster in AKS", "Node pools with Ephemeral OS disks" (https://learn.microsoft.com/azure/aks/create-node-pools#node-pools-with-ephemeral-os-disks)`
	sourceGuideArm64         = `the AKS guide "Create node pools for a cluster in AKS", "ARM64 node pools" limitations (https://learn.microsoft.com/azure/aks/create-node-pools#arm64-node-pools)`
	sourceGuideSubnets       = `the AKS guide "Create node pools for a cluster in AKS", "Node pools with unique subnets" (https://learn.microsoft.com/azure/aks/create-node-pools#node-pools-with-unique-subnets)`
	sourceArm64Docs          = `the AKS docs "Use Arm64 virtual machines" (https://learn.microsoft.com/azure/aks/use-arm64-vms)`
	sourceFIPSDocs           = `the AKS docs "Enable FIPS for AKS node pools" (https://learn.microsoft.com/azure/aks/enable-fips-nodes)`
	sourceSystemPools        = `the AKS docs "Manage system node pools" (https://learn.microsoft.com/azure/aks/use-system-pools)`
	sourceStorage            = `the AKS docs "Storage options for applications in AKS", "Ephemeral OS disks" (https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk)`
	sourceSpot               = `the AKS docs "Add an Azure Spot node pool" (https://learn.microsoft.com/azure/aks/spot-node-pool)`
	sourceAutoscaler         = `the AKS docs "Use the cluster autoscaler in AKS" (https://learn.microsoft.com/azure/aks/cluster-autoscaler)`
	sourceVersionSkew        = `the AKS docs "Supported Kubernetes versions in AKS", version skew (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions)`
	sourceUpgradePools       = `the AKS docs "Upgrade node pools" (https://learn.microsoft.com/azure/aks/upgrade-node-pools)`
	sourceWindowsFAQ         = `the AKS docs "Windows Server node pools FAQ" (https://learn.microsoft.com/azure/aks/windows-faq)`
	sourceHostEncryption     = `the AKS docs "Host-based encryption on AKS" (https://learn.microsoft.com/azure/aks/enable-host-encryption)`
	sourceLabels             = `the AKS docs "Use labels in an AKS cluster", reserved system labels (https://learn.microsoft.com/azure/aks/use-labels)`
	sourceK8sLabels          = `Kubernetes "Labels and Selectors", syntax and character set (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set)`
	sourceK8sTaints          = `Kubernetes "Taints and Tolerations" and kubectl taint syntax (https://kubernetes.io/docs/reference/kubectl/generated/kubectl_taint/)`
	sourceAPI                = `the AKS REST API 2025-10-01 (Microsoft.ContainerService managedClusters/agentPools)`
	sourceNaming             = `the Azure naming rules for Microsoft.ContainerService (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice)`
	sourceReservedNames      = `the Azure Resource Manager reserved resource names (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-reserved-resource-name)`
	sourceKubeletDisk        = `the AKS REST API 2025-10-01, kubeletDiskType ("Temporary" uses the temporary disk)`
	sourceWindowsOSSKUChange = `the AKS docs "Upgrade the OS version for your Windows workloads" (https://learn.microsoft.com/azure/aks/upgrade-os-version)`
	sourceCNI                = `the AKS docs "Windows Server node pools FAQ" and "Configure Azure CNI for dynamic IP allocation" (https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation)`
)

// Where the cluster rules come from.
const (
	sourceClusterAPI       = `the AKS REST API 2025-10-01 (Microsoft.ContainerService managedClusters)`
	sourceWorkloadIdentity = `the AKS docs "Deploy and configure workload identity" (https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster)`
	sourceLocalAccounts    = `the AKS docs "Manage local accounts with AKS-managed Microsoft Entra integration" (https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad)`
	sourceAuthorizedIPs    = `the AKS docs "Secure access to the API server using authorized IP address ranges" (https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges)`
	sourceOverlay          = `the AKS docs "Configure Azure CNI Overlay networking" (https://learn.microsoft.com/azure/aks/azure-cni-overlay)`
	sourceCilium           = `the AKS docs "Configure Azure CNI Powered by Cilium" (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium)`
	sourceNetworkPolicies  = `the AKS docs "Secure traffic between pods using network policies" (https://learn.microsoft.com/azure/aks/use-network-policies)`
	sourceServiceCIDR      = `the AKS docs "Configure Azure CNI networking", service address range and DNS service IP (https://learn.microsoft.com/azure/aks/configure-azure-cni)`
	sourceBasicLB          = `the AKS docs "Use a public Standard Load Balancer in AKS" (https://learn.microsoft.com/azure/aks/load-balancer-standard)`
	sourceUpgradeCluster   = `the AKS docs "Upgrade the control plane of an AKS cluster" (https://learn.microsoft.com/azure/aks/upgrade-aks-control-plane)`
	sourceOIDCIssuer       = `the AKS docs "Create an OpenID Connect provider on AKS" (https://learn.microsoft.com/azure/aks/use-oidc-issuer)`
)

package rules

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// problem is what a single-value check found wrong.
type problem struct {
	summary, detail string
}

// stringCheck is a framework string validator built from a description and a
// check of one known, non-null value. name is the attribute path as the user
// wrote it, for messages.
type stringCheck struct {
	description string
	check       func(ctx context.Context, name, value string) *problem
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if p := v.check(ctx, shown(req.Path), req.ConfigValue.ValueString()); p != nil {
		resp.Diagnostics.Append(ruleError(req.Path, p.summary, p.detail))
	}
}

// ---------------------------------------------------------------------------
// Node pool name

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
			var found string
			switch {
			case value == "":
				found = fmt.Sprintf("%s is empty.", name)
			case value[0] < 'a' || value[0] > 'z':
				found = fmt.Sprintf("%s = %q starts with %q, not a lowercase letter.", name, value, value[:1])
			case strings.Trim(value, "abcdefghijklmnopqrstuvwxyz0123456789") != "":
				bad := strings.Trim(value, "abcdefghijklmnopqrstuvwxyz0123456789")
				found = fmt.Sprintf("%s = %q contains %q; only lowercase letters and digits are allowed.", name, value, bad[:1])
			default:
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

// ---------------------------------------------------------------------------
// Kubernetes labels and taints

const labelNameMax = 63

var (
	// A DNS-1123 subdomain: lowercase alphanumerics, '-' and '.', starting and ending alphanumeric.
	dnsSubdomainPattern = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	// A label name or a non-empty label value.
	labelNamePattern = regexp.MustCompile(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
)

// reservedLabelPrefix is the label prefix AKS keeps for its own labels.
const reservedLabelPrefix = "kubernetes.azure.com"

// qualifiedNameProblem says what is wrong with a Kubernetes qualified name
// ("[prefix/]name"), or "" when it is valid.
func qualifiedNameProblem(key string) string {
	prefix, name, hasPrefix := strings.Cut(key, "/")
	if hasPrefix {
		if strings.Contains(name, "/") {
			return "it has more than one '/'"
		}
		if prefix == "" {
			return "the prefix before '/' is empty"
		}
		if len(prefix) > 253 {
			return fmt.Sprintf("the prefix is %d characters; the maximum is 253", len(prefix))
		}
		if !dnsSubdomainPattern.MatchString(prefix) {
			return fmt.Sprintf("the prefix %q is not a DNS subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)", prefix)
		}
	} else {
		name = prefix
	}
	switch {
	case name == "":
		return "the name part is empty"
	case len(name) > labelNameMax:
		return fmt.Sprintf("the name part is %d characters; the maximum is %d", len(name), labelNameMax)
	case !labelNamePattern.MatchString(name):
		return fmt.Sprintf("the name part %q may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit", name)
	}
	return ""
}

// labelValueProblem says what is wrong with a Kubernetes label value, or "".
func labelValueProblem(value string) string {
	switch {
	case value == "":
		return ""
	case len(value) > labelNameMax:
		return fmt.Sprintf("it is %d characters; the maximum is %d", len(value), labelNameMax)
	case !labelNamePattern.MatchString(value):
		return "it may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit"
	}
	return ""
}

func isReservedLabelKey(key string) bool {
	prefix, _, hasPrefix := strings.Cut(key, "/")
	return hasPrefix && strings.EqualFold(prefix, reservedLabelPrefix)
}

// NodeLabelKey validates a node_labels key (use with mapvalidator.KeysAre): a
// Kubernetes qualified name, not under AKS's reserved kubernetes.azure.com/ prefix.
func NodeLabelKey() validator.String {
	return stringCheck{
		description: "must be a Kubernetes label key (`[prefix/]name`: name up to 63 characters of letters, digits, `-`, `_`, `.`, starting and ending alphanumeric; prefix a DNS subdomain) and must not use AKS's reserved `kubernetes.azure.com/` prefix",
		check: func(_ context.Context, name, key string) *problem {
			if p := qualifiedNameProblem(key); p != "" {
				return &problem{
					summary: "Invalid node label key",
					detail: explain(fmt.Sprintf("The label key %q in %s is not valid: %s.", key, name, p),
						"a node label key is an optional DNS-subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
						sourceK8sLabels,
						`use a key such as "team" or "example.com/team".`),
				}
			}
			if isReservedLabelKey(key) {
				return &problem{
					summary: "Reserved node label key",
					detail: explain(fmt.Sprintf("The label key %q in %s uses the prefix %s/, which AKS reserves for the labels it sets on nodes.", key, name, reservedLabelPrefix),
						"labels under kubernetes.azure.com/ are set and managed by AKS and can't be set on a node pool",
						sourceLabels,
						"use your own prefix, for example \"example.com/"+key[strings.Index(key, "/")+1:]+"\"."),
				}
			}
			return nil
		},
	}
}

// NodeLabelValue validates a node_labels value (use with mapvalidator.ValueStringsAre).
func NodeLabelValue() validator.String {
	return stringCheck{
		description: "must be a Kubernetes label value: empty, or up to 63 letters, digits, `-`, `_` and `.`, starting and ending alphanumeric",
		check: func(_ context.Context, name, value string) *problem {
			if p := labelValueProblem(value); p != "" {
				return &problem{
					summary: "Invalid node label value",
					detail: explain(fmt.Sprintf("%s = %q is not a valid label value: %s.", name, value, p),
						"a label value is empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
						sourceK8sLabels,
						fmt.Sprintf("shorten or change the value of %s.", name)),
				}
			}
			return nil
		},
	}
}

// Taint effects Kubernetes accepts.
var taintEffects = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}

// Taint is a parsed node taint.
type Taint struct {
	Key, Value, Effect string
}

// ParseTaint reads a taint as AKS's nodeTaints holds it: "key=value:Effect".
// Following Kubernetes (kubectl taint, kubelet --register-with-taints), the
// value is optional: "key:Effect" and "key=:Effect" are accepted too. The key
// is a Kubernetes qualified name, the value a label value, the effect one of
// NoSchedule, PreferNoSchedule, NoExecute (exact case).
func ParseTaint(s string) (Taint, error) {
	spec, effect, ok := cutLast(s, ":")
	if !ok {
		return Taint{}, fmt.Errorf("it has no \":Effect\" part")
	}
	key, value, _ := strings.Cut(spec, "=")
	t := Taint{Key: key, Value: value, Effect: effect}
	if !containsExact(taintEffects, effect) {
		return t, fmt.Errorf("the effect %q is not one of %s", effect, strings.Join(taintEffects, ", "))
	}
	if p := qualifiedNameProblem(key); p != "" {
		return t, fmt.Errorf("the key %q is not valid: %s", key, p)
	}
	if p := labelValueProblem(value); p != "" {
		return t, fmt.Errorf("the value %q is not valid: %s", value, p)
	}
	return t, nil
}

// NodeTaint validates one node_taints entry (use with listvalidator.ValueStringsAre).
func NodeTaint() validator.String {
	return stringCheck{
		description: "must be a Kubernetes taint `key=value:Effect` (the value may be empty: `key:Effect`), Effect one of `NoSchedule`, `PreferNoSchedule`, `NoExecute`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := ParseTaint(value); err != nil {
				return &problem{
					summary: "Invalid node taint",
					detail: explain(fmt.Sprintf("%s = %q is not a valid taint: %s.", name, value, err),
						"a taint is key=value:Effect; the key is an optional DNS-subdomain prefix and '/' then a name of at most 63 letters, digits, '-', '_' or '.'; the value (optional) at most 63 such characters; Effect is NoSchedule, PreferNoSchedule or NoExecute",
						sourceK8sTaints,
						`write it like "dedicated=gpu:NoSchedule".`),
				}
			}
			return nil
		},
	}
}

// uniqueTaints refuses two taints with the same key and effect.
type uniqueTaints struct{}

// UniqueNodeTaints refuses two node_taints entries with the same key and
// effect, which Kubernetes rejects when registering the node (AKS then fails
// the operation with nodes that never become Ready).
func UniqueNodeTaints() validator.List { return uniqueTaints{} }

func (uniqueTaints) Description(context.Context) string {
	return "each key and effect pair may appear only once"
}
func (v uniqueTaints) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (uniqueTaints) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[string]string{}
	for i, el := range req.ConfigValue.Elements() {
		s, ok := el.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		t, err := ParseTaint(s.ValueString())
		if err != nil {
			continue // NodeTaint reports it
		}
		k := t.Key + ":" + t.Effect
		if first, dup := seen[k]; dup {
			resp.Diagnostics.Append(ruleError(req.Path.AtListIndex(i), "Duplicate node taint",
				explain(fmt.Sprintf("%q and %q in %s have the same key %q and effect %s.", first, s.ValueString(), shown(req.Path), t.Key, t.Effect),
					"a node's taints must be unique by key and effect",
					sourceK8sTaints,
					"keep one of them.")))
			continue
		}
		seen[k] = s.ValueString()
	}
}

// ---------------------------------------------------------------------------
// ARM resource IDs

// Resource types of the IDs the provider takes.
const (
	ManagedClusterResourceType = "Microsoft.ContainerService/managedClusters"
	SubnetResourceType         = "Microsoft.Network/virtualNetworks/subnets"
)

// ManagedClusterID validates a managed cluster ARM ID.
func ManagedClusterID() validator.String {
	return ResourceIDOfType(ManagedClusterResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo")
}

// SubnetID validates a virtual network subnet ARM ID.
func SubnetID() validator.String {
	return ResourceIDOfType(SubnetResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user")
}

// ResourceIDOfType validates an ARM resource ID of the given type (compared
// case-insensitively, as ARM does), parsed with arm.ParseResourceID.
func ResourceIDOfType(resourceType, example string) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be the ARM ID of a `%s` resource", resourceType),
		check: func(_ context.Context, name, value string) *problem {
			id, err := arm.ParseResourceID(value)
			var found string
			switch {
			case err != nil:
				found = fmt.Sprintf("%s = %q is not an ARM resource ID: %s.", name, value, err)
			case !strings.EqualFold(id.ResourceType.String(), resourceType):
				found = fmt.Sprintf("%s = %q is the ID of a %s, not a %s.", name, value, id.ResourceType.String(), resourceType)
			case id.SubscriptionID == "" || id.ResourceGroupName == "":
				found = fmt.Sprintf("%s = %q has no subscription or resource group.", name, value)
			default:
				return nil
			}
			return &problem{
				summary: "Invalid " + resourceType + " ID",
				detail: explain(found,
					fmt.Sprintf("%s takes the full ARM ID of a %s", name, resourceType),
					sourceAPI,
					fmt.Sprintf("use the resource's id attribute, shaped like %s.", example)),
			}
		},
	}
}

// VirtualNetworkOf returns the ARM ID of the virtual network that holds the
// subnet, in lower case so that IDs compare as ARM compares them.
func VirtualNetworkOf(subnetID string) (string, bool) {
	id, err := arm.ParseResourceID(subnetID)
	if err != nil || !strings.EqualFold(id.ResourceType.String(), SubnetResourceType) || id.Parent == nil {
		return "", false
	}
	return strings.ToLower(id.Parent.String()), true
}

// ---------------------------------------------------------------------------
// Upgrade settings

// MaxSurge validates upgrade_settings.max_surge: a node count ("1") or a
// percentage of the pool ("33%").
func MaxSurge() validator.String { return countOrPercent("max_surge", "33%") }

// MaxUnavailable validates upgrade_settings.max_unavailable: a node count ("1")
// or a percentage of the pool ("5%").
func MaxUnavailable() validator.String { return countOrPercent("max_unavailable", "5%") }

func countOrPercent(setting, example string) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be a whole number of nodes (for example `1`) or a percentage of the pool from 0%% to 100%% (for example `%s`)", example),
		check: func(_ context.Context, name, value string) *problem {
			number, isPercent := strings.CutSuffix(value, "%")
			n, err := strconv.Atoi(number)
			var found string
			switch {
			case err != nil || number != strconv.Itoa(n) || n < 0:
				found = fmt.Sprintf("%s = %q is neither a whole number of nodes nor a percentage.", name, value)
			case isPercent && n > 100:
				found = fmt.Sprintf("%s = %q is more than 100%% of the pool.", name, value)
			default:
				return nil
			}
			return &problem{
				summary: "Invalid upgrade setting " + setting,
				detail: explain(found,
					fmt.Sprintf("%s is an integer number of nodes (e.g. '1') or a percentage (e.g. '%s') of the pool's size, fractional nodes rounded up", setting, example),
					sourceAPI+", agentPoolUpgradeSettings",
					fmt.Sprintf(`set %s to a value such as "1" or "%s".`, name, example)),
			}
		},
	}
}

// ---------------------------------------------------------------------------
// Spot price

// spotMaxPrice validates spot_max_price: -1 (pay up to the on-demand price) or
// a positive price in US dollars with at most 5 decimals.
type spotMaxPrice struct{}

// SpotMaxPrice validates spot_max_price.
func SpotMaxPrice() validator.Float64 { return spotMaxPrice{} }

func (spotMaxPrice) Description(context.Context) string {
	return "must be -1 (pay up to the on-demand price, never evicted for price) or a price above 0 in US dollars with at most 5 decimals"
}
func (v spotMaxPrice) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (spotMaxPrice) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	price := req.ConfigValue.ValueFloat64()
	text := strconv.FormatFloat(price, 'f', -1, 64)
	var found string
	switch {
	case price == -1:
		return
	case price <= 0:
		found = fmt.Sprintf("%s = %s is neither -1 nor above 0.", shown(req.Path), text)
	case decimals(text) > 5:
		found = fmt.Sprintf("%s = %s has %d decimals; Azure takes at most 5.", shown(req.Path), text, decimals(text))
	default:
		return
	}
	resp.Diagnostics.Append(ruleError(req.Path, "Invalid Spot maximum price",
		explain(found,
			"the Spot maximum price is -1 (the on-demand price) or a decimal above 0 with up to 5 decimal places, in US dollars per hour",
			sourceSpot,
			fmt.Sprintf("set %s to -1 or to a price such as 0.01234.", shown(req.Path)))))
}

func decimals(formatted string) int {
	if _, frac, ok := strings.Cut(formatted, "."); ok {
		return len(frac)
	}
	return 0
}

// ---------------------------------------------------------------------------
// max_pods

// Max pods per node for Azure CNI and kubenet.
const (
	MinMaxPods = 10
	MaxMaxPods = 250
)

// MaxPods validates max_pods: 10-250 pods per node.
func MaxPods() validator.Int64 { return int64validator.Between(MinMaxPods, MaxMaxPods) }

// ---------------------------------------------------------------------------
// Cluster names

var (
	clusterNamePattern = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`)
	dnsPrefixPattern   = regexp.MustCompile(`^[a-zA-Z0-9]$|^[a-zA-Z0-9][-a-zA-Z0-9]{0,52}[a-zA-Z0-9]$`)
)

// ARM refuses these whole names, these substrings, and this start in the names
// of resources with a public endpoint (an AKS cluster has an FQDN).
var (
	reservedWholeNames = []string{"ACCESS", "APP_CODE", "APP_THEMES", "APP_DATA", "APP_GLOBALRESOURCES",
		"APP_LOCALRESOURCES", "APP_WEBREFERENCES", "APP_BROWSERS", "AZURE", "BING", "BIZSPARK", "BIZTALK",
		"CORTANA", "DIRECTX", "DOTNET", "DYNAMICS", "EXCEL", "EXCHANGE", "FOREFRONT", "GROOVE", "HOLOLENS",
		"HYPERV", "KINECT", "LYNC", "MSDN", "O365", "OFFICE", "OFFICE365", "ONEDRIVE", "ONENOTE", "OUTLOOK",
		"POWERPOINT", "SHAREPOINT", "SKYPE", "VISIO", "VISUALSTUDIO", "XBOX"}
	reservedSubstrings = []string{"MICROSOFT", "WINDOWS"}
	reservedStarts     = []string{"LOGIN"}
)

// ClusterName validates a managed cluster name: 1-63 letters, digits, '-' and
// '_', starting and ending alphanumeric, and no reserved word.
func ClusterName() validator.String {
	return stringCheck{
		description: "must be 1-63 letters, digits, `-` and `_`, starting and ending with a letter or digit, without reserved words such as `microsoft` or `windows`",
		check: func(_ context.Context, name, value string) *problem {
			if !clusterNamePattern.MatchString(value) {
				return &problem{
					summary: "Invalid cluster name",
					detail: explain(fmt.Sprintf("%s = %q is not a valid managed cluster name.", name, value),
						"a managed cluster name is 1-63 characters of letters, digits, '-' and '_', starting and ending with a letter or digit",
						sourceNaming,
						fmt.Sprintf(`choose a name such as "aks-demo" for %s.`, name)),
				}
			}
			if word := reservedWord(value); word != "" {
				return &problem{
					summary: "Reserved word in cluster name",
					detail: explain(fmt.Sprintf("%s = %q uses the reserved word %s.", name, value, word),
						"names of resources with a public endpoint can't be a reserved word, contain MICROSOFT or WINDOWS, or start with LOGIN (case-insensitive); AKS answers InvalidParameter",
						sourceReservedNames,
						fmt.Sprintf("choose another name for %s.", name)),
				}
			}
			return nil
		},
	}
}

func reservedWord(name string) string {
	upper := strings.ToUpper(name)
	for _, w := range reservedWholeNames {
		if upper == w {
			return w
		}
	}
	for _, w := range reservedSubstrings {
		if strings.Contains(upper, w) {
			return w
		}
	}
	for _, w := range reservedStarts {
		if strings.HasPrefix(upper, w) {
			return w + " (at the start)"
		}
	}
	return ""
}

// DNSPrefix validates a cluster's dns_prefix: 1-54 letters, digits and '-',
// starting and ending with a letter or digit.
func DNSPrefix() validator.String {
	return stringCheck{
		description: "must be 1-54 letters, digits and `-`, starting and ending with a letter or digit",
		check: func(_ context.Context, name, value string) *problem {
			if dnsPrefixPattern.MatchString(value) {
				return nil
			}
			return &problem{
				summary: "Invalid DNS prefix",
				detail: explain(fmt.Sprintf("%s = %q is not a valid DNS prefix.", name, value),
					"the DNS prefix becomes part of the API server's FQDN: 1-54 characters of letters, digits and '-', starting and ending with a letter or digit",
					`the AKS docs "Troubleshoot AKS", naming restrictions (https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/aks-common-issues-faq)`,
					fmt.Sprintf(`choose a prefix such as "aks-demo" for %s.`, name)),
			}
		},
	}
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func containsExact(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

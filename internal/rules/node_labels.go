package rules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

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

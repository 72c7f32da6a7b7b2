package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
	if !slices.Contains(TaintEffects, effect) {
		return t, fmt.Errorf("the effect %q is not one of %s", effect, strings.Join(TaintEffects, ", "))
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

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

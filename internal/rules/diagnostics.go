package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// explain builds a diagnostic detail a Terraform user can act on: what was
// found, the rule and where it comes from, and the fix.
func explain(found, rule, source, fix string) string {
	return fmt.Sprintf("%s\n\nRule: %s (source: %s).\n\nFix: %s", found, strings.TrimSuffix(rule, "."), source, fix)
}

func ruleError(p path.Path, summary, detail string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, summary, detail)
}

func ruleWarning(p path.Path, summary, detail string) diag.Diagnostic {
	return diag.NewAttributeWarningDiagnostic(p, summary, detail)
}

// shown names an attribute for messages, as the user wrote it (e.g.
// "default_node_pool.os_disk_size_gb" under aks_cluster).
func shown(p path.Path) string { return p.String() }

// gib formats bytes as whole GiB, rounded down as AKS's own messages do ("86 GB" cache).
func gib(bytes int64) string { return fmt.Sprintf("%d GiB", bytes>>30) }

package emulator

import (
	"fmt"
	"net/http"
	"regexp"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Microsoft.Compute Resource SKUs, from the shared catalogue in internal/skudata.

var locationFilter = regexp.MustCompile(`(?i)^\s*location\s+eq\s+'([^']+)'\s*$`)

// handleSKUList answers GET .../providers/Microsoft.Compute/skus, optionally
// with $filter=location eq '<location>'.
func (s *Server) handleSKUList(q *request) {
	filter := q.r.URL.Query().Get("$filter")
	var skus []skudata.SKU
	var err error
	if filter == "" {
		skus, err = skudata.All()
	} else {
		m := locationFilter.FindStringSubmatch(filter)
		if m == nil {
			writeError(q, http.StatusBadRequest, "InvalidParameter",
				fmt.Sprintf("The $filter '%s' is not supported. Only \"location eq '<location>'\" is.", filter), "$filter")
			return
		}
		skus, err = skudata.ForLocation(m[1])
	}
	if err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	out := make([]any, len(skus))
	for i := range skus {
		out[i] = skus[i]
	}
	writePage(q, out, max(s.opts.PageSize, 1000))
}

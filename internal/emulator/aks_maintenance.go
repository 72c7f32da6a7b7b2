package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.ContainerService/managedClusters/maintenanceConfigurations
// (planned maintenance). The operations are synchronous, as the spec's are:
// PUT answers 201 (created) or 200 (replaced), DELETE 200 or 204 (absent),
// GET 200 or 404, and the list pages like every ARM list. The rules are
// aksrules.CheckMaintenanceConfiguration.

const maintenanceType = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations"

func maintenanceIDOf(q *request, name string) string {
	return clusterIDOf(q) + "/maintenanceConfigurations/" + name
}

// maintenanceName is the path's configuration name as AKS spells it, or the
// path's own spelling when it is none of AKS's names.
func maintenanceName(q *request) string {
	if n := aksrules.CanonicalMaintenanceName(q.param("configName")); n != "" {
		return n
	}
	return q.param("configName")
}

// maintenanceNotFound answers a GET of a configuration that isn't set.
// Unverified text: AKS's message for it is not documented; the status (404)
// is what clients (azurerm reads all three names on every refresh) rely on.
func maintenanceNotFound(q *request) {
	writeError(q, http.StatusNotFound, "NotFound",
		fmt.Sprintf("The Resource '%s/%s' under resource group '%s' was not found.",
			"Microsoft.ContainerService/managedClusters/"+q.param("resourceName")+"/maintenanceConfigurations", q.param("configName"), q.param("resourceGroupName")), "")
}

func (s *Server) handleMaintenanceList(q *request) {
	end := s.db.beginRead()
	c := s.requireCluster(q)
	if c == nil {
		end()
		return
	}
	var out []any
	for _, m := range s.db.maintenanceOf(deref(c.Cluster.ID)) {
		out = append(out, clone(m.Config))
	}
	end()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleMaintenanceGet(q *request) {
	end := s.db.beginRead()
	var out *armcontainerservice.MaintenanceConfiguration
	if c := s.requireCluster(q); c != nil {
		if m := s.db.maintenance(maintenanceIDOf(q, maintenanceName(q))); m != nil {
			out = clone(m.Config)
		} else {
			maintenanceNotFound(q)
		}
	}
	end()
	writeFound(q, out)
}

func (s *Server) handleMaintenancePut(q *request) {
	mc, ok := decodeMaintenance(q)
	if !ok || !s.checkRegistered(q, aksNS) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	if e := aksrules.CheckMaintenanceConfiguration(q.param("configName"), mc); e != nil {
		writeRuleError(q, e)
		return
	}
	name := maintenanceName(q)
	id := deref(c.Cluster.ID) + "/maintenanceConfigurations/" + name
	status := http.StatusOK
	var old *armcontainerservice.MaintenanceConfiguration
	if m := s.db.maintenance(id); m != nil {
		old = m.Config
	} else {
		status = http.StatusCreated
	}
	aksrules.DefaultMaintenanceConfiguration(old, mc, time.Now())
	// Read-only fields sent back from a GET are ignored; identity comes from the path.
	stored := &armcontainerservice.MaintenanceConfiguration{
		ID: to.Ptr(id), Name: to.Ptr(name), Type: to.Ptr(maintenanceType), Properties: mc.Properties,
	}
	if stored.Properties == nil {
		stored.Properties = &armcontainerservice.MaintenanceConfigurationProperties{}
	}
	s.db.putMaintenance(&maintenanceRecord{Config: stored, ClusterKey: key(deref(c.Cluster.ID))})
	writeJSON(q, status, clone(stored))
}

func (s *Server) handleMaintenanceDelete(q *request) {
	end := s.db.beginWrite()
	defer end()
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	id := deref(c.Cluster.ID) + "/maintenanceConfigurations/" + maintenanceName(q)
	if s.db.maintenance(id) == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	s.db.deleteMaintenance(id)
	q.w.WriteHeader(http.StatusOK)
}

// decodeMaintenance reads a maintenance configuration body. AKS reads the
// window's dates (startDate, notAllowedDates[].start/end, spec format "date")
// both as dates ("2023-01-01") and as date-times ("2023-01-01T00:00:00Z",
// what azurerm sends); they are kept, and answered, as dates, the spec's
// format and what Microsoft's examples show. An empty date or time is read as
// absent, as AKS reads "" elsewhere.
func decodeMaintenance(q *request) (*armcontainerservice.MaintenanceConfiguration, bool) {
	var raw map[string]any
	if !decodeBody(q, &raw) {
		return nil, false
	}
	if props, ok := raw["properties"].(map[string]any); ok {
		if w, ok := props["maintenanceWindow"].(map[string]any); ok {
			dateOnly(w, "startDate")
			eachObject(w["notAllowedDates"], func(m map[string]any) { dateOnly(m, "start"); dateOnly(m, "end") })
		}
		eachObject(props["notAllowedTime"], func(m map[string]any) { dropEmpty(m, "start"); dropEmpty(m, "end") })
	}
	body, err := json.Marshal(raw)
	var mc armcontainerservice.MaintenanceConfiguration
	if err == nil {
		err = json.Unmarshal(body, &mc)
	}
	if err != nil {
		writeError(q, http.StatusBadRequest, "InvalidRequestContent",
			fmt.Sprintf("The request content was invalid and could not be deserialized: '%s'.", err.Error()), "")
		return nil, false
	}
	return &mc, true
}

// dateOnly turns m[k], when it is an RFC 3339 date-time, into its date, and
// drops it when it is "".
func dateOnly(m map[string]any, k string) {
	dropEmpty(m, k)
	s, ok := m[k].(string)
	if !ok {
		return
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		m[k] = t.Format("2006-01-02")
	}
}

// dropEmpty deletes m[k] when it is "".
func dropEmpty(m map[string]any, k string) {
	if s, ok := m[k].(string); ok && s == "" {
		delete(m, k)
	}
}

// eachObject calls f with each object of a JSON array.
func eachObject(v any, f func(map[string]any)) {
	list, _ := v.([]any)
	for _, item := range list {
		if m, ok := item.(map[string]any); ok {
			f(m)
		}
	}
}

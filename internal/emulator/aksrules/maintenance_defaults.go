package aksrules

import (
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// DefaultMaintenanceConfiguration fills what AKS fills in a maintenance
// window: a window without startDate starts on the day it is created (spec:
// "If not specified, the maintenance window will be active right away"; AKS
// answers that date, which is why azurerm's start_date is computed, see
// hashicorp/terraform-provider-azurerm#22762), and an update without one
// keeps the stored date. old is nil on create; now is the request's time.
func DefaultMaintenanceConfiguration(old, mc *armcontainerservice.MaintenanceConfiguration, now time.Time) {
	if mc == nil || mc.Properties == nil || mc.Properties.MaintenanceWindow == nil {
		return
	}
	w := mc.Properties.MaintenanceWindow
	if w.StartDate != nil {
		return
	}
	if old != nil && old.Properties != nil && old.Properties.MaintenanceWindow != nil && old.Properties.MaintenanceWindow.StartDate != nil {
		w.StartDate = to(*old.Properties.MaintenanceWindow.StartDate)
		return
	}
	y, m, d := now.UTC().Date()
	w.StartDate = to(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Planned maintenance: managedClusters/{c}/maintenanceConfigurations/{name}.
// Sources: the REST spec (specification/containerservice/resource-manager/
// Microsoft.ContainerService/aks/stable/2025-10-01/managedClusters.json,
// definitions MaintenanceConfiguration, MaintenanceWindow, Schedule,
// DailySchedule, WeeklySchedule, AbsoluteMonthlySchedule,
// RelativeMonthlySchedule, TimeInWeek, HourInDay, DateSpan) and
// https://learn.microsoft.com/en-us/azure/aks/planned-maintenance.

// The configuration names AKS knows ("There are three available maintenance
// schedule configuration types", planned-maintenance).
const (
	MaintenanceDefault     = "default"
	MaintenanceAutoUpgrade = "aksManagedAutoUpgradeSchedule"
	MaintenanceNodeOS      = "aksManagedNodeOSUpgradeSchedule"
)

var maintenanceNames = []string{MaintenanceDefault, MaintenanceAutoUpgrade, MaintenanceNodeOS}

// CanonicalMaintenanceName returns the configuration name as AKS spells it
// (ARM paths are case-insensitive), or "" when it is none of the three.
func CanonicalMaintenanceName(name string) string {
	for _, n := range maintenanceNames {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return ""
}

// CheckMaintenanceConfiguration returns nil when AKS would accept a PUT of
// mc under name.
func CheckMaintenanceConfiguration(name string, mc *armcontainerservice.MaintenanceConfiguration) *Error {
	canonical := CanonicalMaintenanceName(name)
	if e := checkMaintenanceName(name, canonical); e != nil {
		return e
	}
	var p armcontainerservice.MaintenanceConfigurationProperties
	if mc != nil && mc.Properties != nil {
		p = *mc.Properties
	}
	return firstError(
		checkMaintenanceWindowPresence(canonical, p.MaintenanceWindow),
		checkMaintenanceWindow(p.MaintenanceWindow),
		checkTimeInWeek(p.TimeInWeek),
		checkNotAllowedTime(p.NotAllowedTime),
	)
}

// checkMaintenanceName: only the three configuration types exist.
// Unverified text: AKS's exact message for another name is not documented;
// the code is AKS's usual one for a bad parameter.
func checkMaintenanceName(name, canonical string) *Error {
	if canonical != "" {
		return nil
	}
	return badRequest(codeInvalidParameter, "configName",
		"The maintenance configuration name '%s' is invalid. Supported names are '%s'.", name, strings.Join(maintenanceNames, "', '"))
}

// checkMaintenanceWindowPresence: the aksManaged* configurations schedule
// upgrades with a maintenanceWindow (planned-maintenance: "aksManagedAutoUpgradeSchedule
// ... and aksManagedNodeOSUpgradeSchedule ... use maintenanceWindow"); the
// default configuration uses timeInWeek and notAllowedTime. A maintenance
// window on the default configuration is not refused: AKS documents no answer
// for it, and the emulator is never stricter than AKS.
func checkMaintenanceWindowPresence(name string, w *armcontainerservice.MaintenanceWindow) *Error {
	if name == MaintenanceDefault || w != nil {
		return nil
	}
	return badRequest(codeInvalidParameter, "properties.maintenanceWindow",
		"The maintenance configuration '%s' requires a maintenanceWindow.", name)
}

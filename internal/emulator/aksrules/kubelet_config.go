package aksrules

// kubeletConfig: AKS's custom kubelet configuration (custom-node-configuration.md, "Linux
// kubelet custom configuration" and "Windows kubelet custom configuration"). The messages and
// the InvalidParameter code of the value rules are unverified: Microsoft documents the allowed
// values, not AKS's wording when they are broken.

import (
	"reflect"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// codeNodeConfigCanNotBeChanged is AKS's answer to an update that changes kubeletConfig or
// linuxOSConfig (observed: Azure/AKS#2300, #2591; azurerm#11119, #32764).
const codeNodeConfigCanNotBeChanged = "CustomKubeletConfigOrCustomLinuxOSConfigCanNotBeChanged"

// checkKubeletConfig checks a new pool's kubeletConfig.
func checkKubeletConfig(_ World, _ string, p *poolProperties) *Error {
	k := p.KubeletConfig
	if k == nil {
		return nil
	}
	if isWindows(p) {
		if err := checkWindowsKubeletConfig(k); err != nil {
			return err
		}
	}
	return firstError(
		oneOf("kubeletConfig.cpuManagerPolicy", k.CPUManagerPolicy, "none", "static"),
		oneOf("kubeletConfig.topologyManagerPolicy", k.TopologyManagerPolicy, "none", "best-effort", "restricted", "single-numa-node"),
		checkCPUCfsQuotaPeriod(k.CPUCfsQuotaPeriod),
		kubeletBetween("imageGcHighThreshold", k.ImageGcHighThreshold, 0, 100),
		kubeletBetween("imageGcLowThreshold", k.ImageGcLowThreshold, 0, 100),
		checkImageGCOrder(k),
		kubeletBetween("containerLogMaxFiles", k.ContainerLogMaxFiles, 2, maxInt32),
		kubeletBetween("containerLogMaxSizeMB", k.ContainerLogMaxSizeMB, 1, maxInt32),
		kubeletBetween("podMaxPids", k.PodMaxPids, -1, maxInt32),
		checkAllowedUnsafeSysctls(k.AllowedUnsafeSysctls),
	)
}

const maxInt32 = 1<<31 - 1

func invalidNodeConfig(property, format string, args ...any) *Error {
	return badRequest(codeInvalidParameter, "properties."+property, format, args...)
}

func oneOf(property string, v *string, allowed ...string) *Error {
	if v == nil {
		return nil
	}
	for _, a := range allowed {
		if *v == a {
			return nil
		}
	}
	return invalidNodeConfig(property, "The value '%s' of %s is invalid; allowed values are %s.", *v, property, strings.Join(allowed, ", "))
}

func kubeletBetween(name string, v *int32, lo, hi int64) *Error {
	return between("kubeletConfig."+name, v, lo, hi)
}

func between(property string, v *int32, lo, hi int64) *Error {
	if v == nil || (int64(*v) >= lo && int64(*v) <= hi) {
		return nil
	}
	return invalidNodeConfig(property, "The value %d of %s is out of range; it must be between %d and %d.", *v, property, lo, hi)
}

// checkCPUCfsQuotaPeriod: a Go duration with units (the spec's description: "a sequence of
// decimal numbers with an optional fraction and a unit suffix ... 'ns', 'us', 'ms', 's', 'm', 'h'").
func checkCPUCfsQuotaPeriod(v *string) *Error {
	if v == nil {
		return nil
	}
	if d, err := time.ParseDuration(*v); err == nil && d > 0 && strings.ContainsAny(*v, "nsuµmh") {
		return nil
	}
	return invalidNodeConfig("kubeletConfig.cpuCfsQuotaPeriod", "The value '%s' of kubeletConfig.cpuCfsQuotaPeriod is invalid; it must be a duration such as '100ms'.", *v)
}

// checkImageGCOrder: imageGcLowThreshold "cannot be set higher than imageGcHighThreshold".
func checkImageGCOrder(k *armcontainerservice.KubeletConfig) *Error {
	if k.ImageGcHighThreshold == nil || k.ImageGcLowThreshold == nil || *k.ImageGcLowThreshold <= *k.ImageGcHighThreshold {
		return nil
	}
	return invalidNodeConfig("kubeletConfig.imageGcLowThreshold",
		"kubeletConfig.imageGcLowThreshold (%d) cannot be higher than kubeletConfig.imageGcHighThreshold (%d).", *k.ImageGcLowThreshold, *k.ImageGcHighThreshold)
}

// checkAllowedUnsafeSysctls: only namespaced sysctls, kernel.shm*, kernel.msg*, kernel.sem,
// fs.mqueue.* and net.*, a name or a pattern ending in * within them.
func checkAllowedUnsafeSysctls(values []*string) *Error {
	for _, v := range values {
		if v == nil || namespacedSysctl(*v) {
			continue
		}
		return invalidNodeConfig("kubeletConfig.allowedUnsafeSysctls",
			"The unsafe sysctl '%s' in kubeletConfig.allowedUnsafeSysctls is not allowed; allowed are kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.* and net.*.", *v)
	}
	return nil
}

func namespacedSysctl(v string) bool {
	name, pattern := strings.CutSuffix(v, "*")
	if name == "" || strings.Contains(name, "*") {
		return false
	}
	if name == "kernel.sem" && !pattern {
		return true
	}
	for _, prefix := range []string{"kernel.shm", "kernel.msg", "fs.mqueue.", "net."} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// checkWindowsKubeletConfig: Windows pools support only imageGcHighThreshold,
// imageGcLowThreshold, containerLogMaxSizeMB and containerLogMaxFiles.
func checkWindowsKubeletConfig(k *armcontainerservice.KubeletConfig) *Error {
	windows := map[string]bool{"ImageGcHighThreshold": true, "ImageGcLowThreshold": true, "ContainerLogMaxSizeMB": true, "ContainerLogMaxFiles": true}
	v := reflect.ValueOf(k).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if windows[f.Name] || v.Field(i).IsZero() {
			continue
		}
		return invalidNodeConfig("kubeletConfig",
			"kubeletConfig.%s is not supported for Windows agent pools; Windows supports imageGcHighThreshold, imageGcLowThreshold, containerLogMaxSizeMB and containerLogMaxFiles.",
			lowerFirst(f.Name))
	}
	return nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	if strings.HasPrefix(s, "CPU") {
		return "cpu" + s[3:]
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// checkNodeConfigUnchanged: AKS can't change kubeletConfig or linuxOSConfig on an existing pool
// (az aks nodepool update takes neither). A field the request leaves unset keeps its value.
func checkNodeConfigUnchanged(_ World, _ string, old, p *poolProperties) *Error {
	if setFieldsDiffer(reflect.ValueOf(old.KubeletConfig), reflect.ValueOf(p.KubeletConfig)) ||
		setFieldsDiffer(reflect.ValueOf(old.LinuxOSConfig), reflect.ValueOf(p.LinuxOSConfig)) {
		return badRequest(codeNodeConfigCanNotBeChanged, "properties.kubeletConfig",
			"CustomKubeletConfig or CustomLinuxOSConfig can not be changed for this operation.")
	}
	return nil
}

// setFieldsDiffer compares the fields requested sets (pointers to structs, followed) with
// stored's.
func setFieldsDiffer(stored, requested reflect.Value) bool {
	if requested.IsNil() {
		return false
	}
	if stored.IsNil() {
		return !requested.Elem().IsZero()
	}
	s, r := stored.Elem(), requested.Elem()
	for i := range r.NumField() {
		rf, sf := r.Field(i), s.Field(i)
		if rf.IsNil() {
			continue
		}
		if rf.Kind() == reflect.Pointer && rf.Elem().Kind() == reflect.Struct {
			if setFieldsDiffer(sf, rf) {
				return true
			}
			continue
		}
		if !sameValue(sf, rf) {
			return true
		}
	}
	return false
}

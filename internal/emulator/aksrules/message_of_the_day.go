package aksrules

import (
	"encoding/base64"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkMessageOfTheDay: messageOfTheDay is "A base64-encoded string which will be written to
// /etc/motd after decoding ... It must not be specified for Windows nodes" (REST API 2025-10-01).
// Unverified: AKS's codes and texts.
func checkMessageOfTheDay(_ World, _ string, p *poolProperties) *Error {
	if !isSet(p.MessageOfTheDay) {
		return nil
	}
	if equalFoldPtr(p.OSType, armcontainerservice.OSTypeWindows) {
		return badRequest(codeInvalidParameter, "messageOfTheDay",
			"messageOfTheDay is not supported for Windows agent pools; it must not be specified for Windows nodes.")
	}
	if _, err := base64.StdEncoding.DecodeString(*p.MessageOfTheDay); err != nil {
		return badRequest(codeInvalidParameter, "messageOfTheDay",
			"The value of parameter messageOfTheDay is invalid: it must be a base64-encoded string.")
	}
	return nil
}

// checkMessageOfTheDayChange: the message of the day is set when a pool is created ("when creating
// a cluster or adding a node pool"; `az aks nodepool update` has no flag for it).
func checkMessageOfTheDayChange(_ World, _ string, old, p *poolProperties) *Error {
	if deref(old.MessageOfTheDay) == deref(p.MessageOfTheDay) {
		return nil
	}
	return propertyChangeNotAllowed("messageOfTheDay")
}

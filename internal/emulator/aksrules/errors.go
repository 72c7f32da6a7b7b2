package aksrules

import (
	"fmt"
	"net/http"
)

// AKS error codes the rules answer with. Where the reference material
// (aks-api.md §2.2) could not confirm a code for a situation, the rule that
// uses it says so in a comment.
const (
	codeInvalidParameter         = "InvalidParameter"
	codeOperationNotAllowed      = "OperationNotAllowed"
	codePropertyChangeNotAllowed = "PropertyChangeNotAllowed"
	codeVMCacheSizeTooSmall      = "VMCacheSizeTooSmall"
	codeNodePoolVersionMismatch  = "NodePoolMcVersionIncompatible"
	codeMustDefineSystemPool     = "MustDefineAtLeastOneSystemPool"
	codeWindowsProfileMissing    = "WindowsProfileMissing"
	codeAzureCNIOnlyForWindows   = "AzureCNIOnlyForWindows"
	codeSubnetNotFound           = "SubnetNotFound"
	codeReservedResourceName     = "ReservedResourceName"
	codeAgentPoolAPIsUnsupported = "AgentPoolAPIsNotSupported"
	codeVersionsNotAllSpecified  = "NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged"
	// Unverified: AKS's code for a Kubernetes version that isn't offered. The
	// message text is verified (it appears in many public CI logs); the codes
	// are the ones the AKS resource provider is generally reported to use.
	codeK8sVersionNotSupported          = "K8sVersionNotSupported"
	codeAgentPoolK8sVersionNotSupported = "AgentPoolK8sVersionNotSupported"
	// Unverified: the code for reading admin credentials with local accounts
	// disabled; AKS documents only "Bad Request" and the message.
	codeBadRequest = "BadRequest"
)

// badRequest builds a 400 answer; almost every AKS validation failure is one.
func badRequest(code, target, format string, args ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Code: code, Target: target, Message: fmt.Sprintf(format, args...)}
}

// firstError returns the first non-nil error, in the order the rules are
// listed, so that the answer for a request breaking several rules is stable.
func firstError(errs ...*Error) *Error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

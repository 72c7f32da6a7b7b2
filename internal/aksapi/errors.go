package aksapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// APIError is an error AKS answered, reduced to what a Terraform user needs: the HTTP status, AKS's
// error code and its message. azcore's own error text (request URL, headers, raw body) is kept
// behind Unwrap for logs and errors.As.
type APIError struct {
	StatusCode int
	Code       string
	Message    string

	response *azcore.ResponseError
}

// Error reads like "AKS answered 400 VMCacheSizeTooSmall: The virtual machine size ...".
func (e *APIError) Error() string {
	code := e.Code
	if code == "" {
		code = http.StatusText(e.StatusCode)
	}
	if e.StatusCode == 0 {
		return fmt.Sprintf("AKS reported %s: %s", code, e.Message)
	}
	return fmt.Sprintf("AKS answered %d %s: %s", e.StatusCode, code, e.Message)
}

// Unwrap returns azcore's error.
func (e *APIError) Unwrap() error { return e.response }

// asAPIError turns an azcore ResponseError anywhere in err's chain into an *APIError; other errors
// are returned unchanged.
func asAPIError(err error) error {
	if err == nil {
		return nil
	}
	var already *APIError
	if errors.As(err, &already) {
		return err
	}
	var respErr *azcore.ResponseError
	if !errors.As(err, &respErr) {
		return err
	}
	apiErr := &APIError{StatusCode: respErr.StatusCode, Code: respErr.ErrorCode, response: respErr}
	if respErr.RawResponse != nil {
		if body, readErr := runtime.Payload(respErr.RawResponse); readErr == nil {
			code, message := errorFromBody(body)
			if apiErr.Code == "" {
				apiErr.Code = code
			}
			apiErr.Message = message
		}
		// A failed long-running operation is reported through its status document, answered
		// with 200: the status code that matters to the user is the operation's, not the poll's.
		if respErr.StatusCode < 300 {
			apiErr.StatusCode = 0
		}
	}
	if apiErr.Message == "" {
		apiErr.Message = "(no message)"
	}
	return apiErr
}

// errorFromBody reads an ARM error in either envelope: {"error":{"code","message"}} (ARM's common
// shape, also used inside failed operation status documents) or {"code","message"} (what AKS
// answers for 409 OperationNotAllowed).
func errorFromBody(body []byte) (code, message string) {
	type armError struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	var doc struct {
		armError
		Error *armError `json:"error"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return "", strings.TrimSpace(string(body))
	}
	if doc.Error != nil {
		return doc.Error.Code, doc.Error.Message
	}
	return doc.Code, doc.Message
}

// IsNotFound reports whether err is ARM's answer for a resource (or its parent cluster) that does
// not exist.
func IsNotFound(err error) bool {
	return errors.Is(err, ErrNotFound) || hasStatus(err, http.StatusNotFound)
}

// IsPreconditionFailed reports whether an If-Match or If-None-Match condition did not hold.
func IsPreconditionFailed(err error) bool {
	return hasStatus(err, http.StatusPreconditionFailed)
}

// isOperationNotAllowed reports whether AKS refused a write because another operation is running on
// the cluster or pool (409 OperationNotAllowed). Other 409s (e.g. registration) are not waited out.
func isOperationNotAllowed(err error) bool {
	var respErr *azcore.ResponseError
	if !errors.As(err, &respErr) || respErr.StatusCode != http.StatusConflict {
		return false
	}
	return strings.EqualFold(respErr.ErrorCode, "OperationNotAllowed")
}

func hasStatus(err error, status int) bool {
	var respErr *azcore.ResponseError
	return errors.As(err, &respErr) && respErr.StatusCode == status
}

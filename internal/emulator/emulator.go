package emulator

import (
	"encoding/json"
	"time"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
)

// Identity of the built-in seed. Tests and examples rely on these values.
const (
	DefaultTenantID       = "00000000-0000-4000-8000-000000000001"
	DefaultSubscriptionID = "00000000-0000-4000-8000-000000000002"
	DefaultClientID       = "00000000-0000-4000-8000-000000000003"
	DefaultClientSecret   = "emulator-client-secret-not-for-production"
)

// Options configure Start. The zero value is usable.
type Options struct {
	Addr        string                           // listen address; default "127.0.0.1:0" (a free port)
	StateDir    string                           // folder for ca.pem/ca-key.pem, client certificate files, CA bundle; "" = a fresh temp dir
	StateFile   string                           // persist all resources here (atomic writes); "" = in memory only
	SeedFile    string                           // JSON that replaces or extends the built-in seed
	LRODuration time.Duration                    // how long long-running operations take; default 2s
	CA          *pki.CA                          // reuse this CA instead of loading or creating one
	Logf        func(format string, args ...any) // optional request log
	PageSize    int                              // items per page of list answers before a nextLink; default 100
}

// JournalEntry records one request the emulator answered.
type JournalEntry struct {
	Time        time.Time       `json:"time"`
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	APIVersion  string          `json:"apiVersion,omitempty"`
	Query       string          `json:"query,omitempty"`
	Status      int             `json:"status"`
	Duration    time.Duration   `json:"duration"`
	UserAgent   string          `json:"userAgent,omitempty"`
	IfMatch     string          `json:"ifMatch,omitempty"`
	IfNoneMatch string          `json:"ifNoneMatch,omitempty"`
	RequestBody json.RawMessage `json:"requestBody,omitempty"` // ARM requests only; at most 64 KiB; secrets redacted
	ErrorCode   string          `json:"errorCode,omitempty"`   // the ARM error code answered, if any

	family string // which part of the emulator answered (see familyOf)
}

// Fault is a rule injected into request handling. Exactly one action applies:
// Status (respond with an error), Delay (wait, then proceed), Drop (close the
// connection without answering) or FailOperation (the next long-running
// operation started by a matching request ends Failed).
type Fault struct {
	ID          string  `json:"id,omitempty"`
	Method      string  `json:"method,omitempty"`      // "" = any method
	Path        string  `json:"path"`                  // regular expression, matched case-insensitively against the URL path
	APIVersion  string  `json:"apiVersion,omitempty"`  // "" = any
	Count       int     `json:"count,omitempty"`       // how many times it applies; 0 = always
	Probability float64 `json:"probability,omitempty"` // 0 = always (subject to Count); else chance per matching request

	Status     int      `json:"status,omitempty"`
	Code       string   `json:"code,omitempty"`
	Message    string   `json:"message,omitempty"`
	RetryAfter int      `json:"retryAfter,omitempty"` // seconds, sent as Retry-After with Status
	Delay      Duration `json:"delay,omitempty"`
	Drop       bool     `json:"drop,omitempty"`

	FailOperation bool `json:"failOperation,omitempty"` // with Code and Message for the operation's error
	// LoseAnswer carries the request out, then drops the connection without the answer: the
	// network failing after the server acted, which the client can only retry.
	LoseAnswer bool `json:"loseAnswer,omitempty"`
}

// Mutation is an out-of-band change: what the autoscaler, the portal or a colleague would do.
type Mutation struct {
	Kind    string          `json:"kind"` // scale-pool, delete-pool, set-field, set-provisioning-state, upgrade-cluster, release-node-image
	ID      string          `json:"id,omitempty"`
	Count   int32           `json:"count,omitempty"`
	Path    string          `json:"path,omitempty"`  // set-field: JSON path such as "properties.count"
	Value   json.RawMessage `json:"value,omitempty"` // set-field: JSON value
	State   string          `json:"state,omitempty"`
	Version string          `json:"version,omitempty"`
	OSSKU   string          `json:"osSKU,omitempty"`
}

// Mutation kinds.
const (
	MutateScalePool            = "scale-pool"
	MutateDeletePool           = "delete-pool"
	MutateSetField             = "set-field"
	MutateSetProvisioningState = "set-provisioning-state"
	MutateUpgradeCluster       = "upgrade-cluster"
	MutateReleaseNodeImage     = "release-node-image"
)

// Latency kinds for SetLatency. The first five are the durations of
// long-running operations (default Options.LRODuration); the others are added
// before answering a request and default to zero.
const (
	LatencyCreate    = "create"    // cluster or pool creation
	LatencyUpdate    = "update"    // cluster or pool update (scaling, upgrading, tags), resource group deletion
	LatencyDelete    = "delete"    // cluster, pool or resource group deletion
	LatencyNodeImage = "nodeimage" // upgradeNodeImageVersion
	LatencyAbort     = "abort"     // aborting the running operation
	LatencyNetwork   = "network"   // virtual network and subnet operations (default 0: they finish at once)
	LatencyRead      = "read"      // added to every ARM GET/HEAD
	LatencyWrite     = "write"     // added to every other ARM request
)

// Duration is a time.Duration that reads and writes JSON as a Go duration string ("150ms") or nanoseconds.
type Duration time.Duration

// MarshalJSON writes the duration as a string such as "1.5s".
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// UnmarshalJSON reads "1.5s" or a number of nanoseconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		v, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		*d = Duration(v)
		return nil
	}
	var n int64
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*d = Duration(n)
	return nil
}

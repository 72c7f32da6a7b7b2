package aksapi

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"golang.org/x/sync/singleflight"
)

// Options tune a Client. The zero value gives the production settings.
type Options struct {
	// PollFrequency is how often a long-running operation is polled when AKS sends no Retry-After
	// (it normally does). Default 10s; azcore refuses less than 1s outside tests.
	PollFrequency time.Duration
	// ConflictRetryDelay is the first wait after AKS refused a write with 409 OperationNotAllowed
	// (someone else's operation runs) without a Retry-After; each further wait doubles, up to
	// ConflictMaxRetryDelay. Defaults 5s and 1 minute.
	ConflictRetryDelay    time.Duration
	ConflictMaxRetryDelay time.Duration
	// MaxPoolOperationsPerCluster caps the agentPools writes that run at once on one cluster (for
	// subscriptions throttled by AKS); 0 means no cap beyond Terraform's -parallelism.
	MaxPoolOperationsPerCluster int
	// CacheTTL bounds how long a cached cluster and its pools are reused when no write to the cluster
	// happened. Default 1 minute: long enough for one refresh of many pools, short enough that a
	// long-lived process still sees changes made outside it.
	CacheTTL time.Duration
	// Now is the clock of the caches; default time.Now. Tests replace it to expire caches.
	Now func() time.Time

	// conflictNow and conflictSleep are the clock and sleeper of the 409 waits; tests replace them.
	conflictNow   func() time.Time
	conflictSleep func(ctx context.Context, d time.Duration) error
}

// Client orders writes per managed cluster as AKS requires (cluster_state.go), waits out other
// parties' operations, and caches clusters with their pools. Create one per configured provider with New; it is
// safe for concurrent use.
type Client struct {
	credential azcore.TokenCredential
	armOptions *arm.ClientOptions
	opts       Options

	factoriesMu sync.Mutex
	factories   map[string]*armcontainerservice.ClientFactory // by lower-case subscription ID

	clustersMu sync.Mutex
	clusters   map[string]*clusterState // by ClusterID.Key()

	flight singleflight.Group
}

// New returns a Client whose SDK clients use cred and armOptions (the provider's
// pipeline: cloud, retries, user agent, logging).
func New(cred azcore.TokenCredential, armOptions *arm.ClientOptions, opts Options) *Client {
	if opts.PollFrequency <= 0 {
		opts.PollFrequency = 10 * time.Second
	}
	if opts.ConflictRetryDelay <= 0 {
		opts.ConflictRetryDelay = 5 * time.Second
	}
	if opts.ConflictMaxRetryDelay < opts.ConflictRetryDelay {
		opts.ConflictMaxRetryDelay = max(time.Minute, opts.ConflictRetryDelay)
	}
	if opts.conflictNow == nil {
		opts.conflictNow = time.Now
	}
	if opts.conflictSleep == nil {
		opts.conflictSleep = sleepContext
	}
	if opts.CacheTTL <= 0 {
		opts.CacheTTL = time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Client{
		credential: cred,
		armOptions: armOptions,
		opts:       opts,
		factories:  map[string]*armcontainerservice.ClientFactory{},
		clusters:   map[string]*clusterState{},
	}
}

// factory returns the SDK client factory for a subscription; a cluster ID may name any
// subscription the credential can reach, not only the provider's.
func (c *Client) factory(subscriptionID string) (*armcontainerservice.ClientFactory, error) {
	key := strings.ToLower(subscriptionID)
	c.factoriesMu.Lock()
	defer c.factoriesMu.Unlock()
	if f, ok := c.factories[key]; ok {
		return f, nil
	}
	f, err := armcontainerservice.NewClientFactory(subscriptionID, c.credential, c.armOptions)
	if err != nil {
		return nil, fmt.Errorf("building the Container Service client for subscription %s: %w", subscriptionID, err)
	}
	c.factories[key] = f
	return f, nil
}

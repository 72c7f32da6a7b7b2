package actions

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// base is what every action keeps: the provider's client, set by Configure.
type base struct {
	client *clients.Client
}

func (b *base) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	client, err := clients.FromProviderData(req.ProviderData)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected provider data", err.Error())
		return
	}
	b.client = client
}

// configured reports whether the provider handed the action its client; Terraform always
// configures the provider before it invokes an action.
func (b *base) configured(diags *diag.Diagnostics) bool {
	if b.client == nil || b.client.AKS == nil {
		diags.AddError("Provider not configured", "The aks provider was not configured before the action was invoked; this is a bug in the provider.")
		return false
	}
	return true
}

// The attributes the actions share.
const (
	attrClusterID  = "cluster_id"
	attrNodePoolID = "node_pool_id"
	attrTimeout    = "timeout"
)

func clusterIDAttribute(doc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: doc, Validators: []validator.String{rules.ManagedClusterID()}}
}

func nodePoolIDAttribute(required bool, doc string) schema.StringAttribute {
	return schema.StringAttribute{Required: required, Optional: !required, MarkdownDescription: doc, Validators: []validator.String{rules.AgentPoolID()}}
}

func timeoutAttribute(def time.Duration) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: fmt.Sprintf("How long to wait for AKS, as a Go duration such as `\"90m\"` or `\"2h\"`; defaults to `%q`. "+
			"When it runs out the action fails, but the operation AKS accepted goes on (abort it with `aks_operation_abort`).", shortDuration(def)),
		Validators: []validator.String{durationValidator{}},
	}
}

// shortDuration writes d as the documentation's examples do: "2h", "30m".
func shortDuration(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

// timeoutOf reads the timeout attribute, or def when it is unset.
func timeoutOf(v types.String, def time.Duration) time.Duration {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil || d <= 0 {
		return def // ValidateConfig refused it already
	}
	return d
}

// durationValidator accepts a positive Go duration.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as 90m or 2h"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err == nil && d > 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid timeout",
		fmt.Sprintf("%s = %q is not a positive duration; write it as a number with a unit, such as \"90m\" or \"2h\".", req.Path, req.ConfigValue.ValueString()))
}

// progressInterval is how often a waiting action tells Terraform it is still waiting.
const progressInterval = 30 * time.Second

// progress sends an action's progress events to Terraform. SendProgress may be called from the
// ticker's goroutine and the action's, so calls are serialised.
type progress struct {
	mu   sync.Mutex
	send func(action.InvokeProgressEvent)
}

func newProgress(resp *action.InvokeResponse) *progress {
	return &progress{send: resp.SendProgress}
}

func (p *progress) say(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.send != nil {
		p.send(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// waiting reports what is being waited for every progressInterval until the returned stop is
// called, so a long AKS operation never looks like a hang.
func (p *progress) waiting(what string) (stop func()) {
	start := time.Now()
	done := make(chan struct{})
	var once sync.Once
	go func() {
		ticker := time.NewTicker(progressInterval)
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				p.say("Still waiting for AKS to %s (%s elapsed).", what, time.Since(start).Round(time.Second))
			}
		}
	}()
	return func() { once.Do(func() { close(done) }) }
}

// attrError adds an error at the attribute name.
func attrError(diags *diag.Diagnostics, name, summary, detail string) {
	diags.AddAttributeError(path.Root(name), summary, detail)
}

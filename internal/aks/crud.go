package aks

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

// What every Create, Read, Update, Delete and ModifyPlan of the resources starts with, written
// once: reading the request's models, bounding the operation by its timeout, parsing the ID, and
// explaining a failed operation.

// operation is one of the four CRUD operations, named as the timeouts block names them.
type operation string

const (
	opCreate operation = "create"
	opRead   operation = "read"
	opUpdate operation = "update"
	opDelete operation = "delete"
)

// lifecycle is what the CRUD methods of one resource share: what the resource manages, for
// messages, and its default timeouts.
type lifecycle struct {
	noun                         string
	create, read, update, delete time.Duration
}

// step is one thing begin does before an operation: read one of the request's models (before
// the timeout, which is read from a model), or parse an ID out of a model (after it).
type step struct {
	run   func(ctx context.Context, diags *diag.Diagnostics)
	after bool
}

// from reads a request's plan, state or config into its model.
func from(source interface {
	Get(context.Context, any) diag.Diagnostics
}, into any) step {
	return step{run: func(ctx context.Context, diags *diag.Diagnostics) { diags.Append(source.Get(ctx, into)...) }}
}

// poolIDFrom parses a node pool's id attribute (read by an earlier step) into id.
func poolIDFrom(attribute *types.String, id *aksapi.PoolID) step {
	return step{after: true, run: func(_ context.Context, diags *diag.Diagnostics) {
		parsed, err := aksapi.ParsePoolID(attribute.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("id"), "Invalid node pool ID", err.Error())
		}
		*id = parsed
	}}
}

// poolIDOf builds a node pool's ID from its cluster_id and name attributes.
func poolIDOf(clusterID, name *types.String, id *aksapi.PoolID) step {
	return step{after: true, run: func(_ context.Context, diags *diag.Diagnostics) {
		*id, _ = poolIDOfAttributes(*clusterID, *name, diags)
	}}
}

// poolIDOfAttributes is the pool's ID from its cluster_id and name attributes.
func poolIDOfAttributes(clusterID, name types.String, diags *diag.Diagnostics) (aksapi.PoolID, bool) {
	cluster, err := aksapi.ParseClusterID(clusterID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		return aksapi.PoolID{}, false
	}
	return cluster.Pool(name.ValueString()), true
}

// clusterIDFrom parses a managed cluster's id attribute (read by an earlier step) into id.
func clusterIDFrom(attribute *types.String, id *aksapi.ClusterID) step {
	return step{after: true, run: func(_ context.Context, diags *diag.Diagnostics) {
		parsed, err := aksapi.ParseClusterID(attribute.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("id"), "Invalid managed cluster ID", err.Error())
		}
		*id = parsed
	}}
}

// begin is the preamble of every CRUD method: it reads the request's models, bounds ctx by the
// operation's timeout (the one configured, read from a model, hence the pointer, or the
// resource's default), then parses the IDs the operation needs. ok is false when diags hold an
// error; cancel is always safe to call.
func (l lifecycle) begin(ctx context.Context, op operation, configured *timeouts.Value, diags *diag.Diagnostics, steps ...step) (_ context.Context, cancel context.CancelFunc, timeout time.Duration, ok bool) {
	for _, s := range steps {
		if !s.after {
			s.run(ctx, diags)
		}
	}
	if diags.HasError() {
		return ctx, func() {}, 0, false
	}
	var d diag.Diagnostics
	switch op {
	case opCreate:
		timeout, d = configured.Create(ctx, l.create)
	case opRead:
		timeout, d = configured.Read(ctx, l.read)
	case opUpdate:
		timeout, d = configured.Update(ctx, l.update)
	case opDelete:
		timeout, d = configured.Delete(ctx, l.delete)
	}
	diags.Append(d...)
	if diags.HasError() {
		return ctx, func() {}, 0, false
	}
	ctx, cancel = context.WithTimeout(ctx, timeout)
	for _, s := range steps {
		if s.after && !diags.HasError() {
			s.run(ctx, diags)
		}
	}
	return ctx, cancel, timeout, !diags.HasError()
}

// block is the resource's timeouts block, documented with its defaults.
func (l lifecycle) block(ctx context.Context) schema.Block {
	block := timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true})
	nested, ok := block.(schema.SingleNestedBlock)
	if !ok {
		return block
	}
	nested.MarkdownDescription = fmt.Sprintf("How long Terraform waits for each operation, as a duration such as `\"90m\"`. "+
		"Defaults: create %dm, read %dm, update %dm, delete %dm.", int(l.create.Minutes()), int(l.read.Minutes()), int(l.update.Minutes()), int(l.delete.Minutes()))
	return nested
}

// failure explains a failed call: AKS's code and message, or the timeout and what it means.
func (l lifecycle) failure(err error, timeout time.Duration, op operation) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("%s\n\nThe %s timeout (%s) ran out. AKS may still be working on the operation; the %s is recorded in the state and marked tainted if it was created. "+
			"Raise timeouts.%s if the operation needs longer.", err, op, timeout, l.noun, op)
	}
	return err.Error()
}

// timeoutsAttrTypes are the attributes of the timeouts block, for a null block at import.
var timeoutsAttrTypes = map[string]attr.Type{
	"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType,
}

// readPlanModels is the preamble of ModifyPlan: the plan and the configuration, and the state when
// the resource exists (nil on create). ok is false when the diagnostics hold an error.
func readPlanModels[M any](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) (plan, config M, state *M, ok bool) {
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return plan, config, nil, false
	}
	if !req.State.Raw.IsNull() {
		state = new(M)
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	return plan, config, state, !resp.Diagnostics.HasError()
}

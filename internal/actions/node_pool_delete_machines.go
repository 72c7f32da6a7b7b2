package actions

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var (
	_ action.ActionWithConfigure      = (*nodePoolDeleteMachinesAction)(nil)
	_ action.ActionWithValidateConfig = (*nodePoolDeleteMachinesAction)(nil)
)

// NewNodePoolDeleteMachinesAction returns the aks_node_pool_delete_machines action.
func NewNodePoolDeleteMachinesAction() action.Action { return &nodePoolDeleteMachinesAction{} }

type nodePoolDeleteMachinesAction struct{ base }

type nodePoolDeleteMachinesModel struct {
	NodePoolID   types.String   `tfsdk:"node_pool_id"`
	MachineNames []types.String `tfsdk:"machine_names"`
	Timeout      types.String   `tfsdk:"timeout"`
}

const (
	attrMachineNames      = "machine_names"
	deleteMachinesTimeout = 30 * time.Minute
)

func (a *nodePoolDeleteMachinesAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool_delete_machines"
}

func (a *nodePoolDeleteMachinesAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Deletes named machines (nodes) of a node pool, as `az aks nodepool delete-machines` does: AKS deletes their virtual machines and lowers the pool's node count by as many. " +
			"AKS does not drain the nodes first: cordon and drain them with kubectl beforehand if their pods must move gracefully. " +
			"The machine names are the Kubernetes node names, such as `aks-userpool-12345678-vmss000002` (`kubectl get nodes`, or `az aks machine list`). " +
			"Names must be non-empty and distinct, checked at plan time; whether they belong to the pool is checked by AKS when the action runs, and a refusal lists the pool's machines. " +
			"The action waits for AKS and reports progress while it waits.\n\n" +
			"A pool whose `node_count` Terraform manages (without autoscaling) has fewer nodes afterwards, so the next plan shows `node_count` to scale back; " +
			"lower `node_count` in the configuration as well, or use the action on autoscaled pools, where the autoscaler owns the count " +
			"([AKS REST API: Agent Pools - Delete Machines](https://learn.microsoft.com/rest/api/aks/agent-pools/delete-machines)).",
		Attributes: map[string]schema.Attribute{
			attrNodePoolID: nodePoolIDAttribute(true, "The ARM ID of the node pool whose machines to delete, such as `aks_node_pool.example.id`."),
			attrMachineNames: schema.ListAttribute{
				Required:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The names of the machines to delete: at least one, each non-empty and named once (compared case-insensitively).",
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			},
			attrTimeout: timeoutAttribute(deleteMachinesTimeout),
		},
	}
}

// ValidateConfig refuses empty and repeated machine names, at the element that is wrong.
func (a *nodePoolDeleteMachinesAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var names types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(attrMachineNames), &names)...)
	if resp.Diagnostics.HasError() || names.IsNull() || names.IsUnknown() {
		return
	}
	first := map[string]int{}
	for i, element := range names.Elements() {
		name, ok := element.(types.String)
		if !ok || name.IsUnknown() {
			continue
		}
		at := path.Root(attrMachineNames).AtListIndex(i)
		value := name.ValueString()
		if name.IsNull() || strings.TrimSpace(value) == "" {
			resp.Diagnostics.AddAttributeError(at, "Empty machine name",
				fmt.Sprintf("%s is empty; give the name of a machine of the pool, such as \"aks-userpool-12345678-vmss000002\" (kubectl get nodes).", at))
			continue
		}
		key := strings.ToLower(value)
		if j, seen := first[key]; seen {
			resp.Diagnostics.AddAttributeError(at, "Machine named twice",
				fmt.Sprintf("%s = %q names the same machine as %s[%d]; AKS machine names compare case-insensitively. Name each machine once.", at, value, attrMachineNames, j))
			continue
		}
		first[key] = i
	}
}

func (a *nodePoolDeleteMachinesAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var model nodePoolDeleteMachinesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !a.configured(&resp.Diagnostics) {
		return
	}
	id, err := aksapi.ParsePoolID(model.NodePoolID.ValueString())
	if err != nil {
		attrError(&resp.Diagnostics, attrNodePoolID, "Invalid node pool ID", err.Error())
		return
	}
	names := make([]string, 0, len(model.MachineNames))
	for _, n := range model.MachineNames {
		names = append(names, n.ValueString())
	}
	ctx, cancel := context.WithTimeout(ctx, timeoutOf(model.Timeout, deleteMachinesTimeout))
	defer cancel()
	p := newProgress(resp)

	p.say("Deleting %d machine(s) of pool %s of cluster %s: %s.", len(names), id.Name, id.Cluster.Name, strings.Join(names, ", "))
	stop := p.waiting("delete the machines of pool " + id.Name)
	err = a.client.AKS.DeletePoolMachines(ctx, id, names, func() {
		p.say("AKS accepted the deletion; waiting for it to finish.")
	})
	stop()
	if err != nil {
		attrError(&resp.Diagnostics, attrMachineNames, "Deleting machines failed", err.Error()+a.machinesHint(ctx, id, err))
		return
	}
	pool, err := a.client.AKS.GetPool(ctx, id)
	if err != nil || pool.Properties == nil || pool.Properties.Count == nil {
		p.say("Deleted %d machine(s) of pool %s.", len(names), id.Name)
		return
	}
	p.say("Deleted %d machine(s) of pool %s; it now has %d node(s).", len(names), id.Name, *pool.Properties.Count)
}

// machinesHint lists the pool's machines after AKS refused the request (400), since the usual
// reason is a name that is not, or no longer, a machine of the pool.
func (a *nodePoolDeleteMachinesAction) machinesHint(ctx context.Context, id aksapi.PoolID, err error) string {
	var apiErr *aksapi.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		return ""
	}
	machines, listErr := a.client.AKS.ListPoolMachines(ctx, id)
	if listErr != nil {
		return ""
	}
	var names []string
	for _, m := range machines {
		if m.Name != nil {
			names = append(names, *m.Name)
		}
	}
	if len(names) == 0 {
		return fmt.Sprintf("\n\nPool %s has no machines now.", id.Name)
	}
	return fmt.Sprintf("\n\nThe machines of pool %s are: %s.", id.Name, strings.Join(names, ", "))
}

package aks

// The placement subject of a pool: where its VMs come from (a capacity reservation group, a
// dedicated host group, a proximity placement group, a node pool snapshot), its nodes' message of
// the day, how it scales down and how its pods get IPs. upgrade_settings.undrainable_node_behavior
// lives with the rest of upgrade_settings (pool_schema.go).
//
// What AKS changes in place, from Microsoft's docs and `az aks nodepool update`'s flags:
//   - scale_down_mode: in place (`az aks nodepool update --scale-down-mode`, scale-down-mode.md);
//   - capacity_reservation_group_id: set when a pool is added; associating an existing pool is a
//     preview feature (use-capacity-reservation-groups.md), not in API 2025-10-01: replace;
//   - host_group_id: "An existing agent pool can't be converted from non-ADH to ADH or ADH to
//     non-ADH" and not from host group A to B (use-azure-dedicated-hosts.md; the API: "used only in
//     creation scenario and not allowed to changed once set"): replace;
//   - proximity_placement_group_id: "A node pool can associate a proximity placement group at node
//     pool create time only" (reduce-latency-ppg.md): replace;
//   - snapshot_id: creationData is what a pool is created from (node-pool-snapshot.md); moving a
//     pool to another snapshot is `az aks nodepool upgrade --snapshot-id`, a version upgrade this
//     provider does not drive yet: replace;
//   - message_of_the_day: set "when creating a cluster or adding a node pool" (no update flag):
//     replace;
//   - pod_ip_allocation_mode: "Migrating or updating existing clusters or node pools is not
//     supported" (configure-azure-cni-static-block-allocation.md): replace.

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolPlacement are the placement settings of both kinds of pool (embedded in poolSettings).
type poolPlacement struct {
	CapacityReservationGroupID types.String `tfsdk:"capacity_reservation_group_id"`
	HostGroupID                types.String `tfsdk:"host_group_id"`
	ProximityPlacementGroupID  types.String `tfsdk:"proximity_placement_group_id"`
	SnapshotID                 types.String `tfsdk:"snapshot_id"`
	MessageOfTheDay            types.String `tfsdk:"message_of_the_day"`
	ScaleDownMode              types.String `tfsdk:"scale_down_mode"`
	PodIPAllocationMode        types.String `tfsdk:"pod_ip_allocation_mode"`
}

// placementAttributes declares the placement attributes. AKS allows all of them on a System pool
// (the CRG, dedicated host, PPG and snapshot docs show `az aks create` with them; the API's
// ManagedClustersCreate_Update example sets scaleDownMode on the cluster's first pool).
func placementAttributes(k poolKind) map[string]schema.Attribute {
	id := func(name string, v validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: placementDoc(k, name), Validators: []validator.String{v}}
	}
	return map[string]schema.Attribute{
		"capacity_reservation_group_id": id("capacity_reservation_group_id", rules.CapacityReservationGroupID()),
		"host_group_id":                 id("host_group_id", rules.HostGroupID()),
		"proximity_placement_group_id":  id("proximity_placement_group_id", rules.ProximityPlacementGroupID()),
		"snapshot_id":                   id("snapshot_id", rules.SnapshotID()),
		"message_of_the_day": schema.StringAttribute{
			Optional: true, MarkdownDescription: placementDoc(k, "message_of_the_day"),
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"scale_down_mode": schema.StringAttribute{
			Optional: true, MarkdownDescription: k.doc("scale_down_mode"),
			Validators: []validator.String{stringvalidator.OneOf(rules.ScaleDownModes...)},
		},
		"pod_ip_allocation_mode": schema.StringAttribute{
			Optional: true, MarkdownDescription: placementDoc(k, "pod_ip_allocation_mode"),
			Validators: []validator.String{stringvalidator.OneOf(rules.PodIPAllocationModes...)},
		},
	}
}

// expandPlacement sets the placement part of a create body.
func expandPlacement(_ context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	p.CapacityReservationGroupID = stringPointer(s.CapacityReservationGroupID)
	p.HostGroupID = stringPointer(s.HostGroupID)
	p.ProximityPlacementGroupID = stringPointer(s.ProximityPlacementGroupID)
	if known(s.SnapshotID) {
		p.CreationData = &armcontainerservice.CreationData{SourceResourceID: s.SnapshotID.ValueStringPointer()}
	}
	if known(s.MessageOfTheDay) {
		// AKS takes the message base64-encoded and writes it decoded to /etc/motd.
		encoded := base64.StdEncoding.EncodeToString([]byte(s.MessageOfTheDay.ValueString()))
		p.MessageOfTheDay = &encoded
	}
	p.ScaleDownMode = enumPointer[armcontainerservice.ScaleDownMode](s.ScaleDownMode)
	p.PodIPAllocationMode = enumPointer[armcontainerservice.PodIPAllocationMode](s.PodIPAllocationMode)
	return nil
}

// flattenPlacement reads the placement settings back; IDs keep the prior spelling when equal
// ignoring case, and the message of the day is shown decoded.
func flattenPlacement(_ context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	prior := poolPlacement{}
	if opts.prior != nil {
		prior = opts.prior.poolPlacement
	}
	s.CapacityReservationGroupID = keepSpelling(prior.CapacityReservationGroupID, p.CapacityReservationGroupID)
	s.HostGroupID = keepSpelling(prior.HostGroupID, p.HostGroupID)
	s.ProximityPlacementGroupID = keepSpelling(prior.ProximityPlacementGroupID, p.ProximityPlacementGroupID)
	var source *string
	if p.CreationData != nil {
		source = p.CreationData.SourceResourceID
	}
	s.SnapshotID = keepSpelling(prior.SnapshotID, source)
	s.MessageOfTheDay = decodeMessageOfTheDay(p.MessageOfTheDay)
	s.ScaleDownMode = flattenDefaulted(prior.ScaleDownMode, enumString(p.ScaleDownMode), rules.ScaleDownModeDelete, opts)
	s.PodIPAllocationMode = flattenDefaulted(prior.PodIPAllocationMode, enumString(p.PodIPAllocationMode), rules.PodIPAllocationDynamicIndividual, opts)
	return nil
}

// flattenDefaulted reads a setting AKS may fill with its default, or leave out, when the user set
// none: its default reads back as the prior value (null when the user wrote none, the default when
// they wrote it), so that neither an unset nor an explicit default ever shows as drift. Data sources
// show what AKS holds.
func flattenDefaulted(prior types.String, api *string, def string, opts flattenOptions) types.String {
	if opts.prior == nil {
		return keepSpelling(prior, api)
	}
	if api == nil || *api == "" || strings.EqualFold(*api, def) {
		if known(prior) && strings.EqualFold(prior.ValueString(), def) {
			return prior
		}
		return types.StringNull()
	}
	return keepSpelling(prior, api)
}

// withDefault is the value AKS applies: def when unset.
func withDefault(v types.String, def string) types.String {
	if v.IsNull() {
		return types.StringValue(def)
	}
	return v
}

// decodeMessageOfTheDay is the plain text of AKS's base64 message; a value that is not base64
// (set outside the provider against the API's rule) is shown as AKS holds it.
func decodeMessageOfTheDay(v *string) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	raw, err := base64.StdEncoding.DecodeString(*v)
	if err != nil {
		return types.StringValue(*v)
	}
	return types.StringValue(string(raw))
}

// placementChanges: scale_down_mode is the one placement setting AKS changes in place; unset
// means AKS's default, Delete (so removing it deletes the deallocated nodes, as the docs say).
func placementChanges(_ context.Context, l *poolChangeList, state, plan poolValues) {
	mode := withDefault(plan.ScaleDownMode, rules.ScaleDownModeDelete)
	if changed(withDefault(state.ScaleDownMode, rules.ScaleDownModeDelete), mode) {
		l.add("scale_down_mode", func(p *poolProperties) {
			p.ScaleDownMode = enumPointer[armcontainerservice.ScaleDownMode](mode)
		})
	}
}

// placementReplacements names the placement settings whose change needs a new pool. IDs
// compare ignoring case, as ARM does.
func placementReplacements(state, plan nodePoolSettings) []string {
	var out []string
	differs := func(name string, s, p types.String, ignoreCase bool) {
		switch {
		case p.IsUnknown():
			out = append(out, name)
		case s.IsNull() != p.IsNull():
			out = append(out, name)
		case ignoreCase && !strings.EqualFold(s.ValueString(), p.ValueString()):
			out = append(out, name)
		case !ignoreCase && s.ValueString() != p.ValueString():
			out = append(out, name)
		}
	}
	differs("capacity_reservation_group_id", state.CapacityReservationGroupID, plan.CapacityReservationGroupID, true)
	differs("host_group_id", state.HostGroupID, plan.HostGroupID, true)
	differs("proximity_placement_group_id", state.ProximityPlacementGroupID, plan.ProximityPlacementGroupID, true)
	differs("snapshot_id", state.SnapshotID, plan.SnapshotID, true)
	differs("message_of_the_day", state.MessageOfTheDay, plan.MessageOfTheDay, false)
	differs("pod_ip_allocation_mode", withDefault(state.PodIPAllocationMode, rules.PodIPAllocationDynamicIndividual),
		withDefault(plan.PodIPAllocationMode, rules.PodIPAllocationDynamicIndividual), false)
	return out
}

// placementRules copies the placement settings into the pool the rules read.
func placementRules(s nodePoolSettings, r *rules.Pool) {
	r.PoolPlacement = rules.PoolPlacement{
		CapacityReservationGroupID: s.CapacityReservationGroupID,
		HostGroupID:                s.HostGroupID,
		ProximityPlacementGroupID:  s.ProximityPlacementGroupID,
		SnapshotID:                 s.SnapshotID,
		MessageOfTheDay:            s.MessageOfTheDay,
		ScaleDownMode:              s.ScaleDownMode,
		PodIPAllocationMode:        s.PodIPAllocationMode,
		Zones:                      s.Zones,
	}
}

// placementDoc is k.doc(name), saying "rotates the pool" for the default pool where aks_node_pool
// is replaced.
func placementDoc(k poolKind, name string) string {
	d := k.doc(name)
	if k == defaultPoolKind {
		d = strings.ReplaceAll(d, "replaces the node pool", "rotates the default pool")
	}
	return d
}

// undrainableNodeBehaviors are the upgrade_settings.undrainable_node_behavior values (API 2025-10-01).
func undrainableNodeBehaviors() []string {
	var out []string
	for _, b := range armcontainerservice.PossibleUndrainableNodeBehaviorValues() {
		out = append(out, string(b))
	}
	return out
}

package aksrules

// The placement IDs' type and existence are checked with the emulator's resources
// (references.go); what is left here is the rule between a proximity placement group and zones.

// checkProximityPlacementZones: "A proximity placement group can map to only one availability
// zone" (reduce-latency-ppg.md). Unverified: AKS's code and text.
func checkProximityPlacementZones(_ World, _ string, p *poolProperties) *Error {
	if !isSet(p.ProximityPlacementGroupID) || len(p.AvailabilityZones) <= 1 {
		return nil
	}
	return badRequest(codeInvalidParameter, "proximityPlacementGroupID",
		"An agent pool with a proximity placement group can use only one availability zone; got %d zones.", len(p.AvailabilityZones))
}

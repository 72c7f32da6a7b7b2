package rules

import "testing"

func TestGUID(t *testing.T) {
	testStringValidator(t, GUID(), "admin_group_object_ids", []stringCase{
		{value: "00000000-0000-4000-8000-000000000009"},
		{value: "not-a-guid", wantSummary: "Invalid object ID"},
		{value: "{00000000-0000-4000-8000-000000000009}", wantSummary: "Invalid object ID"},
	})
}

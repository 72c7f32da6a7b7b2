package rules

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// GUID validates an object ID such as an Entra ID group's.
func GUID() validator.String {
	return stringCheck{
		description: "must be a GUID such as `00000000-0000-0000-0000-000000000000`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := uuid.Parse(value); err == nil && len(value) == 36 {
				return nil
			}
			return &problem{summary: "Invalid object ID",
				detail: explain(fmt.Sprintf("%s = %q is not a GUID.", name, value),
					"Microsoft Entra ID objects are named by their object ID, a GUID",
					sourceClusterAPI+", aadProfile.adminGroupObjectIDs",
					fmt.Sprintf("use the group's object ID (az ad group show --group <name> --query id) in %s.", name))}
		},
	}
}

package rules

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// MaxSurge validates upgrade_settings.max_surge: a node count ("1") or a
// percentage of the pool ("33%").
func MaxSurge() validator.String { return countOrPercent("max_surge", "33%") }

// MaxUnavailable validates upgrade_settings.max_unavailable: a node count ("1")
// or a percentage of the pool ("5%").
func MaxUnavailable() validator.String { return countOrPercent("max_unavailable", "5%") }

func countOrPercent(setting, example string) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be a whole number of nodes (for example `1`) or a percentage of the pool from 0%% to 100%% (for example `%s`)", example),
		check: func(_ context.Context, name, value string) *problem {
			number, isPercent := strings.CutSuffix(value, "%")
			n, err := strconv.Atoi(number)
			var found string
			switch {
			case err != nil || number != strconv.Itoa(n) || n < 0:
				found = fmt.Sprintf("%s = %q is neither a whole number of nodes nor a percentage.", name, value)
			case isPercent && n > 100:
				found = fmt.Sprintf("%s = %q is more than 100%% of the pool.", name, value)
			default:
				return nil
			}
			return &problem{
				summary: "Invalid upgrade setting " + setting,
				detail: explain(found,
					fmt.Sprintf("%s is an integer number of nodes (e.g. '1') or a percentage (e.g. '%s') of the pool's size, fractional nodes rounded up", setting, example),
					sourceAPI+", agentPoolUpgradeSettings",
					fmt.Sprintf(`set %s to a value such as "1" or "%s".`, name, example)),
			}
		},
	}
}

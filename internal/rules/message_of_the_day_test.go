package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckMessageOfTheDayLinux(t *testing.T) {
	motd := func(os types.String) Pool {
		return with(userPool(), func(p *Pool) { p.OSType = os; p.MessageOfTheDay = str("foo\n") })
	}
	expectDiags(t, checkMessageOfTheDayLinux(path.Empty(), motd(types.StringNull())))
	expectDiags(t, checkMessageOfTheDayLinux(path.Empty(), motd(str(OSTypeLinux))))
	expectDiags(t, checkMessageOfTheDayLinux(path.Empty(), motd(types.StringUnknown())))
	expectDiags(t, checkMessageOfTheDayLinux(path.Empty(), with(userPool(), func(p *Pool) { p.OSType = str(OSTypeWindows) })))
	expectDiags(t, checkMessageOfTheDayLinux(path.Empty(), motd(str(OSTypeWindows))),
		errAt("message_of_the_day", "Message of the day on a Windows pool", `os_type = "Windows"`, "must not be specified for Windows nodes", "remove message_of_the_day"))
}

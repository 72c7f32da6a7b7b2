package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckMessageOfTheDay(t *testing.T) {
	w := testWorld()
	// Microsoft's AgentPoolsCreate_MessageOfTheDay.json: "foo\n".
	wantError(t, checkMessageOfTheDay(w, "p", &poolProperties{MessageOfTheDay: to("Zm9vCg==")}), "", "")
	wantError(t, checkMessageOfTheDay(w, "p", &poolProperties{OSType: to(armcontainerservice.OSTypeWindows)}), "", "")
	wantError(t, checkMessageOfTheDay(w, "p", &poolProperties{MessageOfTheDay: to("Zm9vCg=="), OSType: to(armcontainerservice.OSTypeWindows)}),
		codeInvalidParameter, "must not be specified for Windows nodes")
	wantError(t, checkMessageOfTheDay(w, "p", &poolProperties{MessageOfTheDay: to("plain text!")}), codeInvalidParameter, "base64")
}

func TestCheckMessageOfTheDayChange(t *testing.T) {
	w := testWorld()
	old := &poolProperties{MessageOfTheDay: to("Zm9vCg==")}
	wantError(t, checkMessageOfTheDayChange(w, "p", old, &poolProperties{MessageOfTheDay: to("Zm9vCg==")}), "", "")
	wantError(t, checkMessageOfTheDayChange(w, "p", old, &poolProperties{MessageOfTheDay: to("YmFyCg==")}), codePropertyChangeNotAllowed, "messageOfTheDay")
	wantError(t, checkMessageOfTheDayChange(w, "p", &poolProperties{}, &poolProperties{MessageOfTheDay: to("YmFyCg==")}), codePropertyChangeNotAllowed, "messageOfTheDay")
}

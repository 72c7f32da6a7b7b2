// Command terraform-provider-aks serves the aks Terraform provider over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/aksforge/terraform-provider-aks/internal/provider"
)

// version and commit are set by goreleaser through -ldflags "-X main.version=... -X main.commit=...".
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "start the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version, commit), providerserver.ServeOpts{
		Address: "registry.terraform.io/aksforge/aks",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}

# A reusable module declares the providers it needs and leaves their configuration to its caller
# (here: `terraform test`, or a root module). Nothing in it knows about the emulator.
terraform {
  required_version = ">= 1.6"
  required_providers {
    aks = {
      source = "aksforge/aks"
    }
  }
}

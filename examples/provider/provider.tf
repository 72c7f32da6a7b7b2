# Every argument is optional and falls back to the ARM_* environment variable azurerm users
# already know. With nothing set, the provider uses Azure's default credential chain.
provider "aks" {
  subscription_id = "00000000-0000-0000-0000-000000000000"
  tenant_id       = "11111111-1111-1111-1111-111111111111"

  # Service principal with a client secret (prefer ARM_CLIENT_SECRET over a literal):
  client_id     = "22222222-2222-2222-2222-222222222222"
  client_secret = var.client_secret
}

variable "client_secret" {
  type      = string
  sensitive = true
}

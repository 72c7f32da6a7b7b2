# `terraform test` of the module against the local Azure emulator. The runs share one state and
# follow each other: create, add a pool, scale and relabel it, add an ARM64 pool. At the end
# terraform test destroys everything, in reverse order.
#
# The provider block is empty: the cloud and the credentials come from the environment the
# emulator prints (ARM_METADATA_HOSTNAME, ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET,
# ARM_SUBSCRIPTION_ID, SSL_CERT_FILE), exactly as for a private Azure cloud.
provider "aks" {}

variables {
  name                = "aks-offline"
  resource_group_name = "rg-aks-test" # in the emulator's built-in seed
}

# The module's own rule, checked at plan time: nothing is created.
run "name_convention" {
  command = plan

  variables {
    name = "offline"
  }

  expect_failures = [var.name]
}

run "cluster" {
  assert {
    condition     = endswith(output.cluster_id, "/resourceGroups/rg-aks-test/providers/Microsoft.ContainerService/managedClusters/aks-offline")
    error_message = "Unexpected cluster ID: ${output.cluster_id}."
  }
  assert {
    condition     = aks_cluster.this.default_node_pool.current_node_count == 2
    error_message = "The System pool should have 2 nodes."
  }
  assert {
    condition     = output.kubernetes_version == data.aks_kubernetes_versions.current.default_version
    error_message = "The cluster should run the region's default version, not ${output.kubernetes_version}."
  }
  assert {
    condition     = length(output.user_pools) == 0
    error_message = "No user pool was asked for."
  }
}

run "add_pool" {
  variables {
    user_pools = {
      apps = { node_count = 1 }
    }
  }

  assert {
    condition     = output.user_pools["apps"].node_count == 1
    error_message = "The apps pool should have 1 node."
  }
  assert {
    condition     = aks_node_pool.user["apps"].provisioning_state == "Succeeded"
    error_message = "The apps pool should be Succeeded."
  }
}

run "scale_and_relabel" {
  variables {
    user_pools = {
      apps = { node_count = 3, node_labels = { team = "payments" } }
    }
  }

  assert {
    condition     = output.user_pools["apps"].node_count == 3
    error_message = "The apps pool should have scaled to 3 nodes."
  }
  assert {
    condition     = output.user_pools["apps"].node_labels == tomap({ team = "payments" })
    error_message = "The apps pool should carry the label team=payments."
  }
  # Scaling and relabelling are in-place changes: the pool keeps its ID.
  assert {
    condition     = output.user_pools["apps"].id == run.add_pool.user_pools["apps"].id
    error_message = "The apps pool should have been updated in place, not replaced."
  }
}

run "arm64_pool" {
  variables {
    user_pools = {
      apps  = { node_count = 3, node_labels = { team = "payments" } }
      arm64 = { vm_size = "Standard_D4ps_v5", node_count = 2 }
    }
  }

  assert {
    condition     = output.user_pools["arm64"].vm_size == "Standard_D4ps_v5"
    error_message = "The arm64 pool should run Standard_D4ps_v5."
  }
  assert {
    condition     = aks_node_pool.user["arm64"].current_node_count == 2
    error_message = "The arm64 pool should have 2 nodes."
  }
}

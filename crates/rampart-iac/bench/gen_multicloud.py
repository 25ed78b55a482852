#!/usr/bin/env python3
"""Generates a realistic multi-cloud infrastructure-as-code tree for benchmarks.

    python3 crates/rampart-iac/bench/gen_multicloud.py OUT_DIR [--scale N] [--seed S]

OUT_DIR/terraform      root modules per environment and cloud (AWS, Azure, GCP) calling local
                       modules with variables, tfvars, locals, count, for_each and dynamic
                       blocks, plus resources declared directly in the roots
OUT_DIR/cloudformation YAML templates with short-form tags (!Ref, !Sub, !GetAtt, !If)
OUT_DIR/kubernetes     multi-document manifests (Deployments, StatefulSets, CronJobs,
                       Services, Ingresses, ConfigMaps)

Settings vary per environment: production is mostly hardened, development mostly not, so every
scanner has findings to report. The output is deterministic for a given --scale and --seed.
Nothing here is a real credential; names are invented.
"""

import argparse
import json
import os
import random
import shutil

ENVS = ["prod", "staging", "dev", "sandbox"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text.lstrip("\n"))


def hcl(value, indent=0):
    """A Python value as an HCL expression."""
    pad = "  " * indent
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(hcl(v, indent) for v in value) + "]"
    if isinstance(value, dict):
        inner = "\n".join(f"{pad}  {k} = {hcl(v, indent + 1)}" for k, v in value.items())
        return "{\n" + inner + "\n" + pad + "}"
    raise TypeError(value)


# --------------------------------------------------------------------------- terraform modules

AWS_MODULES = {
    "aws-storage": r'''
variable "name" { type = string }
variable "tags" {
  type    = map(string)
  default = {}
}
variable "settings" {
  type = object({
    acl            = optional(string, "private")
    versioning     = optional(bool, true)
    kms_key_arn    = optional(string)
    block_public   = optional(bool, true)
    access_logging = optional(bool, false)
    lifecycle_days = optional(number, 90)
  })
  default = {}
}

locals {
  bucket_name = lower(replace("${var.name}-data", "_", "-"))
}

resource "aws_s3_bucket" "this" {
  bucket = local.bucket_name
  tags   = merge(var.tags, { Name = local.bucket_name })
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.settings.acl
}

resource "aws_s3_bucket_public_access_block" "this" {
  count                   = var.settings.block_public ? 1 : 0
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.settings.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.settings.kms_key_arn != null ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.settings.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.settings.access_logging ? 1 : 0
  bucket        = aws_s3_bucket.this.id
  target_bucket = "${var.name}-access-logs"
  target_prefix = "s3/"
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = var.settings.lifecycle_days
    }
  }
}

output "bucket_id" { value = aws_s3_bucket.this.id }
output "bucket_arn" { value = aws_s3_bucket.this.arn }
''',
    "aws-network": r'''
variable "name" { type = string }
variable "cidr" { type = string }
variable "azs" { type = list(string) }
variable "admin_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
variable "public_ports" {
  type    = list(number)
  default = [443]
}
variable "flow_logs" {
  type    = bool
  default = true
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  tags                 = { Name = var.name }
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr, 8, count.index)
  availability_zone = var.azs[count.index]
}

resource "aws_subnet" "public" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr, 8, count.index + 100)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = true
}

resource "aws_flow_log" "this" {
  count           = var.flow_logs ? 1 : 0
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:${var.name}"
}

resource "aws_security_group" "web" {
  name        = "${var.name}-web"
  description = "web tier"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = var.public_ports
    content {
      description = "public ${ingress.value}"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

output "vpc_id" { value = aws_vpc.this.id }
output "private_subnet_ids" { value = aws_subnet.private[*].id }
output "web_sg_id" { value = aws_security_group.web.id }
''',
    "aws-compute": r'''
variable "name" { type = string }
variable "instance_count" {
  type    = number
  default = 2
}
variable "subnet_ids" { type = list(string) }
variable "security_group_id" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "aws_instance" "app" {
  count                  = var.instance_count
  ami                    = "ami-0123456789abcdef0"
  instance_type          = count.index == 0 ? "m5.large" : "t3.medium"
  subnet_id              = element(var.subnet_ids, count.index)
  vpc_security_group_ids = [var.security_group_id]
  monitoring             = var.hardened
  ebs_optimized          = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.hardened ? "required" : "optional"
  }

  root_block_device {
    encrypted   = var.hardened
    volume_size = 30
  }

  tags = { Name = format("%s-app-%02d", var.name, count.index + 1) }
}

resource "aws_ebs_volume" "data" {
  count             = var.instance_count
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = var.hardened
}

resource "aws_launch_template" "app" {
  name_prefix   = "${var.name}-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.medium"
  metadata_options {
    http_tokens = var.hardened ? "required" : "optional"
  }
}
''',
    "aws-data": r'''
variable "name" { type = string }
variable "public" {
  type    = bool
  default = false
}
variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_kms_key" "data" {
  description             = "${var.name} data key"
  deletion_window_in_days = 30
  enable_key_rotation     = var.encrypted
}

resource "aws_db_instance" "main" {
  identifier                 = "${var.name}-db"
  engine                     = "postgres"
  engine_version             = "16.3"
  instance_class             = "db.t3.medium"
  allocated_storage          = 50
  username                   = "app"
  manage_master_user_password = true
  storage_encrypted          = var.encrypted
  kms_key_id                 = var.encrypted ? aws_kms_key.data.arn : null
  publicly_accessible        = var.public
  backup_retention_period    = var.encrypted ? 14 : 0
  deletion_protection        = var.encrypted
  multi_az                   = var.encrypted
  skip_final_snapshot        = !var.encrypted
}

resource "aws_dynamodb_table" "sessions" {
  name         = "${var.name}-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = var.encrypted
  }
  server_side_encryption {
    enabled     = var.encrypted
    kms_key_arn = aws_kms_key.data.arn
  }
}

resource "aws_sqs_queue" "jobs" {
  name                    = "${var.name}-jobs"
  sqs_managed_sse_enabled = var.encrypted
}
''',
    "aws-iam": r'''
variable "name" { type = string }
variable "admin_wildcard" {
  type    = bool
  default = false
}
variable "bucket_arn" { type = string }

resource "aws_iam_role" "app" {
  name = "${var.name}-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_policy" "app" {
  name = "${var.name}-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = var.admin_wildcard ? ["*"] : ["s3:GetObject", "s3:PutObject"]
        Resource = var.admin_wildcard ? ["*"] : ["${var.bucket_arn}/*"]
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}
''',
    "aws-ml": r'''
variable "name" { type = string }
variable "hardened" {
  type    = bool
  default = true
}
variable "subnet_id" { type = string }

resource "aws_kms_key" "ml" {
  description         = "${var.name} ml key"
  enable_key_rotation = true
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "${var.name}-research"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.hardened ? "Disabled" : "Enabled"
  root_access            = var.hardened ? "Disabled" : "Enabled"
  kms_key_id             = var.hardened ? aws_kms_key.ml.arn : null
  subnet_id              = var.subnet_id
}

resource "aws_sagemaker_endpoint_configuration" "inference" {
  name        = "${var.name}-inference"
  kms_key_arn = var.hardened ? aws_kms_key.ml.arn : null
  production_variants {
    variant_name           = "primary"
    model_name             = "${var.name}-model"
    initial_instance_count = 1
    instance_type          = "ml.g5.xlarge"
  }
}
''',
}

AZURE_MODULES = {
    "azure-storage": r'''
variable "name" { type = string }
variable "location" { type = string }
variable "resource_group" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "azurerm_storage_account" "this" {
  name                            = substr(replace(lower(var.name), "-", ""), 0, 24)
  resource_group_name             = var.resource_group
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = var.hardened ? "GRS" : "LRS"
  min_tls_version                 = var.hardened ? "TLS1_2" : "TLS1_0"
  https_traffic_only_enabled      = var.hardened
  allow_nested_items_to_be_public = !var.hardened
  public_network_access_enabled   = !var.hardened

  blob_properties {
    delete_retention_policy {
      days = 7
    }
  }
}

resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_name  = azurerm_storage_account.this.name
  container_access_type = var.hardened ? "private" : "blob"
}
''',
    "azure-network": r'''
variable "name" { type = string }
variable "location" { type = string }
variable "resource_group" { type = string }
variable "ssh_source" {
  type    = string
  default = "10.0.0.0/8"
}
variable "rules" {
  type = map(object({ port = number, priority = number }))
  default = {
    https = { port = 443, priority = 100 }
  }
}

resource "azurerm_virtual_network" "this" {
  name                = "${var.name}-vnet"
  location            = var.location
  resource_group_name = var.resource_group
  address_space       = ["10.10.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = var.resource_group
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet("10.10.0.0/16", 8, 1)]
}

resource "azurerm_network_security_group" "this" {
  name                = "${var.name}-nsg"
  location            = var.location
  resource_group_name = var.resource_group

  security_rule {
    name                       = "ssh"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = var.ssh_source
    destination_address_prefix = "*"
  }

  dynamic "security_rule" {
    for_each = var.rules
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = tostring(security_rule.value.port)
      source_address_prefix      = "*"
      destination_address_prefix = "*"
    }
  }
}
''',
    "azure-compute": r'''
variable "name" { type = string }
variable "location" { type = string }
variable "resource_group" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "azurerm_kubernetes_cluster" "this" {
  name                              = "${var.name}-aks"
  location                          = var.location
  resource_group_name               = var.resource_group
  dns_prefix                        = var.name
  private_cluster_enabled           = var.hardened
  role_based_access_control_enabled = true
  local_account_disabled            = var.hardened
  azure_policy_enabled              = var.hardened

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = var.hardened ? "calico" : null
  }
}

resource "azurerm_linux_function_app" "api" {
  name                       = "${var.name}-api"
  location                   = var.location
  resource_group_name        = var.resource_group
  service_plan_id            = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "${replace(var.name, "-", "")}fn"
  https_only                 = var.hardened
  site_config {
    minimum_tls_version = var.hardened ? "1.2" : "1.0"
    ftps_state          = var.hardened ? "Disabled" : "AllAllowed"
  }
}
''',
    "azure-data": r'''
variable "name" { type = string }
variable "location" { type = string }
variable "resource_group" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "azurerm_key_vault" "this" {
  name                       = "${var.name}-kv"
  location                   = var.location
  resource_group_name        = var.resource_group
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  purge_protection_enabled   = var.hardened
  soft_delete_retention_days = 7
  network_acls {
    default_action = var.hardened ? "Deny" : "Allow"
    bypass         = "AzureServices"
  }
}

resource "azurerm_mssql_server" "this" {
  name                          = "${var.name}-sql"
  resource_group_name           = var.resource_group
  location                      = var.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = !var.hardened
  azuread_administrator {
    login_username = "sqladmin"
    object_id      = "00000000-0000-0000-0000-000000000000"
  }
}

resource "azurerm_machine_learning_workspace" "this" {
  name                          = "${var.name}-ml"
  location                      = var.location
  resource_group_name           = var.resource_group
  application_insights_id       = "/subscriptions/0/ai"
  key_vault_id                  = azurerm_key_vault.this.id
  storage_account_id            = "/subscriptions/0/sa"
  public_network_access_enabled = !var.hardened
  identity {
    type = "SystemAssigned"
  }
}
''',
}

GCP_MODULES = {
    "gcp-storage": r'''
variable "name" { type = string }
variable "project" { type = string }
variable "hardened" {
  type    = bool
  default = true
}
variable "readers" {
  type    = list(string)
  default = []
}

resource "google_storage_bucket" "this" {
  name                        = "${var.project}-${var.name}"
  location                    = "EU"
  uniform_bucket_level_access = var.hardened
  public_access_prevention    = var.hardened ? "enforced" : "inherited"
  versioning {
    enabled = var.hardened
  }
  dynamic "logging" {
    for_each = var.hardened ? [1] : []
    content {
      log_bucket = "${var.project}-logs"
    }
  }
}

resource "google_storage_bucket_iam_member" "readers" {
  for_each = toset(var.readers)
  bucket   = google_storage_bucket.this.name
  role     = "roles/storage.objectViewer"
  member   = each.value
}
''',
    "gcp-network": r'''
variable "name" { type = string }
variable "project" { type = string }
variable "ssh_sources" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

resource "google_compute_network" "this" {
  name                    = "${var.name}-net"
  project                 = var.project
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "this" {
  count                    = 2
  name                     = "${var.name}-sub-${count.index}"
  project                  = var.project
  network                  = google_compute_network.this.id
  ip_cidr_range            = cidrsubnet("10.20.0.0/16", 8, count.index)
  region                   = "europe-west1"
  private_ip_google_access = true
  log_config {
    aggregation_interval = "INTERVAL_10_MIN"
  }
}

resource "google_compute_firewall" "ssh" {
  name          = "${var.name}-ssh"
  project       = var.project
  network       = google_compute_network.this.name
  source_ranges = var.ssh_sources
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "rdp" {
  name          = "${var.name}-rdp"
  project       = var.project
  network       = google_compute_network.this.name
  source_ranges = var.ssh_sources
  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
''',
    "gcp-compute": r'''
variable "name" { type = string }
variable "project" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "google_container_cluster" "this" {
  name                     = "${var.name}-gke"
  project                  = var.project
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
  enable_legacy_abac       = !var.hardened
  enable_shielded_nodes    = var.hardened

  master_auth {
    client_certificate_config {
      issue_client_certificate = !var.hardened
    }
  }

  private_cluster_config {
    enable_private_nodes    = var.hardened
    enable_private_endpoint = var.hardened
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }

  network_policy {
    enabled = var.hardened
  }
}

resource "google_compute_instance" "worker" {
  count        = 2
  name         = "${var.name}-worker-${count.index}"
  project      = var.project
  machine_type = "n2-standard-4"
  zone         = "europe-west1-b"
  can_ip_forward = !var.hardened

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
    dynamic "access_config" {
      for_each = var.hardened ? [] : [1]
      content {}
    }
  }

  metadata = {
    block-project-ssh-keys = var.hardened ? "true" : "false"
    serial-port-enable     = var.hardened ? "false" : "true"
  }

  shielded_instance_config {
    enable_secure_boot = var.hardened
  }
}
''',
    "gcp-data": r'''
variable "name" { type = string }
variable "project" { type = string }
variable "hardened" {
  type    = bool
  default = true
}

resource "google_kms_key_ring" "this" {
  name     = "${var.name}-ring"
  project  = var.project
  location = "europe"
}

resource "google_kms_crypto_key" "this" {
  name            = "${var.name}-key"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = var.hardened ? "7776000s" : null
}

resource "google_sql_database_instance" "this" {
  name             = "${var.name}-pg"
  project          = var.project
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = !var.hardened
      ssl_mode     = var.hardened ? "ENCRYPTED_ONLY" : "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
      dynamic "authorized_networks" {
        for_each = var.hardened ? [] : ["0.0.0.0/0"]
        content {
          name  = "anywhere"
          value = authorized_networks.value
        }
      }
    }
    backup_configuration {
      enabled = var.hardened
    }
  }
}

resource "google_vertex_ai_endpoint" "this" {
  name         = "${var.name}-endpoint"
  display_name = "${var.name} endpoint"
  location     = "europe-west1"
  project      = var.project
}
''',
}


def terraform_tree(root, rng, scale):
    for name, text in {**AWS_MODULES, **AZURE_MODULES, **GCP_MODULES}.items():
        write(f"{root}/modules/{name}/main.tf", text)
    services = ["orders", "billing", "search", "users", "ml-serving", "reports", "catalog", "ingest"]
    n_services = min(len(services), 2 + 2 * scale)
    for env_index, env in enumerate(ENVS):
        hardened = env in ("prod", "staging")
        chosen = services[:n_services]
        # --- AWS root
        d = f"{root}/envs/{env}/aws"
        svc_map = {
            s: {
                "public_bucket": (not hardened) and i % 3 == 0,
                "instances": 1 + (i % 3),
                "versioning": hardened or i % 2 == 0,
            }
            for i, s in enumerate(chosen)
        }
        write(f"{d}/variables.tf", f'''
variable "environment" {{
  type = string
}}
variable "region" {{
  type    = string
  default = "eu-west-1"
}}
variable "services" {{
  type = map(object({{
    public_bucket = optional(bool, false)
    instances     = optional(number, 1)
    versioning    = optional(bool, true)
  }}))
}}
variable "hardened" {{
  type    = bool
  default = true
}}
''')
        write(f"{d}/terraform.tfvars", f'''
environment = "{env}"
hardened    = {hcl(hardened)}
services    = {hcl(svc_map)}
''')
        write(f"{d}/main.tf", f'''
terraform {{
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }}
  }}
}}

provider "aws" {{
  region = var.region
}}

locals {{
  prefix = "acme-${{var.environment}}"
  tags = {{
    Environment = var.environment
    ManagedBy   = "terraform"
  }}
}}

resource "aws_kms_key" "shared" {{
  description         = "${{local.prefix}} shared"
  enable_key_rotation = var.hardened
}}

module "network" {{
  source       = "../../../modules/aws-network"
  name         = local.prefix
  cidr         = "10.{env_index}.0.0/16"
  azs          = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  admin_cidrs  = var.hardened ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
  public_ports = var.hardened ? [443] : [80, 443, 8080]
  flow_logs    = var.hardened
}}

module "storage" {{
  source   = "../../../modules/aws-storage"
  for_each = var.services
  name     = "${{local.prefix}}-${{each.key}}"
  tags     = local.tags
  settings = {{
    acl            = each.value.public_bucket ? "public-read" : "private"
    versioning     = each.value.versioning
    kms_key_arn    = var.hardened ? aws_kms_key.shared.arn : null
    block_public   = !each.value.public_bucket
    access_logging = var.hardened
  }}
}}

module "compute" {{
  source            = "../../../modules/aws-compute"
  for_each          = var.services
  name              = "${{local.prefix}}-${{each.key}}"
  instance_count    = each.value.instances
  subnet_ids        = module.network.private_subnet_ids
  security_group_id = module.network.web_sg_id
  hardened          = var.hardened
}}

module "data" {{
  source    = "../../../modules/aws-data"
  name      = local.prefix
  public    = !var.hardened
  encrypted = var.hardened
}}

module "iam" {{
  source         = "../../../modules/aws-iam"
  for_each       = var.services
  name           = "${{local.prefix}}-${{each.key}}"
  admin_wildcard = !var.hardened && each.key == "{chosen[0]}"
  bucket_arn     = module.storage[each.key].bucket_arn
}}

module "ml" {{
  source    = "../../../modules/aws-ml"
  name      = local.prefix
  hardened  = var.hardened
  subnet_id = module.network.private_subnet_ids[0]
}}

resource "aws_cloudtrail" "main" {{
  name                          = "${{local.prefix}}-trail"
  s3_bucket_name                = "${{local.prefix}}-trail-logs"
  is_multi_region_trail         = var.hardened
  enable_log_file_validation    = var.hardened
  include_global_service_events = true
  kms_key_id                    = var.hardened ? aws_kms_key.shared.arn : null
}}

resource "aws_eks_cluster" "main" {{
  name     = "${{local.prefix}}-eks"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {{
    subnet_ids              = module.network.private_subnet_ids
    endpoint_public_access  = !var.hardened
    endpoint_private_access = true
    public_access_cidrs     = var.hardened ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
  }}
  enabled_cluster_log_types = var.hardened ? ["api", "audit", "authenticator"] : []
}}

resource "aws_lambda_function" "handler" {{
  count         = {1 + scale}
  function_name = "${{local.prefix}}-handler-${{count.index}}"
  role          = "arn:aws:iam::111122223333:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "handler.zip"
  tracing_config {{
    mode = var.hardened ? "Active" : "PassThrough"
  }}
  environment {{
    variables = {{
      STAGE = var.environment
    }}
  }}
}}

resource "aws_cloudwatch_log_group" "app" {{
  for_each          = var.services
  name              = "/acme/${{var.environment}}/${{each.key}}"
  retention_in_days = var.hardened ? 365 : 7
}}
''')
        # --- Azure root
        d = f"{root}/envs/{env}/azure"
        write(f"{d}/main.tf", f'''
provider "azurerm" {{
  features {{}}
}}

variable "environment" {{
  type    = string
  default = "{env}"
}}

variable "hardened" {{
  type    = bool
  default = {hcl(hardened)}
}}

variable "services" {{
  type    = set(string)
  default = {hcl(chosen)}
}}

locals {{
  location = "westeurope"
  rg       = "acme-${{var.environment}}-rg"
}}

resource "azurerm_resource_group" "main" {{
  name     = local.rg
  location = local.location
}}

module "storage" {{
  source         = "../../../modules/azure-storage"
  for_each       = var.services
  name           = "acme${{var.environment}}${{each.key}}"
  location       = local.location
  resource_group = azurerm_resource_group.main.name
  hardened       = var.hardened
}}

module "network" {{
  source         = "../../../modules/azure-network"
  name           = "acme-${{var.environment}}"
  location       = local.location
  resource_group = azurerm_resource_group.main.name
  ssh_source     = var.hardened ? "10.0.0.0/8" : "*"
  rules = var.hardened ? {{ https = {{ port = 443, priority = 100 }} }} : {{
    https = {{ port = 443, priority = 100 }}
    rdp   = {{ port = 3389, priority = 110 }}
  }}
}}

module "compute" {{
  source         = "../../../modules/azure-compute"
  name           = "acme-${{var.environment}}"
  location       = local.location
  resource_group = azurerm_resource_group.main.name
  hardened       = var.hardened
}}

module "data" {{
  source         = "../../../modules/azure-data"
  name           = "acme-${{var.environment}}"
  location       = local.location
  resource_group = azurerm_resource_group.main.name
  hardened       = var.hardened
}}

resource "azurerm_linux_virtual_machine" "jump" {{
  count                           = {1 + scale}
  name                            = "acme-${{var.environment}}-jump-${{count.index}}"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = local.location
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  disable_password_authentication = var.hardened
  admin_password                  = var.hardened ? null : "example-only-not-real"
  network_interface_ids           = ["/subscriptions/0/nic/${{count.index}}"]
  allow_extension_operations      = !var.hardened
  os_disk {{
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }}
  source_image_reference {{
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }}
}}
''')
        # --- GCP root
        d = f"{root}/envs/{env}/gcp"
        write(f"{d}/variables.tf", '''
variable "project" { type = string }
variable "environment" { type = string }
variable "hardened" { type = bool }
variable "services" { type = list(string) }
''')
        write(f"{d}/{env}.auto.tfvars.json", json.dumps({
            "project": f"acme-{env}-{rng.randint(1000, 9999)}",
            "environment": env,
            "hardened": hardened,
            "services": chosen,
        }, indent=2) + "\n")
        write(f"{d}/main.tf", f'''
provider "google" {{
  project = var.project
  region  = "europe-west1"
}}

module "storage" {{
  source   = "../../../modules/gcp-storage"
  for_each = toset(var.services)
  name     = "${{var.environment}}-${{each.value}}"
  project  = var.project
  hardened = var.hardened
  readers  = var.hardened ? ["group:data@acme.example"] : ["allUsers"]
}}

module "network" {{
  source      = "../../../modules/gcp-network"
  name        = "acme-${{var.environment}}"
  project     = var.project
  ssh_sources = var.hardened ? ["35.235.240.0/20"] : ["0.0.0.0/0"]
}}

module "compute" {{
  source   = "../../../modules/gcp-compute"
  name     = "acme-${{var.environment}}"
  project  = var.project
  hardened = var.hardened
}}

module "data" {{
  source   = "../../../modules/gcp-data"
  name     = "acme-${{var.environment}}"
  project  = var.project
  hardened = var.hardened
}}

resource "google_project_iam_member" "ci" {{
  project = var.project
  role    = var.hardened ? "roles/viewer" : "roles/owner"
  member  = "serviceAccount:ci@${{var.project}}.iam.gserviceaccount.com"
}}

resource "google_cloudfunctions_function" "hook" {{
  count                 = {1 + scale}
  name                  = "${{var.environment}}-hook-${{count.index}}"
  runtime               = "python312"
  entry_point           = "handler"
  trigger_http          = true
  available_memory_mb   = 256
  ingress_settings      = var.hardened ? "ALLOW_INTERNAL_ONLY" : "ALLOW_ALL"
}}
''')


# --------------------------------------------------------------------------- cloudformation

def cloudformation_tree(root, rng, scale):
    for i in range(20 * scale):
        hardened = i % 3 != 0
        name = f"stack{i:03d}"
        enc = """
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !Ref DataKey""" if hardened else ""
        write(f"{root}/{name}.yaml", f'''
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: {name} service stack
Parameters:
  Environment:
    Type: String
    Default: {"prod" if hardened else "dev"}
  AdminCidr:
    Type: String
    Default: {"10.0.0.0/8" if hardened else "0.0.0.0/0"}
Conditions:
  IsProd: !Equals [!Ref Environment, prod]
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: {hcl(hardened)}
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::${{AWS::AccountId}}:root"
            Action: "kms:*"
            Resource: "*"
  DataBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "acme-${{Environment}}-{name}"
      AccessControl: {"Private" if hardened else "PublicRead"}
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]{enc}
      PublicAccessBlockConfiguration:
        BlockPublicAcls: {hcl(hardened)}
        BlockPublicPolicy: {hcl(hardened)}
        IgnorePublicAcls: {hcl(hardened)}
        RestrictPublicBuckets: {hcl(hardened)}
  WebSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "${{Environment}} web"
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.medium
      AllocatedStorage: "50"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: {hcl(hardened)}
      PubliclyAccessible: {hcl(not hardened)}
      BackupRetentionPeriod: {14 if hardened else 0}
  AppPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: {'["s3:GetObject"]' if hardened else '"*"'}
            Resource: {'!Sub "${DataBucket.Arn}/*"' if hardened else '"*"'}
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Tracing: {"Active" if hardened else "PassThrough"}
      Environment:
        Variables:
          BUCKET: !Ref DataBucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: {"!GetAtt DataKey.Arn" if hardened else '""'}
  Trail:
    Type: AWS::CloudTrail::Trail
    Condition: IsProd
    Properties:
      IsLogging: true
      S3BucketName: !Ref DataBucket
      IsMultiRegionTrail: {hcl(hardened)}
      EnableLogFileValidation: {hcl(hardened)}
Outputs:
  BucketArn:
    Value: !GetAtt DataBucket.Arn
''')


# --------------------------------------------------------------------------- kubernetes

def kubernetes_tree(root, rng, scale):
    images = ["nginx", "python", "redis", "ghcr.io/acme/api", "vllm/vllm-openai", "jupyter/base-notebook"]
    for i in range(30 * scale):
        hardened = i % 3 != 0
        app = f"app{i:03d}"
        image = images[i % len(images)]
        tag = "1.27.1" if hardened else "latest"
        sec = """
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]""" if hardened else """
          securityContext:
            privileged: true"""
        res = """
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 512Mi}""" if hardened else ""
        probes = """
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}""" if hardened else ""
        host = "" if hardened else """
      hostNetwork: true
      volumes:
        - name: host
          hostPath:
            path: /var/run/docker.sock"""
        svc_type = "ClusterIP" if hardened else "LoadBalancer"
        write(f"{root}/{app}.yaml", f'''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {app}
  namespace: {"team-" + str(i % 4) if hardened else "default"}
  labels: {{app: {app}}}
spec:
  replicas: {1 + i % 3}
  selector:
    matchLabels: {{app: {app}}}
  template:
    metadata:
      labels: {{app: {app}}}
    spec:
      automountServiceAccountToken: {hcl(not hardened)}{host}
      containers:
        - name: main
          image: {image}:{tag}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info{sec}{res}{probes}
---
apiVersion: v1
kind: Service
metadata:
  name: {app}
  namespace: {"team-" + str(i % 4) if hardened else "default"}
spec:
  type: {svc_type}
  selector: {{app: {app}}}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {app}-config
  namespace: {"team-" + str(i % 4) if hardened else "default"}
data:
  settings.yaml: |
    feature_flags: [a, b]
''')
        if i % 5 == 0:
            write(f"{root}/{app}-jobs.yaml", f'''
apiVersion: batch/v1
kind: CronJob
metadata:
  name: {app}-nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: busybox:{tag}
              command: ["sh", "-c", "echo run"]{sec}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {app}-db
spec:
  serviceName: {app}-db
  selector:
    matchLabels: {{app: {app}-db}}
  template:
    metadata:
      labels: {{app: {app}-db}}
    spec:
      containers:
        - name: db
          image: postgres:{"16.3" if hardened else "latest"}{sec}{res}
''')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--scale", type=int, default=3, help="size multiplier (default 3)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    terraform_tree(os.path.join(args.out, "terraform"), rng, args.scale)
    cloudformation_tree(os.path.join(args.out, "cloudformation"), rng, args.scale)
    kubernetes_tree(os.path.join(args.out, "kubernetes"), rng, args.scale)
    counts = {}
    for sub in ("terraform", "cloudformation", "kubernetes"):
        n = sum(len(fs) for _, _, fs in os.walk(os.path.join(args.out, sub)))
        counts[sub] = n
    print(json.dumps({"out": args.out, "files": counts}))


if __name__ == "__main__":
    main()

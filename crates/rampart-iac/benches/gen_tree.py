#!/usr/bin/env python3
"""Writes a realistic multi-cloud IaC tree for the rampart-vs-Checkov benchmark.

    python3 gen_tree.py OUT_DIR [SCALE]

SCALE (default 1) multiplies everything. At scale 1: 12 Terraform root modules (AWS, Azure,
GCP, ML) with a shared local module, 600+ resources; 20 CloudFormation templates (200
resources); 30 Kubernetes manifests (150 objects); Dockerfiles, compose files and workflows.
Roughly a third of the resources are misconfigured on purpose (public buckets, open admin
ports, wildcard IAM, unencrypted databases, privileged pods), the rest are compliant, so both
tools have real work and real findings. Deterministic: same input, same tree.
"""
import os
import random
import sys

out = sys.argv[1]
scale = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rnd = random.Random(42)


def write(rel, text):
    p = os.path.join(out, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)


def bad(i):
    return i % 3 == 0


def aws_module(n, i0):
    parts = []
    for i in range(i0, i0 + n):
        acl = "public-read" if bad(i) else "private"
        enc = "" if bad(i + 1) else f'''
resource "aws_s3_bucket_server_side_encryption_configuration" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k{i}.arn
    }}
  }}
}}
'''
        cidr = "0.0.0.0/0" if bad(i) else "10.0.0.0/8"
        action = '"*"' if bad(i) else '"s3:GetObject"'
        parts.append(f'''
resource "aws_kms_key" "k{i}" {{
  description         = "key {i}"
  enable_key_rotation = {"false" if bad(i + 2) else "true"}
}}

resource "aws_s3_bucket" "b{i}" {{
  bucket = "${{var.prefix}}-data-{i}"
  tags   = local.tags
}}

resource "aws_s3_bucket_acl" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  acl    = "{acl}"
}}

resource "aws_s3_bucket_versioning" "b{i}" {{
  bucket = aws_s3_bucket.b{i}.id
  versioning_configuration {{
    status = "{"Suspended" if bad(i + 1) else "Enabled"}"
  }}
}}
{enc}
resource "aws_security_group" "sg{i}" {{
  name        = "sg-{i}"
  description = "service {i}"
  vpc_id      = var.vpc_id

  ingress {{
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["{cidr}"]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

resource "aws_iam_policy" "p{i}" {{
  name = "policy-{i}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = [{action}]
      Resource = "*"
    }}]
  }})
}}

resource "aws_db_instance" "db{i}" {{
  identifier          = "db-{i}"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = var.db_password
  storage_encrypted   = {"false" if bad(i) else "true"}
  publicly_accessible = {"true" if bad(i + 1) else "false"}
  skip_final_snapshot = true
}}
''')
    return "".join(parts)


def azure_module(n, i0):
    parts = []
    for i in range(i0, i0 + n):
        parts.append(f'''
resource "azurerm_storage_account" "sa{i}" {{
  name                            = "sa{i}data"
  resource_group_name             = var.rg
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "{"TLS1_0" if bad(i) else "TLS1_2"}"
  https_traffic_only_enabled      = {"false" if bad(i + 1) else "true"}
  allow_nested_items_to_be_public = {"true" if bad(i) else "false"}
}}

resource "azurerm_network_security_rule" "r{i}" {{
  name                        = "rdp-{i}"
  priority                    = {100 + i}
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "{"*" if bad(i) else "10.0.0.0/8"}"
  destination_address_prefix  = "*"
  resource_group_name         = var.rg
  network_security_group_name = "nsg"
}}

resource "azurerm_key_vault" "kv{i}" {{
  name                       = "kv{i}"
  location                   = var.location
  resource_group_name        = var.rg
  tenant_id                  = var.tenant
  sku_name                   = "standard"
  purge_protection_enabled   = {"false" if bad(i) else "true"}
  soft_delete_retention_days = 7
}}
''')
    return "".join(parts)


def gcp_module(n, i0):
    parts = []
    for i in range(i0, i0 + n):
        parts.append(f'''
resource "google_storage_bucket" "g{i}" {{
  name                        = "gcs-{i}"
  location                    = "EU"
  uniform_bucket_level_access = {"false" if bad(i) else "true"}
}}

resource "google_storage_bucket_iam_member" "g{i}" {{
  bucket = google_storage_bucket.g{i}.name
  role   = "roles/storage.objectViewer"
  member = "{"allUsers" if bad(i) else "group:data@example.com"}"
}}

resource "google_compute_firewall" "fw{i}" {{
  name    = "fw-{i}"
  network = "default"
  allow {{
    protocol = "tcp"
    ports    = ["22", "3389"]
  }}
  source_ranges = ["{"0.0.0.0/0" if bad(i) else "10.0.0.0/8"}"]
}}

resource "google_sql_database_instance" "sql{i}" {{
  name             = "sql-{i}"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {{
    tier = "db-f1-micro"
    ip_configuration {{
      ipv4_enabled = {"true" if bad(i) else "false"}
      require_ssl  = {"false" if bad(i + 1) else "true"}
    }}
  }}
}}
''')
    return "".join(parts)


def ml_module(n, i0):
    parts = []
    for i in range(i0, i0 + n):
        parts.append(f'''
resource "aws_sagemaker_notebook_instance" "nb{i}" {{
  name                   = "nb-{i}"
  role_arn               = var.role_arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = "{"Enabled" if bad(i) else "Disabled"}"
  root_access            = "{"Enabled" if bad(i + 1) else "Disabled"}"
  {"" if bad(i) else "kms_key_id             = var.kms_key_id"}
}}

resource "aws_sagemaker_endpoint_configuration" "ep{i}" {{
  name = "ep-{i}"
  production_variants {{
    variant_name           = "main"
    model_name             = "model-{i}"
    initial_instance_count = 1
    instance_type          = "ml.g5.xlarge"
  }}
  {"" if bad(i) else "kms_key_arn = var.kms_key_id"}
}}
''')
    return "".join(parts)


VARS = '''
variable "prefix" {
  type    = string
  default = "corp"
}
variable "vpc_id" {
  type    = string
  default = "vpc-123"
}
variable "db_password" {
  type      = string
  sensitive = true
  default   = null
}
variable "rg" {
  type    = string
  default = "rg-main"
}
variable "location" {
  type    = string
  default = "westeurope"
}
variable "tenant" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}
variable "role_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:role/sm"
}
variable "kms_key_id" {
  type    = string
  default = "arn:aws:kms:eu-west-1:123456789012:key/abc"
}
locals {
  tags = { team = "data", env = "prod" }
}
'''

i = 0
for r in range(3 * scale):
    write(f"terraform/aws/stack{r}/main.tf", aws_module(6, i) + VARS)
    i += 6
for r in range(3 * scale):
    write(f"terraform/azure/stack{r}/main.tf", azure_module(8, i) + VARS)
    i += 8
for r in range(3 * scale):
    write(f"terraform/gcp/stack{r}/main.tf", gcp_module(8, i) + VARS)
    i += 8
for r in range(2 * scale):
    write(f"terraform/ml/stack{r}/main.tf", ml_module(8, i) + VARS)
    i += 8
write("terraform/modules/bucket/main.tf", '''
variable "name" { type = string }
variable "acl" {
  type    = string
  default = "private"
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
''')
write("terraform/shared/main.tf", "".join(
    f'''
module "bucket{j}" {{
  source = "../modules/bucket"
  name   = "shared-{j}"
  acl    = "{"public-read" if bad(j) else "private"}"
}}
''' for j in range(10 * scale)))

for t in range(20 * scale):
    res = []
    for k in range(5):
        n = t * 5 + k
        res.append(f'''  Bucket{k}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '${{AWS::StackName}}-b{n}'
      AccessControl: {"PublicRead" if bad(n) else "Private"}
      VersioningConfiguration:
        Status: {"Suspended" if bad(n + 1) else "Enabled"}
  Sg{k}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: sg {n}
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: {"0.0.0.0/0" if bad(n) else "10.0.0.0/8"}
''')
    write(f"cloudformation/stack{t}.yaml",
          "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" + "".join(res))

for m in range(30 * scale):
    docs = []
    for k in range(5):
        n = m * 5 + k
        docs.append(f'''apiVersion: apps/v1
kind: Deployment
metadata:
  name: app{n}
  namespace: team{m % 4}
spec:
  replicas: 2
  selector:
    matchLabels: {{app: app{n}}}
  template:
    metadata:
      labels: {{app: app{n}}}
    spec:
      containers:
        - name: app
          image: registry.example/app{n}:{"latest" if bad(n) else "1.4.2"}
          securityContext:
            privileged: {"true" if bad(n) else "false"}
            runAsNonRoot: {"false" if bad(n + 1) else "true"}
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
          resources:
            limits: {{cpu: "1", memory: 1Gi}}
            requests: {{cpu: 100m, memory: 128Mi}}
''')
    write(f"kubernetes/app{m}.yaml", "---\n".join(docs))

for d in range(5 * scale):
    write(f"docker/svc{d}/Dockerfile", f'''FROM python:{"latest" if bad(d) else "3.12-slim"}
ARG TOKEN=abc
RUN pip install --no-cache-dir flask==3.0.0
COPY . /app
{"" if bad(d) else "USER 1000"}
CMD ["python", "/app/main.py"]
''')
print(f"wrote tree to {out} (scale {scale})")

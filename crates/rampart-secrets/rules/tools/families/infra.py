"""Secrets managers, infrastructure-as-code and platform tooling: Vault, Terraform, Pulumi,
Doppler, 1Password, age, Kubernetes."""
import base64
import json

from rulegen import END_ALNUM, END_B64, END_B64URL, G, contextual, prefixed, rule

TITLE = "secrets managers, IaC and platform tooling (infra)"
T = ["infra"]
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def P(*a, **kw):
    kw.setdefault("tags", T)
    return prefixed(*a, **kw)


def C(*a, **kw):
    kw.setdefault("tags", T)
    return contextual(*a, **kw)


def ops_token(g: G) -> str:
    payload = {"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": g.b64url(22)},
               "email": f"{g.lower(10)}@{g.lower(13)}.1passwordserviceaccounts.com", "srpX": g.hex(64), "muk": {"alg": "A256GCM", "ext": True, "k": g.b64url(43), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"}, "secretKey": f"A3-{g.upper(6)}-{g.upper(6)}-{g.upper(5)}-{g.upper(5)}-{g.upper(5)}-{g.upper(5)}", "throttleSecret": {"seed": g.hex(64), "uuid": g.upper(26)}, "deviceUuid": g.lower(26)}
    return "ops_" + base64.b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def rules():
    R = []
    VAULT_REF = ["https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", "https://developer.hashicorp.com/vault/docs/commands/token/revoke"]
    # Service tokens: `hvs.` + a base64url protobuf (~95 chars) for ordinary tokens, `hvs.` + 24
    # base62 for root and dev-server tokens; tokens of a non-root namespace end in `.` + the
    # 5-character namespace id.
    NS = r"(?:\.[A-Za-z0-9]{5})?"
    R.append(P("vault-service-token", "HashiCorp Vault service token", "hvs.", r"(?:[A-Za-z0-9_-]{90,120}|[A-Za-z0-9]{24})" + NS,
               lambda g: "hvs.CAESI" + g.b64url(95),
               env="VAULT_TOKEN", end=END_B64URL, what="A HashiCorp Vault service token (`hvs.`: the long protobuf form, or the 24-character root/dev form, with an optional namespace suffix).",
               rationale="A Vault token reads every secret its policies allow, often the keys to everything else.",
               remediation="Revoke it: `vault token revoke <token>` (or `-accessor`), or revoke its lease tree; rotate the secrets its policies could read if it may have been used.",
               references=VAULT_REF, extra_pos=[lambda g: f"vault login hvs.CAESI{g.b64url(95)}",
                                                lambda g: f"Root Token: hvs.{g.b62(24)}",
                                                lambda g: f'curl -H "X-Vault-Token: hvs.{g.b62(24)}.{g.b62(5)}" https://vault.internal:8200/v1/secret/data/app'],
               neg=["see the token helper docs: hvs.your-token", lambda g: f'ref = "hvs.{g.b62(20)}"']))
    R.append(P("vault-batch-token", "HashiCorp Vault batch token", "hvb.", r"[A-Za-z0-9_-]{130,300}", lambda g: "hvb.AAAAAQ" + g.b64url(170),
               env="VAULT_TOKEN", end=END_B64URL, severity="high", what="A HashiCorp Vault batch token (`hvb.`).",
               remediation="Batch tokens cannot be revoked individually: revoke the parent token / auth lease that created it, and keep batch token TTLs short.",
               references=VAULT_REF))
    R.append(P("vault-recovery-token", "HashiCorp Vault recovery token", "hvr.", r"[A-Za-z0-9_-]{20,120}", lambda g: "hvr." + g.b62(24),
               env="VAULT_TOKEN", end=END_B64URL, what="A HashiCorp Vault recovery-mode token (`hvr.`).",
               remediation="Restart Vault out of recovery mode (recovery tokens are valid only in that mode) and regenerate the recovery token if still needed.",
               references=VAULT_REF))
    # Legacy (Vault < 1.10) tokens: `s.` + 24 (service), `b.AAAAAQ...` (batch), `r.` + 24
    # (recovery). The prefixes are too short to stand alone, so a Vault context must lead to the
    # value: a VAULT_TOKEN-like name, the X-Vault-Token header, or `vault login` / `vault token ...`.
    LEGACY_CTX = (r"(?:(?i:vault)[A-Za-z0-9_.-]{0,20}(?i:token)[A-Za-z0-9_.-]{0,12}[\"']?\]?\s{0,3}(?::=|=>|[:=,(])\s{0,3}[\"'`]?"
                  r"|\bvault\s{1,3}(?:login|token\s{1,3}(?:lookup|revoke|renew|capabilities))\s{1,3}(?:-[a-z-]{2,20}(?:=[^\s]{1,40})?\s{1,3}){0,3}(?:token=)?)")
    LEGACY_TOK = r"((?:s|r)\.[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?|b\.AAAAAQ[A-Za-z0-9_-]{100,300})(?:[^A-Za-z0-9_-]|$)"
    R.append(rule(
        "vault-legacy-token", "HashiCorp Vault token (legacy `s.`/`b.`/`r.`)", keywords=["vault"],
        regex=LEGACY_CTX + LEGACY_TOK, tags=T, severity="critical", confidence="medium", min_entropy=3.0,
        description="A legacy HashiCorp Vault token: service `s.` + 24, batch `b.AAAAAQ...`, recovery `r.` + 24, optionally with a namespace suffix. These prefixes are too short to stand alone, so the rule requires a Vault context right before the value: a VAULT_TOKEN-like name, the `X-Vault-Token` header, or `vault login` / `vault token lookup|revoke|renew`.",
        rationale="A Vault token reads every secret its policies allow, often the keys to everything else.",
        remediation="Revoke it with `vault token revoke`, and upgrade to Vault >= 1.10 token formats.",
        references=VAULT_REF,
        positive=lambda g: [f"VAULT_TOKEN=s.{g.b62(24)}", f'  vaultToken: "s.{g.b62(24)}"',
                            f'os.environ.setdefault("VAULT_TOKEN", "s.{g.b62(24)}")',
                            f'curl --header "X-Vault-Token: s.{g.b62(24)}" https://vault.internal:8200/v1/sys/health',
                            f"vault login s.{g.b62(24)}.{g.b62(5)}",
                            f"vault token lookup r.{g.b62(24)}",
                            f'export VAULT_TOKEN="b.AAAAAQ{g.b64url(150)}"'],
        negative=["VAULT_TOKEN=your-vault-token-here", lambda g: f'VAULT_TOKEN = "s.{g.b62(4)}"', "VAULT_TOKEN=${VAULT_TOKEN}",
                  lambda g: f'session = "s.{g.b62(24)}"', "vault login -method=userpass username=s.admin"]))
    R.append(rule(
        "terraform-cloud-token", "Terraform Cloud / HCP Terraform API token", keywords=[".atlasv1."],
        regex=r"\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})" + r"(?:[^A-Za-z0-9_=-]|$)", tags=T,
        description="A Terraform Cloud / HCP Terraform user, team or organization API token.",
        rationale="Terraform tokens run plans and applies with the workspace's cloud credentials and read state files full of secrets.",
        remediation="Delete it in HCP Terraform → User settings → Tokens (or the team/organization's API tokens), and create a new one; review workspace runs.",
        references=["https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens"],
        positive=lambda g: [f"TF_TOKEN_app_terraform_io={g.b62(14)}.atlasv1.{g.b64url(67)}",
                            f'credentials "app.terraform.io" {{\n  token = "{g.b62(14)}.atlasv1.{g.b64url(67)}"\n}}'],
        negative=[lambda g: f'token = "{g.b62(14)}.atlasv1.{g.b64url(20)}"', 'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxx"']))
    R.append(C("hcp-client-secret", "HashiCorp Cloud Platform service principal secret", r"hcp", r"[A-Za-z0-9_-]{64}", lambda g: g.b64url(64),
               env="HCP_CLIENT_SECRET", keywords=["hcp"], words="secret", end=END_B64URL, severity="critical", min_entropy=4.0,
               what="A HashiCorp Cloud Platform service principal client secret.",
               remediation="Delete the key in the HCP portal → Access control (IAM) → Service principals → the principal → Keys, and generate a new one.",
               references=["https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal"]))
    R.append(P("pulumi-access-token", "Pulumi access token", "pul-", r"[a-f0-9]{40}", lambda g: "pul-" + g.hex(40),
               env="PULUMI_ACCESS_TOKEN", what="A Pulumi Cloud access token.",
               remediation="Delete it in Pulumi Cloud → Settings → Access tokens (personal, team or organization), and create a new one.",
               references=["https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/"]))
    DOPPLER_REF = ["https://docs.doppler.com/reference/api#authentication"]
    for kind, pre, what in [("personal-token", "dp.pt.", "personal token"), ("service-token", "dp.st.", "service token"),
                            ("service-account-token", "dp.sa.", "service account token"), ("cli-token", "dp.ct.", "CLI token"),
                            ("scim-token", "dp.scim.", "SCIM token"), ("audit-token", "dp.audit.", "audit token")]:
        R.append(P(f"doppler-{kind}", f"Doppler {what}", pre, r"(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}",
                   (lambda p: lambda g: p + g.b62(43))(pre), env="DOPPLER_TOKEN", start=r"\b",
                   what=f"A Doppler {what} (`{pre}`), which reads the secrets of its project/config.",
                   remediation="Revoke it in the Doppler dashboard (Tokens under the project config, Team → Service accounts, or `doppler configs tokens revoke` / `doppler logout`), and create a new one.",
                   references=DOPPLER_REF, severity="critical" if kind in ("personal-token", "service-token", "service-account-token", "cli-token") else "high"))
    R.append(P("onepassword-service-account-token", "1Password service account token", "ops_eyJ", r"[A-Za-z0-9+/=_-]{250,}", ops_token,
               env="OP_SERVICE_ACCOUNT_TOKEN", end=END_B64, keywords=["ops_eyJ"], short=lambda g: "ops_eyJ" + g.b64(120),
               what="A 1Password service account token (reads the vaults granted to it).",
               remediation="Revoke it in 1Password.com → Developer → Directory → the service account → Revoke token (or delete the service account), and create a new token.",
               references=["https://developer.1password.com/docs/service-accounts/manage-service-accounts/"]))
    R.append(rule(
        "onepassword-secret-key", "1Password account Secret Key", keywords=["A3-"],
        regex=r"\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b", tags=T,
        severity="high", description="A 1Password account Secret Key (with the account password, decrypts the account's vaults).",
        remediation="Regenerate the Secret Key: 1Password → your account → Profile → Regenerate Secret Key (then sign in again on every device), and change the account password.",
        references=["https://support.1password.com/secret-key-security/"],
        positive=lambda g: [f"secret key: A3-{g.upper(6)}-{g.upper(6)}-{g.upper(5)}-{g.upper(5)}-{g.upper(5)}-{g.upper(5)}",
                            f"OP_SECRET_KEY=A3-{g.upper(6)}-{g.upper(11)}-{g.upper(5)}-{g.upper(5)}-{g.upper(5)}"],
        negative=["A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "A3-ABC"]))
    R.append(rule(
        "onepassword-connect-token", "1Password Connect server token", keywords=["op_connect"],
        regex=r"(?i:op_connect_token)" + r"""["']?\s{0,3}(?::=|=>|[:=,(])\s{0,3}["'`]?""" + r"(eyJ[A-Za-z0-9_-]{20,200}\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{40,400})" + END_B64URL,
        tags=T, description="A 1Password Connect server access token (a JWT) assigned to OP_CONNECT_TOKEN.",
        remediation="Revoke the token in 1Password.com → Developer → Connect servers → the server → the token → Revoke, and issue a new one.",
        references=["https://developer.1password.com/docs/connect/manage-connect/"],
        positive=lambda g: [f"OP_CONNECT_TOKEN=eyJhbGciOiJFUzI1NiIsImtpZCI6Im{g.b64url(30)}.eyJ{g.b64url(300)}.{g.b64url(86)}",
                            f'op_connect_token: "eyJhbGciOiJFUzI1NiIsImtpZCI6Im{g.b64url(30)}.eyJ{g.b64url(260)}.{g.b64url(86)}"'],
        negative=["OP_CONNECT_TOKEN=${OP_CONNECT_TOKEN}"]))
    R.append(rule(
        "age-secret-key", "age secret key", keywords=["AGE-SECRET-KEY-1"],
        regex=r"\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b", tags=T,
        description="An age (file encryption) X25519 secret key; it decrypts every file and SOPS secret encrypted to its recipient.",
        remediation="Generate a new key with `age-keygen`, re-encrypt every file/SOPS document to the new recipient (`sops updatekeys`), remove the old recipient, and rotate the secrets those files held.",
        references=["https://github.com/FiloSottile/age#readme", "https://github.com/getsops/sops#encrypting-using-age"],
        positive=lambda g: [f"# created: 2025-03-01T10:00:00Z\n# public key: age1{g.s(BECH32, 58)}\nAGE-SECRET-KEY-1{g.s(BECH32.upper(), 58)}",
                            f"SOPS_AGE_KEY=AGE-SECRET-KEY-1{g.s(BECH32.upper(), 58)}"],
        negative=[lambda g: f"recipient: age1{g.s(BECH32, 58)}", lambda g: f"AGE-SECRET-KEY-1{g.s(BECH32.upper(), 40)}"]))
    R.append(rule(
        "kubeconfig-client-key", "Kubernetes client private key in kubeconfig", keywords=["client-key-data"],
        regex=r"client-key-data:\s{0,3}[\"']?(LS0tLS1CRUdJTi[A-Za-z0-9+/=]{100,})", tags=T,
        description="A base64 PEM client private key inside a kubeconfig (`client-key-data`), which authenticates to the cluster as that user.",
        remediation="Revoke the client certificate: remove the user's RBAC bindings, rotate the cluster CA or (managed clusters) reset the credentials (`az aks rotate-certs`, GKE credential rotation, `kubeadm certs renew`), and use short-lived OIDC/exec credentials instead.",
        references=["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#x509-client-certificates"],
        positive=lambda g: [f"users:\n- name: admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJU{g.b64(200)}\n    client-key-data: " + base64.b64encode(b"-----BEGIN RSA PRIVATE KEY-----\n" + g.b64(400).encode() + b"\n-----END RSA PRIVATE KEY-----\n").decode(),
                            "client-key-data: " + base64.b64encode(b"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI" + g.b64(150).encode() + b"\n-----END EC PRIVATE KEY-----\n").decode()],
        negative=["client-key-data: <base64-encoded-key>", "client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"]))
    R.append(rule(
        "kubeadm-bootstrap-token", "Kubernetes bootstrap token", keywords=["--token"],
        regex=r"--token[ =]([a-z0-9]{6}\.[a-z0-9]{16})\b", tags=T, severity="high",
        description="A Kubernetes bootstrap token (kubeadm join), which lets a machine join the cluster as a node.",
        remediation="Delete it: `kubeadm token delete <id>` (or delete the bootstrap-token-<id> Secret in kube-system), and create short-lived tokens only when joining.",
        references=["https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/"],
        positive=lambda g: [f"kubeadm join 10.0.0.10:6443 --token {g.lower(6)}.{g.lower(16)} --discovery-token-ca-cert-hash sha256:{g.hex(64)}",
                            f"kubeadm join --token={g.lower(6)}.{g.lower(16)} 10.1.2.3:6443"],
        negative=["kubeadm join 10.0.0.10:6443 --token <token> --discovery-token-ca-cert-hash sha256:<hash>", "--token abcdef.0123456789abcdef"]))
    R.append(P("infracost-api-key", "Infracost API key", "ico-", r"[A-Za-z0-9]{32}", lambda g: "ico-" + g.b62(32),
               env="INFRACOST_API_KEY", severity="medium", start=r"(?:^|[^A-Za-z0-9_-])", what="An Infracost API key.",
               remediation="Rotate it in Infracost Cloud → Org settings → API keys → Rotate (or `infracost auth login` to get a new one).",
               references=["https://www.infracost.io/docs/infracost_cloud/key_concepts/#api-keys"]))
    R.append(C("akeyless-access-key", "Akeyless access key", "akeyless", r"[A-Za-z0-9+/]{40,60}={0,2}", lambda g: g.b64(44),
               env="AKEYLESS_ACCESS_KEY", keywords=["akeyless"], words="access[_.-]?key|key|secret", end=END_B64, severity="critical", min_entropy=4.0,
               what="An Akeyless API access key.",
               remediation="Reset the access key of the auth method in the Akeyless console → Auth Methods → the method → Reset access key.",
               references=["https://docs.akeyless.io/docs/api-key"]))
    R.append(C("infisical-token", "Infisical service / machine identity token", "infisical", r"st\.[A-Za-z0-9-]{36}\.[a-f0-9]{32}\.[a-f0-9]{32}|[A-Za-z0-9_-]{40,60}",
               lambda g: f"st.{g.uuid()}.{g.hex(32)}.{g.hex(32)}", env="INFISICAL_TOKEN", keywords=["infisical"], words="token|secret", severity="critical",
               min_entropy=3.5, what="An Infisical service token or machine identity client secret.",
               remediation="Revoke the service token (project → Access control → Service tokens) or the machine identity's client secret in Infisical, and issue a new one.",
               references=["https://infisical.com/docs/documentation/platform/identities/machine-identities"]))
    return R

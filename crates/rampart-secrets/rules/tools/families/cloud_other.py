"""Other clouds and hosting platforms: DigitalOcean, Cloudflare, Alibaba, Heroku, Vercel, Fly.io..."""
from rulegen import END_ALNUM, END_B64, END_B64URL, G, contextual, prefixed, rule

TITLE = "other clouds and hosting platforms (cloud-other)"
T = ["cloud"]
UUID = r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"


def rules():
    R = []
    DO_REF = ["https://docs.digitalocean.com/reference/api/create-personal-access-token/"]
    for kind, prefix, title in [("pat", "dop_v1_", "DigitalOcean personal access token"),
                                ("oauth-token", "doo_v1_", "DigitalOcean OAuth access token"),
                                ("refresh-token", "dor_v1_", "DigitalOcean OAuth refresh token")]:
        R.append(prefixed(f"digitalocean-{kind}", title, prefix, "[a-f0-9]{64}", (lambda p: lambda g: p + g.hex(64))(prefix),
                          env="DIGITALOCEAN_TOKEN", what=f"A {title}.",
                          remediation="Delete it in the DigitalOcean control panel → API → Tokens (for OAuth tokens revoke the app under Settings → Applications & API, or POST /v1/oauth/revoke); DigitalOcean also revokes tokens found on GitHub.",
                          references=DO_REF, tags=T))
    R.append(contextual("digitalocean-spaces-secret", "DigitalOcean Spaces secret key", r"spaces|digitalocean", r"[A-Za-z0-9/+]{43}", lambda g: g.b64(43),
                        env="SPACES_SECRET_KEY", keywords=["spaces", "digitalocean"], words="secret", end=END_B64,
                        severity="critical", min_entropy=4.0, what="A DigitalOcean Spaces (S3-compatible) secret access key.",
                        remediation="Delete the key in the DigitalOcean control panel → API → Spaces Keys and create a new one.",
                        references=["https://docs.digitalocean.com/products/spaces/how-to/manage-access/"], tags=T))
    R.append(contextual("cloudflare-api-token", "Cloudflare API token", r"cloudflare|\bcf_", r"[A-Za-z0-9_-]{40}", lambda g: g.b64url(40),
                        env="CLOUDFLARE_API_TOKEN", keywords=["cloudflare", "cf_"], words="token|key|secret", end=END_B64URL,
                        severity="critical", min_entropy=4.0, what="A Cloudflare API token (40 characters).",
                        remediation="Roll or delete the token in the Cloudflare dashboard → My Profile → API Tokens → the token → Roll / Delete; check the account audit log.",
                        references=["https://developers.cloudflare.com/fundamentals/api/get-started/create-token/"], tags=T))
    R.append(contextual("cloudflare-global-api-key", "Cloudflare global API key", r"cloudflare|\bcf_", "[a-f0-9]{37}", lambda g: g.hex(37),
                        env="CLOUDFLARE_API_KEY", keywords=["cloudflare", "cf_"], words="key|auth", severity="critical",
                        what="A Cloudflare global API key (37 hex), with full access to the account.",
                        remediation="Change it in the Cloudflare dashboard → My Profile → API Tokens → Global API Key → Change, and move integrations to scoped API tokens.",
                        references=["https://developers.cloudflare.com/fundamentals/api/get-started/keys/"], tags=T))
    CF_REF = ["https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
              "https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/"]
    for kind, pre, title, sev in [("global-api-key-v2", "cfk_", "Cloudflare global API key (scannable format)", "critical"),
                                  ("user-api-token", "cfut_", "Cloudflare user API token", "critical"),
                                  ("account-api-token", "cfat_", "Cloudflare account API token", "critical")]:
        R.append(prefixed(f"cloudflare-{kind}", title, pre, r"[A-Za-z0-9]{40}[a-f0-9]{8}", (lambda p: lambda g: p + g.b62(40) + g.hex(8))(pre),
                          env="CLOUDFLARE_API_TOKEN", severity=sev, suffix=", 40 alphanumeric characters and an 8-hex checksum",
                          what=f"A {title} in Cloudflare's prefixed, scannable credential format.",
                          remediation="Roll or delete it in the Cloudflare dashboard (My Profile → API Tokens, or Manage Account → Account API Tokens; the Global API Key under My Profile → API Tokens → Change). Cloudflare also auto-revokes tokens reported by GitHub secret scanning. Check the account audit log.",
                          references=CF_REF, tags=T))
    R.append(prefixed("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "v1.0-", r"[a-f0-9]{24}-[a-f0-9]{146}",
                      lambda g: f"v1.0-{g.hex(24)}-{g.hex(146)}", env="CF_ORIGIN_CA_KEY", severity="high", start=r"(?:^|[^A-Za-z0-9_.-])",
                      what="A Cloudflare Origin CA key (issues origin certificates).",
                      remediation="Change it in the Cloudflare dashboard → My Profile → API Tokens → Origin CA Key → Change.",
                      references=["https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/"], tags=T))
    R.append(prefixed("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", "LTAI", "[A-Za-z0-9]{12,20}", lambda g: "LTAI" + g.b62(20),
                      env="ALIBABA_CLOUD_ACCESS_KEY_ID", severity="high", what="An Alibaba Cloud AccessKey ID; its secret is normally next to it.",
                      remediation="Disable and delete the AccessKey pair in the Alibaba Cloud RAM console → Users → the user → AccessKey; review ActionTrail for its use.",
                      references=["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"], tags=T))
    R.append(contextual("alibaba-access-key-secret", "Alibaba Cloud AccessKey secret", r"alibaba|aliyun|\bali_", "[A-Za-z0-9]{30}", lambda g: g.b62(30),
                        env="ALIBABA_CLOUD_ACCESS_KEY_SECRET", keywords=["alibaba", "aliyun", "ali_"], words="secret",
                        severity="critical", min_entropy=3.8, what="An Alibaba Cloud AccessKey secret (30 characters).",
                        remediation="Disable and delete the AccessKey pair in the RAM console and create a new one (or use STS roles).",
                        references=["https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"], tags=T))
    R.append(prefixed("tencent-cloud-secret-id", "Tencent Cloud SecretId", "AKID", "[A-Za-z0-9]{32}", lambda g: "AKID" + g.b62(32),
                      env="TENCENTCLOUD_SECRET_ID", severity="high", what="A Tencent Cloud API SecretId; its SecretKey is normally next to it.",
                      remediation="Disable and delete the key in the Tencent Cloud CAM console → API Keys, and create a new one.",
                      references=["https://www.tencentcloud.com/document/product/598/32675"], tags=T))
    R.append(contextual("tencent-cloud-secret-key", "Tencent Cloud SecretKey", r"tencent|qcloud", "[A-Za-z0-9]{32}", lambda g: g.b62(32),
                        env="TENCENTCLOUD_SECRET_KEY", keywords=["tencent", "qcloud"], words="secret[_.-]?key|secret", severity="critical", min_entropy=3.8,
                        what="A Tencent Cloud API SecretKey.",
                        remediation="Disable and delete the key in the Tencent Cloud CAM console → API Keys, and create a new one.",
                        references=["https://www.tencentcloud.com/document/product/598/32675"], tags=T))
    R.append(contextual("ibm-cloud-api-key", "IBM Cloud API key", r"ibm(?:[_.-]?cloud)?|bluemix", r"[A-Za-z0-9_-]{44}", lambda g: g.b64url(44),
                        env="IBMCLOUD_API_KEY", keywords=["ibm", "bluemix"], words="key|apikey", end=END_B64URL, severity="critical", min_entropy=4.0,
                        what="An IBM Cloud IAM API key (44 characters).",
                        remediation="Delete it in IBM Cloud → Manage → Access (IAM) → API keys (or `ibmcloud iam api-key-delete`), and review Activity Tracker.",
                        references=["https://cloud.ibm.com/docs/account?topic=account-userapikey"], tags=T))
    R.append(prefixed("yandex-cloud-api-key", "Yandex Cloud API key", "AQVN", r"[A-Za-z0-9_-]{35,38}", lambda g: "AQVN" + g.b64url(36),
                      env="YC_API_KEY", end=END_B64URL, what="A Yandex Cloud service account API key.",
                      remediation="Delete the key in the Yandex Cloud console → the service account → API keys (or `yc iam api-key delete`).",
                      references=["https://yandex.cloud/en/docs/iam/concepts/authorization/api-key"], tags=T))
    R.append(contextual("linode-token", "Linode / Akamai Cloud API token", "linode", "[a-f0-9]{64}", lambda g: g.hex(64),
                        env="LINODE_TOKEN", keywords=["linode"], severity="critical", what="A Linode (Akamai) personal access token (64 hex).",
                        remediation="Revoke it in Cloud Manager → My Profile → API Tokens → Revoke, and create a new token with minimal scopes.",
                        references=["https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens"], tags=T))
    R.append(contextual("vultr-api-key", "Vultr API key", "vultr", "[A-Z0-9]{36}", lambda g: g.upper(36),
                        env="VULTR_API_KEY", keywords=["vultr"], severity="critical", min_entropy=3.8, what="A Vultr API key (36 upper-case characters).",
                        remediation="Regenerate it in the Vultr customer portal → Account → API → Regenerate, and restrict its allowed IPs.",
                        references=["https://docs.vultr.com/platform/other/api/"], tags=T))
    R.append(contextual("hetzner-cloud-token", "Hetzner Cloud API token", r"hetzner|hcloud", "[A-Za-z0-9]{64}", lambda g: g.b62(64),
                        env="HCLOUD_TOKEN", keywords=["hetzner", "hcloud"], severity="critical", min_entropy=4.0, what="A Hetzner Cloud project API token (64 characters).",
                        remediation="Delete it in the Hetzner Cloud Console → the project → Security → API tokens, then create a new one.",
                        references=["https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/"], tags=T))
    R.append(prefixed("scaleway-access-key", "Scaleway access key", "SCW", "[A-Z0-9]{17}", lambda g: "SCW" + g.upper(17),
                      env="SCW_ACCESS_KEY", severity="medium", what="A Scaleway API access key id; the secret key (a UUID) is normally next to it.",
                      remediation="Delete the API key in the Scaleway console → IAM → API keys and create a new one.",
                      references=["https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/"], tags=T))
    R.append(contextual("scaleway-secret-key", "Scaleway secret key", "scw|scaleway", UUID, lambda g: g.uuid(),
                        env="SCW_SECRET_KEY", keywords=["scw", "scaleway"], words="secret", severity="critical",
                        what="A Scaleway API secret key (UUID).",
                        remediation="Delete the API key in the Scaleway console → IAM → API keys and create a new one.",
                        references=["https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/"], tags=T))
    R.append(contextual("ovh-application-secret", "OVHcloud application secret", r"ovh", "[A-Za-z0-9]{32}", lambda g: g.b62(32),
                        env="OVH_APPLICATION_SECRET", keywords=["ovh"], words="secret|consumer[_.-]?key", severity="critical", min_entropy=3.8,
                        what="An OVHcloud API application secret or consumer key.",
                        remediation="Delete the application at https://eu.api.ovh.com/console (GET/DELETE /me/api/application) and revoke its consumer keys (/me/api/credential).",
                        references=["https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api"], tags=T))
    R.append(contextual("backblaze-application-key", "Backblaze B2 application key", r"\bb2(?:[_.-]|app)|backblaze", r"K[0-9]{3}[A-Za-z0-9+/]{27}", lambda g: "K00" + g.digits(1) + g.b64(27),
                        env="B2_APPLICATION_KEY", keywords=["b2_", "b2-", "b2.", "b2app", "backblaze"], words="key|secret", end=END_B64, severity="critical",
                        what="A Backblaze B2 application key (31 characters starting `K00`).",
                        remediation="Delete the key in Backblaze → App Keys → Delete (or `b2 key delete`), then create a new restricted key.",
                        references=["https://www.backblaze.com/docs/cloud-storage-application-keys"], tags=T))
    R.append(prefixed("heroku-api-key", "Heroku API key", "HRKU-", r"[A-Za-z0-9_-]{60}", lambda g: "HRKU-AA" + g.b64url(58),
                      env="HEROKU_API_KEY", end=END_B64URL, what="A Heroku platform API key / OAuth authorization (`HRKU-`).",
                      remediation="Revoke it: `heroku authorizations:revoke ID` or Heroku Dashboard → Account settings → Applications → Authorizations / API Key → Regenerate.",
                      references=["https://devcenter.heroku.com/articles/authentication"], tags=T))
    R.append(contextual("heroku-api-key-legacy", "Heroku API key (legacy UUID)", "heroku", UUID, lambda g: g.uuid(),
                        env="HEROKU_API_KEY", keywords=["heroku"], severity="critical", what="A legacy Heroku API key (UUID).",
                        remediation="Regenerate it in Heroku Dashboard → Account settings → API Key → Regenerate, or `heroku authorizations:revoke`.",
                        references=["https://devcenter.heroku.com/articles/authentication"], tags=T))
    R.append(contextual("vercel-token", "Vercel access token", "vercel", r"[A-Za-z0-9]{24}", lambda g: g.b62(24),
                        env="VERCEL_TOKEN", keywords=["vercel"], severity="critical", min_entropy=3.8, what="A Vercel access token.",
                        remediation="Delete it in Vercel → Account Settings → Tokens, then create a scoped token with an expiry.",
                        references=["https://vercel.com/docs/rest-api#creating-an-access-token"], tags=T))
    R.append(prefixed("netlify-pat", "Netlify personal access token", "nfp_", r"[A-Za-z0-9]{36}", lambda g: "nfp_" + g.b62(36),
                      env="NETLIFY_AUTH_TOKEN", what="A Netlify personal access token.",
                      remediation="Delete it in Netlify → User settings → Applications → Personal access tokens, then create a new one with an expiry.",
                      references=["https://docs.netlify.com/api/get-started/#authentication"], tags=T))
    R.append(contextual("netlify-token-legacy", "Netlify access token (legacy)", "netlify", r"[A-Za-z0-9_-]{43}", lambda g: g.b64url(43),
                        env="NETLIFY_AUTH_TOKEN", keywords=["netlify"], end=END_B64URL, severity="critical", min_entropy=4.0,
                        what="A legacy Netlify access token (43 characters).", allow=["nfp_"],
                        remediation="Delete it in Netlify → User settings → Applications → Personal access tokens.",
                        references=["https://docs.netlify.com/api/get-started/#authentication"], tags=T))
    R.append(prefixed("flyio-access-token", "Fly.io access token", "fo1_", r"[A-Za-z0-9_-]{43}", lambda g: "fo1_" + g.b64url(43),
                      env="FLY_API_TOKEN", end=END_B64URL, what="A Fly.io OAuth access token (`fo1_`).",
                      remediation="Revoke it with `fly tokens revoke` / `fly auth logout` or in the Fly.io dashboard → Tokens, then issue a scoped deploy token.",
                      references=["https://fly.io/docs/security/tokens/"], tags=T))
    R.append(rule(
        "flyio-macaroon-token", "Fly.io macaroon token", keywords=["fm1r_", "fm1a_", "fm2_"],
        regex=r"\b((?:FlyV1 )?fm(?:1[ar]|2)_[A-Za-z0-9+/=_-]{100,}(?:,fm2_[A-Za-z0-9+/=_-]{50,})?)" + r"(?:[^A-Za-z0-9+/=_,-]|$)",
        description="A Fly.io macaroon token (deploy, org or read-only token: `FlyV1 fm2_...`).",
        remediation="Revoke it with `fly tokens revoke <id>` (list with `fly tokens list`) and create a new, narrowly scoped token.",
        references=["https://fly.io/docs/security/tokens/"], tags=T,
        positive=lambda g: [f"FLY_API_TOKEN=FlyV1 fm2_{g.b64(220)},fm2_{g.b64(120)}", f'fly_token: "fm2_{g.b64(300)}"'],
        negative=["FLY_API_TOKEN=FlyV1 fm2_...", "fm2_short"]))
    R.append(prefixed("render-api-key", "Render API key", "rnd_", r"[A-Za-z0-9]{32}", lambda g: "rnd_" + g.b62(32),
                      env="RENDER_API_KEY", what="A Render API key.",
                      remediation="Revoke it in the Render dashboard → Account settings → API Keys, then create a new key.",
                      references=["https://render.com/docs/api#1-create-an-api-key"], tags=T))
    R.append(contextual("railway-token", "Railway API / project token", "railway", UUID, lambda g: g.uuid(),
                        env="RAILWAY_TOKEN", keywords=["railway"], severity="critical", what="A Railway account, team or project token (UUID).",
                        remediation="Delete it in Railway → Account settings → Tokens (or the project's Settings → Tokens) and create a new one.",
                        references=["https://docs.railway.com/guides/public-api#creating-a-token"], tags=T))
    R.append(prefixed("tailscale-key", "Tailscale auth / API key", "tskey-", r"(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40}",
                      lambda g: f"tskey-{g.pick('auth', 'api', 'client')}-k{g.b62(10)}CNTRL-{g.b62(33)}", env="TS_AUTHKEY",
                      what="A Tailscale auth key (joins devices to the tailnet), API access token or OAuth client secret.",
                      remediation="Revoke it in the Tailscale admin console → Settings → Keys (or OAuth clients) → Revoke; remove devices it registered.",
                      references=["https://tailscale.com/kb/1085/auth-keys"], tags=T))
    R.append(contextual("ngrok-authtoken", "ngrok authtoken", "ngrok", r"[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}", lambda g: f"2{g.b62(26)}_{g.b62(21)}",
                        env="NGROK_AUTHTOKEN", keywords=["ngrok"], words="token|key|auth", severity="high",
                        what="An ngrok agent authtoken (opens tunnels into your network as your account).",
                        remediation="Reset it in the ngrok dashboard → Your Authtoken → Reset (or delete the credential under Tunnels → Authtokens).",
                        references=["https://ngrok.com/docs/agent/#authtokens"], tags=T))
    R.append(rule(
        "cloudinary-url", "Cloudinary URL with API secret", keywords=["cloudinary://"],
        regex=r"cloudinary://[0-9]{10,20}:([A-Za-z0-9_-]{20,40})@[a-z0-9-]{1,64}",
        description="A CLOUDINARY_URL carrying the API key and secret.", severity="high",
        remediation="Generate a new API key pair in the Cloudinary console → Settings → API Keys, deploy it, then deactivate the old pair.",
        references=["https://cloudinary.com/documentation/how_to_integrate_cloudinary#account_details"], tags=T,
        positive=lambda g: [f"CLOUDINARY_URL=cloudinary://{g.digits(15)}:{g.b64url(27)}@{g.word()}", f'url: "cloudinary://{g.digits(15)}:{g.b64url(27)}@d{g.lower(8)}"'],
        negative=["CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>"]))
    return R

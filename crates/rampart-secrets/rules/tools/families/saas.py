"""SaaS: commerce, observability, productivity, identity, data platforms."""
import base64
import json

from rulegen import END_ALNUM, END_B64, END_B64URL, G, contextual, prefixed, rule

TITLE = "SaaS platforms (saas)"
T = ["saas"]
UUID = r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"


def sentry_org(g: G) -> str:
    payload = {"iat": 1718000000 + g.r.randint(0, 10**7), "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": g.word()}
    return "sntrys_" + base64.b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=") + "_" + g.b64(43)


def grafana_cloud(g: G) -> str:
    payload = {"o": g.digits(6), "n": f"stack-{g.digits(6)}-{g.word()}", "k": g.b62(24), "m": {"r": "prod-eu-west-2"}}
    return "glc_" + base64.b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode()


def P(*a, **kw):
    kw.setdefault("tags", T)
    return prefixed(*a, **kw)


def C(*a, **kw):
    kw.setdefault("tags", T)
    return contextual(*a, **kw)


def rules():
    R = []
    SHOP_REF = ["https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"]
    for kind, prefix, title, rem in [
        ("access-token", "shpat_", "Shopify Admin API access token", "Uninstall/reinstall the custom app or rotate its Admin API access token in Shopify admin → Settings → Apps and sales channels → Develop apps → the app → API credentials."),
        ("custom-app-token", "shpca_", "Shopify custom app access token", "Rotate the token in Shopify admin → Develop apps → the app → API credentials → Rotate (or uninstall the app)."),
        ("private-app-token", "shppa_", "Shopify private app access token", "Delete the private app (Shopify admin → Apps → Manage private apps) and migrate to a custom app."),
        ("shared-secret", "shpss_", "Shopify app shared secret", "Rotate the API secret key in the Partner Dashboard → Apps → the app → API access → Rotate, then update the app."),
    ]:
        R.append(P(f"shopify-{kind}", title, prefix, "[a-fA-F0-9]{32}", (lambda p: lambda g: p + g.hex(32))(prefix),
                   env="SHOPIFY_ACCESS_TOKEN", what=f"A {title}.", remediation=rem, references=SHOP_REF))
    R.append(C("datadog-api-key", "Datadog API key", r"datadog|\bdd_?api", "[a-f0-9]{32}", lambda g: g.hex(32),
               env="DD_API_KEY", keywords=["datadog", "dd_api", "ddapi"], words="api[_.-]?key|key", severity="high",
               what="A Datadog API key (32 hex; submits metrics, logs and events).",
               remediation="Revoke it in Datadog → Organization settings → API Keys → the key → Revoke, after deploying a new key.",
               references=["https://docs.datadoghq.com/account_management/api-app-keys/"]))
    R.append(C("datadog-app-key", "Datadog application key", r"datadog|\bdd_?app", "[a-f0-9]{40}", lambda g: g.hex(40),
               env="DD_APP_KEY", keywords=["datadog", "dd_app", "ddapp"], words="app(?:lication)?[_.-]?key|key", severity="critical",
               what="A Datadog application key (40 hex; reads data and changes configuration with its user's rights).",
               remediation="Revoke it in Datadog → Personal/Organization settings → Application Keys → Revoke, and create a scoped key.",
               references=["https://docs.datadoghq.com/account_management/api-app-keys/"]))
    R.append(P("databricks-token", "Databricks personal access token", "dapi", r"[a-f0-9]{32}(?:-[0-9])?", lambda g: "dapi" + g.hex(32) + g.pick("", "-2"),
               env="DATABRICKS_TOKEN", what="A Databricks personal access token.",
               remediation="Revoke it in the workspace → Settings → Developer → Access tokens → Revoke (admins: Token management API); prefer OAuth machine-to-machine.",
               references=["https://docs.databricks.com/aws/en/dev-tools/auth/pat"]))
    R.append(P("atlassian-api-token", "Atlassian API token", "ATATT3", r"[A-Za-z0-9_=-]{150,250}=[A-F0-9]{8}",
               lambda g: "ATATT3xFfGF0" + g.b64url(171) + "=" + g.HEX(8), env="JIRA_API_TOKEN",
               what="An Atlassian Cloud API token (Jira, Confluence).",
               remediation="Revoke it at id.atlassian.com → Security → API tokens → Revoke, then create a new token with an expiry.",
               references=["https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"]))
    R.append(C("atlassian-api-token-legacy", "Atlassian API token (legacy 24-character)", r"atlassian|jira|confluence", "[A-Za-z0-9]{24}", lambda g: g.b62(24),
               env="JIRA_API_TOKEN", keywords=["atlassian", "jira", "confluence"], min_entropy=3.8, severity="high",
               what="A legacy Atlassian API token (24 characters).",
               remediation="Revoke it at id.atlassian.com → Security → API tokens → Revoke.",
               references=["https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"]))
    R.append(P("linear-api-key", "Linear API key", "lin_api_", r"[A-Za-z0-9]{40}", lambda g: "lin_api_" + g.b62(40),
               env="LINEAR_API_KEY", severity="high", what="A Linear personal API key.",
               remediation="Revoke it in Linear → Settings → Account → Security & access → API keys.",
               references=["https://linear.app/developers/graphql#personal-api-keys"]))
    R.append(P("notion-integration-token", "Notion integration token (legacy)", "secret_", r"[A-Za-z0-9]{43}", lambda g: "secret_" + g.b62(43),
               env="NOTION_TOKEN", severity="high", start=r"(?:^|[^A-Za-z0-9_-])", min_entropy=4.0, what="A Notion internal integration secret in the legacy `secret_` format.",
               remediation="Refresh the secret at notion.so/my-integrations → the integration → Secrets → Refresh, and update the integration.",
               references=["https://developers.notion.com/docs/authorization"]))
    R.append(P("notion-api-token", "Notion integration token", "ntn_", r"[0-9]{11}[A-Za-z0-9]{35}", lambda g: "ntn_" + g.digits(11) + g.b62(35),
               env="NOTION_TOKEN", severity="high", what="A Notion integration token (`ntn_`).",
               remediation="Refresh the secret at notion.so/my-integrations → the integration → Secrets → Refresh.",
               references=["https://developers.notion.com/docs/authorization"]))
    R.append(P("sentry-org-token", "Sentry organization auth token", "sntrys_eyJ", r"[A-Za-z0-9+/=]{60,600}_[A-Za-z0-9+/=]{43}",
               sentry_org, env="SENTRY_AUTH_TOKEN", end=END_B64, severity="high", keywords=["sntrys_"],
               what="A Sentry organization auth token (uploads releases/source maps, reads project data).",
               remediation="Revoke it in Sentry → Settings → Developer Settings → Organization Tokens, and create a new one.",
               references=["https://docs.sentry.io/account/auth-tokens/"]))
    R.append(P("sentry-user-token", "Sentry user auth token", "sntryu_", r"[a-f0-9]{64}", lambda g: "sntryu_" + g.hex(64),
               env="SENTRY_AUTH_TOKEN", severity="high", what="A Sentry user auth token.",
               remediation="Revoke it in Sentry → User settings → Personal Tokens (User Auth Tokens) → Remove.",
               references=["https://docs.sentry.io/account/auth-tokens/"]))
    R.append(P("newrelic-user-api-key", "New Relic user API key", "NRAK-", r"[A-Z0-9]{27}", lambda g: "NRAK-" + g.upper(27),
               env="NEW_RELIC_API_KEY", what="A New Relic user API key (NerdGraph, REST).",
               remediation="Delete it in New Relic → API keys (one.newrelic.com → your user menu → API keys) and create a new key.",
               references=["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"]))
    R.append(P("newrelic-insert-key", "New Relic Insights insert key", "NRII-", r"[A-Za-z0-9_-]{32}", lambda g: "NRII-" + g.b64url(32),
               env="NEW_RELIC_INSERT_KEY", end=END_B64URL, severity="high", what="A New Relic Insights insert key.",
               remediation="Delete it in New Relic → API keys → Insights insert keys, and create a new one.",
               references=["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/"]))
    R.append(rule(
        "newrelic-license-key", "New Relic ingest license key", keywords=["nral"],
        regex=r"\b([a-f0-9]{36}NRAL)\b", severity="high", tags=T,
        description="A New Relic ingest license key (40 characters ending in `NRAL`).",
        remediation="Create a new ingest license key in New Relic → API keys, roll it out to agents, then delete the leaked one.",
        references=["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key"],
        positive=lambda g: [f"NEW_RELIC_LICENSE_KEY={g.hex(36)}NRAL", f"license_key: '{g.hex(36)}NRAL'"],
        negative=lambda g: [f"NEW_RELIC_LICENSE_KEY={g.hex(30)}NRAL"]))
    R.append(P("grafana-cloud-token", "Grafana Cloud access policy token", "glc_", r"[A-Za-z0-9+/]{80,600}={0,2}", grafana_cloud,
               env="GRAFANA_CLOUD_TOKEN", end=END_B64, what="A Grafana Cloud access policy / API token.",
               remediation="Delete the token in Grafana Cloud → Administration → Access policies → the policy → tokens, and create a new one.",
               references=["https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/"]))
    R.append(P("grafana-service-account-token", "Grafana service account token", "glsa_", r"[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}",
               lambda g: f"glsa_{g.b62(32)}_{g.hex(8)}", env="GRAFANA_TOKEN", severity="high",
               what="A Grafana service account token.",
               remediation="Delete the token in Grafana → Administration → Service accounts → the account → Tokens, then add a new one.",
               references=["https://grafana.com/docs/grafana/latest/administration/service-accounts/"]))
    R.append(P("grafana-api-key", "Grafana API key (legacy)", "eyJrIjoi", r"[A-Za-z0-9]{60,300}={0,2}",
               lambda g: base64.b64encode(json.dumps({"k": g.b62(32), "n": g.word(), "id": g.r.randint(1, 9)}, separators=(",", ":")).encode()).decode().rstrip("="),
               env="GRAFANA_API_KEY", end=END_B64, severity="high", what="A legacy Grafana API key (base64 of `{\"k\":...}`).",
               remediation="Delete the API key in Grafana → Administration → API keys and migrate to service account tokens.",
               references=["https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/"]))
    R.append(C("pagerduty-api-key", "PagerDuty API key", "pagerduty|\\bpd_", r"[A-Za-z0-9_+-]{20}", lambda g: "u+" + g.b64url(18),
               env="PAGERDUTY_API_TOKEN", keywords=["pagerduty", "pd_"], words="key|token", end=r"(?:[^A-Za-z0-9_+-]|$)", severity="high", min_entropy=3.5,
               what="A PagerDuty REST API key or user token (20 characters).",
               remediation="Delete it in PagerDuty → Integrations → API Access Keys (or the user's User Settings → API Access) and create a new one.",
               references=["https://support.pagerduty.com/main/docs/api-access-keys"]))
    R.append(C("okta-api-token", "Okta API token", "okta", r"00[A-Za-z0-9_-]{40}", lambda g: "00" + g.b64url(40),
               env="OKTA_API_TOKEN", keywords=["okta"], words="token|key|ssws|api", end=END_B64URL, severity="critical",
               what="An Okta API (SSWS) token, which acts with its creator's admin rights.",
               remediation="Revoke it in the Okta Admin Console → Security → API → Tokens → Revoke, and review the System Log.",
               references=["https://developer.okta.com/docs/guides/create-an-api-token/main/"],
               extra_pos=[lambda g: f"OKTA_CLIENT_TOKEN=00{g.b64url(40)}"]))
    R.append(C("auth0-client-secret", "Auth0 client secret", "auth0", r"[A-Za-z0-9_-]{64}", lambda g: g.b64url(64),
               env="AUTH0_CLIENT_SECRET", keywords=["auth0"], words="secret", end=END_B64URL, severity="critical", min_entropy=4.0,
               what="An Auth0 application client secret.",
               remediation="Rotate it in the Auth0 Dashboard → Applications → the app → Settings → Rotate client secret, and update the app.",
               references=["https://auth0.com/docs/get-started/applications/rotate-client-secret"]))
    R.append(P("postman-api-key", "Postman API key", "PMAK-", r"[a-f0-9]{24}-[a-f0-9]{34}", lambda g: f"PMAK-{g.hex(24)}-{g.hex(34)}",
               env="POSTMAN_API_KEY", severity="high", what="A Postman API key (collections, environments and their stored secrets).",
               remediation="Revoke it in Postman → Settings → API keys → the key → Revoke; Postman also revokes keys found in public workspaces.",
               references=["https://learning.postman.com/docs/developer/postman-api/authentication/"]))
    R.append(P("figma-pat", "Figma personal access token", "figd_", r"[A-Za-z0-9_-]{40}", lambda g: "figd_" + g.b64url(40),
               env="FIGMA_TOKEN", end=END_B64URL, severity="high", what="A Figma personal access token.",
               remediation="Revoke it in Figma → Settings → Security → Personal access tokens.",
               references=["https://www.figma.com/developers/api#access-tokens"]))
    R.append(C("asana-pat", "Asana personal access token", "asana", r"[0-9]/[0-9]{10,20}(?:/[0-9]{10,20})?:[A-Za-z0-9]{32}",
               lambda g: f"2/{g.digits(16)}/{g.digits(16)}:{g.hex(32)}", env="ASANA_ACCESS_TOKEN", keywords=["asana"], severity="high",
               what="An Asana personal access token.",
               remediation="Revoke it in Asana → My settings → Apps → Developer apps / Manage developer apps → the token → Revoke.",
               references=["https://developers.asana.com/docs/personal-access-token"]))
    R.append(P("airtable-pat", "Airtable personal access token", "pat", r"[A-Za-z0-9]{14}\.[a-f0-9]{64}", lambda g: f"pat{g.b62(14)}.{g.hex(64)}",
               env="AIRTABLE_API_KEY", severity="high", what="An Airtable personal access token.",
               remediation="Delete or regenerate it at airtable.com/create/tokens.",
               references=["https://airtable.com/developers/web/guides/personal-access-tokens"]))
    R.append(C("algolia-admin-key", "Algolia admin / write API key", "algolia", "[a-f0-9]{32}", lambda g: g.hex(32),
               env="ALGOLIA_ADMIN_KEY", keywords=["algolia"], words="admin|write|secret|key", severity="high",
               what="An Algolia admin or write API key (search-only keys are meant to be public; the rule requires an admin/write/secret key name).",
               remediation="Regenerate the admin key in the Algolia dashboard → Settings → API Keys → Regenerate (or delete the custom write key).",
               references=["https://www.algolia.com/doc/guides/security/api-keys/"]))
    R.append(P("mapbox-secret-token", "Mapbox secret access token", "sk.eyJ", r"[A-Za-z0-9_-]{50,200}\.[A-Za-z0-9_-]{20,40}",
               lambda g: "sk." + base64.urlsafe_b64encode(json.dumps({"u": g.word() + g.lower(4), "a": g.lower(25)}, separators=(",", ":")).encode()).decode().rstrip("=") + "." + g.b64url(22),
               env="MAPBOX_SECRET_TOKEN", end=END_B64URL, severity="high", what="A Mapbox secret access token (`sk.`).",
               remediation="Delete or rotate it in Mapbox → Account → Access tokens.",
               references=["https://docs.mapbox.com/accounts/guides/tokens/"]))
    R.append(P("supabase-access-token", "Supabase personal access token", "sbp_", r"[a-f0-9]{40}", lambda g: "sbp_" + g.hex(40),
               env="SUPABASE_ACCESS_TOKEN", what="A Supabase management API personal access token.",
               remediation="Revoke it in the Supabase dashboard → Account → Access Tokens.",
               references=["https://supabase.com/docs/reference/api/introduction"]))
    R.append(P("supabase-secret-key", "Supabase secret API key", "sb_secret_", r"[A-Za-z0-9_-]{20,60}", lambda g: "sb_secret_" + g.b64url(31),
               env="SUPABASE_SECRET_KEY", end=END_B64URL, what="A Supabase project secret API key (bypasses row level security).",
               remediation="Delete the key in the Supabase dashboard → Project settings → API Keys and create a new secret key.",
               references=["https://supabase.com/docs/guides/api/api-keys"]))
    R.append(P("contentful-pat", "Contentful personal access token", "CFPAT-", r"[A-Za-z0-9_-]{43}", lambda g: "CFPAT-" + g.b64url(43),
               env="CONTENTFUL_MANAGEMENT_TOKEN", end=END_B64URL, severity="high", what="A Contentful Content Management API personal access token.",
               remediation="Revoke it in Contentful → Settings → CMA tokens → Revoke.",
               references=["https://www.contentful.com/developers/docs/references/authentication/"]))
    R.append(P("dynatrace-api-token", "Dynatrace API token", "dt0c01.", r"[A-Z0-9]{24}\.[A-Z0-9]{64}", lambda g: f"dt0c01.{g.upper(24)}.{g.upper(64)}",
               env="DT_API_TOKEN", severity="high", what="A Dynatrace API / access token.",
               remediation="Revoke it in Dynatrace → Access tokens → the token → Delete, and create a new token with minimal scopes.",
               references=["https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens"]))
    R.append(P("typeform-pat", "Typeform personal access token", "tfp_", r"[A-Za-z0-9_-]{40,64}", lambda g: "tfp_" + g.b64url(44),
               env="TYPEFORM_TOKEN", end=END_B64URL, severity="high", what="A Typeform personal access token.",
               remediation="Delete it in Typeform → Account → Personal tokens.",
               references=["https://www.typeform.com/developers/get-started/personal-access-token/"]))
    R.append(rule(
        "planetscale-token", "PlanetScale service token / password", keywords=["pscale_tkn_", "pscale_pw_", "pscale_oauth_"],
        regex=r"\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64})" + END_B64URL, tags=T,
        description="A PlanetScale service token, database password or OAuth token.",
        remediation="Delete it in PlanetScale → the organization → Settings → Service tokens (or the branch's Passwords), and create a new one.",
        references=["https://planetscale.com/docs/concepts/service-tokens"],
        positive=lambda g: [f"PLANETSCALE_SERVICE_TOKEN=pscale_tkn_{g.b64url(43)}", f'DATABASE_PASSWORD="pscale_pw_{g.b64url(43)}"'],
        negative=["PLANETSCALE_SERVICE_TOKEN=pscale_tkn_<token>", "pscale_pw_short"]))
    R.append(P("prefect-api-key", "Prefect Cloud API key", "pnu_", r"[A-Za-z0-9]{36}", lambda g: "pnu_" + g.b62(36),
               env="PREFECT_API_KEY", severity="high", what="A Prefect Cloud API key.",
               remediation="Delete it in Prefect Cloud → Profile → API keys.",
               references=["https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys"]))
    R.append(P("readme-api-key", "ReadMe API key", "rdme_", r"[a-z0-9]{70}", lambda g: "rdme_" + g.lower(70),
               env="README_API_KEY", severity="high", what="A ReadMe.com project API key.",
               remediation="Revoke it in ReadMe → the project → Configuration → API Keys.",
               references=["https://docs.readme.com/main/reference/intro-to-the-readme-api"]))
    R.append(rule(
        "hubspot-private-app-token", "HubSpot private app token", keywords=["pat-na1-", "pat-eu1-", "pat-na2-", "pat-ap1-"],
        regex=r"\b(pat-(?:na1|na2|eu1|ap1)-" + UUID + r")\b", tags=T,
        description="A HubSpot private app access token.",
        remediation="Rotate the token in HubSpot → Settings → Integrations → Private apps → the app → Auth → Rotate (or delete the app).",
        references=["https://developers.hubspot.com/docs/guides/apps/private-apps/overview"],
        positive=lambda g: [f"HUBSPOT_ACCESS_TOKEN=pat-na1-{g.uuid()}", f'hubspot.Client.create(access_token="pat-eu1-{g.uuid()}")'],
        negative=["HUBSPOT_ACCESS_TOKEN=pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]))
    R.append(rule(
        "launchdarkly-key", "LaunchDarkly API access token / SDK key", keywords=["api-", "sdk-"],
        regex=r"(?:^|[^A-Za-z0-9_-])((?:api|sdk)-" + UUID + r")\b", tags=T, severity="high", confidence="medium",
        description="A LaunchDarkly API access token (`api-<uuid>`) or server-side SDK key (`sdk-<uuid>`).",
        remediation="Reset the SDK key in LaunchDarkly → Project settings → Environments → Reset key (with expiry), or delete the access token under Account settings → Authorization.",
        references=["https://docs.launchdarkly.com/home/account/api", "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side"],
        positive=lambda g: [f"LAUNCHDARKLY_SDK_KEY=sdk-{g.uuid()}", f'ld_api_token: "api-{g.uuid()}"'],
        negative=lambda g: [f"request-id: api-{g.hex(8)}", "LAUNCHDARKLY_SDK_KEY=sdk-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]))
    R.append(P("clickup-api-token", "ClickUp personal API token", "pk_", r"[0-9]{6,10}_[A-Z0-9]{32}", lambda g: f"pk_{g.digits(8)}_{g.upper(32)}",
               env="CLICKUP_API_TOKEN", severity="high", what="A ClickUp personal API token.",
               remediation="Regenerate it in ClickUp → Settings → Apps → API Token → Regenerate.",
               references=["https://developer.clickup.com/docs/authentication"]))
    R.append(rule(
        "salesforce-access-token", "Salesforce access token", keywords=["00d"],
        regex=r"\b(00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,250})", tags=T, severity="high",
        description="A Salesforce OAuth access / session token (`00D<org id>!...`).",
        remediation="Revoke the session (Setup → Session Management → Remove, or POST /services/oauth2/revoke) and the connected app's OAuth tokens.",
        references=["https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm"],
        positive=lambda g: [f"SF_ACCESS_TOKEN=00D{g.b62(15)}!AQ{g.b62(4)}.{g.b62(100)}", f'"access_token": "00D{g.b62(12)}!AR{g.b62(110)}"'],
        negative=lambda g: [f"SF_ACCESS_TOKEN=00D{g.b62(15)}!short"]))
    R.append(rule(
        "dropbox-access-token", "Dropbox short-lived access token", keywords=["sl."],
        regex=r"\b(sl\.(?:u\.)?[A-Za-z0-9_-]{130,})" + END_B64URL, tags=T, severity="high",
        description="A Dropbox short-lived OAuth access token (`sl.`).",
        remediation="Revoke it with POST /2/auth/token/revoke or by disconnecting the app in Dropbox → Settings → Connected apps; revoke the refresh token the same way.",
        references=["https://developers.dropbox.com/oauth-guide"],
        positive=lambda g: [f"DROPBOX_TOKEN=sl.{g.b64url(140)}", f'dbx = dropbox.Dropbox("sl.u.{g.b64url(300)}")'],
        negative=lambda g: [f'truncated = "sl.{g.b64url(40)}"', "config.sl.timeout = 30"]))
    R.append(C("dropbox-long-lived-token", "Dropbox long-lived access token", "dropbox", r"[A-Za-z0-9_-]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}",
               lambda g: g.b64url(11) + "AAAAAAAAAA" + g.b64url(43), env="DROPBOX_ACCESS_TOKEN", keywords=["dropbox"], end=END_B64URL, severity="high",
               what="A legacy Dropbox long-lived access token.",
               remediation="Revoke it with /2/auth/token/revoke or in the App Console → the app → Settings → Generated access token → revoke.",
               references=["https://developers.dropbox.com/oauth-guide"]))
    R.append(P("frameio-token", "Frame.io developer token", "fio-u-", r"[A-Za-z0-9_=-]{64}", lambda g: "fio-u-" + g.b64url(64),
               env="FRAMEIO_TOKEN", end=r"(?:[^A-Za-z0-9_=-]|$)", severity="high", what="A Frame.io developer token.",
               remediation="Delete it in the Frame.io developer site → Tokens.",
               references=["https://developer.frame.io/docs/getting-started/authentication"]))
    R.append(C("segment-write-key", "Segment write key / token", "segment", r"[A-Za-z0-9]{32}", lambda g: g.b62(32),
               env="SEGMENT_WRITE_KEY", keywords=["segment"], words="write[_.-]?key|token|secret", severity="medium", min_entropy=3.8,
               what="A Segment source write key or public API token.",
               remediation="Rotate the write key in Segment → the source → Settings → API Keys (or revoke the Public API token under Workspace settings → Access management → Tokens).",
               references=["https://segment.com/docs/connections/find-writekey/"]))
    R.append(C("mixpanel-secret", "Mixpanel API secret / service account secret", "mixpanel", r"[A-Za-z0-9]{32}", lambda g: g.b62(32),
               env="MIXPANEL_API_SECRET", keywords=["mixpanel"], words="secret|password", severity="high", min_entropy=3.8,
               what="A Mixpanel project API secret or service account secret.",
               remediation="Reset the project secret in Mixpanel → Project settings → Access keys, or delete the service account and create a new one.",
               references=["https://developer.mixpanel.com/reference/service-accounts"]))
    R.append(C("amplitude-secret-key", "Amplitude secret key", "amplitude", r"[a-f0-9]{32}", lambda g: g.hex(32),
               env="AMPLITUDE_SECRET_KEY", keywords=["amplitude"], words="secret", severity="high",
               what="An Amplitude project secret key (export and management APIs).",
               remediation="Rotate the project's API/secret key pair in Amplitude → Settings → Projects → the project → API keys.",
               references=["https://amplitude.com/docs/apis/keys-and-tokens"]))
    R.append(C("rollbar-access-token", "Rollbar access token", "rollbar", r"[a-f0-9]{32}", lambda g: g.hex(32),
               env="ROLLBAR_ACCESS_TOKEN", keywords=["rollbar"], words="token|key", severity="medium",
               what="A Rollbar project or account access token.",
               remediation="Disable and delete it in Rollbar → Project settings → Project Access Tokens (or Account Access Tokens), and create a new one.",
               references=["https://docs.rollbar.com/docs/access-tokens"]))
    R.append(C("bugsnag-api-key", "Bugsnag auth token", "bugsnag", r"[a-f0-9]{32}", lambda g: g.hex(32),
               env="BUGSNAG_AUTH_TOKEN", keywords=["bugsnag"], words="auth[_.-]?token|token|data[_.-]?access", severity="medium",
               what="A Bugsnag personal auth (data access) token.",
               remediation="Revoke it in Bugsnag → Personal settings → Auth tokens (Data Access API).",
               references=["https://bugsnagapiv2.docs.apiary.io/#introduction/authentication"]))
    R.append(C("honeycomb-api-key", "Honeycomb API key", "honeycomb", r"(?:hc[a-z]{2,3}_[A-Za-z0-9]{20,70}|[A-Za-z0-9]{22,32})", lambda g: g.b62(32),
               env="HONEYCOMB_API_KEY", keywords=["honeycomb"], words="key|token|write", severity="high", min_entropy=3.8,
               what="A Honeycomb ingest or configuration API key.",
               remediation="Delete the key in Honeycomb → Environment settings → API Keys and create a new one.",
               references=["https://docs.honeycomb.io/get-started/configure/environments/manage-api-keys/"]))
    R.append(C("sumologic-access-key", "Sumo Logic access key", r"sumo(?:logic)?", r"[A-Za-z0-9]{64}", lambda g: g.b62(64),
               env="SUMO_ACCESS_KEY", keywords=["sumo"], words="key|secret", severity="high", min_entropy=4.0,
               what="A Sumo Logic access key (64 characters).",
               remediation="Delete it in Sumo Logic → Administration → Security → Access Keys, and create a new one.",
               references=["https://help.sumologic.com/docs/manage/security/access-keys/"]))
    R.append(C("loggly-token", "Loggly customer token", "loggly", UUID, lambda g: g.uuid(),
               env="LOGGLY_TOKEN", keywords=["loggly"], words="token|key", severity="medium",
               what="A Loggly customer (ingest) token.",
               remediation="Delete it in Loggly → Source Setup → Customer Tokens and add a new token.",
               references=["https://documentation.solarwinds.com/en/success_center/loggly/content/admin/customer-token-authentication-token.htm"]))
    R.append(C("elastic-api-key", "Elastic / Elastic Cloud API key", r"elastic(?:search)?|kibana", r"[A-Za-z0-9_-]{20,30}==|essu_[A-Za-z0-9+/=_-]{40,200}|[A-Za-z0-9+/]{60,120}={0,2}",
               lambda g: g.b64(66) + "==", env="ELASTIC_API_KEY", keywords=["elastic", "kibana"], words="api[_.-]?key|key|token",
               end=END_B64, severity="critical", min_entropy=4.0,
               what="An Elasticsearch / Elastic Cloud API key (base64 `id:api_key`, or an `essu_` Cloud key).",
               remediation="Invalidate it (Kibana → Stack Management → API keys → Invalidate, or DELETE /_security/api_key) and create a new key with minimal privileges.",
               references=["https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-invalidate-api-key.html"]))
    R.append(C("confluent-api-secret", "Confluent Cloud API secret", r"confluent|kafka", r"[A-Za-z0-9+/]{64}", lambda g: g.b64(64),
               env="CONFLUENT_API_SECRET", keywords=["confluent", "kafka"], words="secret|password", end=END_B64, severity="critical", min_entropy=4.0,
               what="A Confluent Cloud (Kafka) API secret (64 characters).",
               remediation="Delete the API key in Confluent Cloud → API keys (or `confluent api-key delete`), create a new one and update clients.",
               references=["https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/manage-api-keys.html"]))
    R.append(C("mongodb-atlas-private-key", "MongoDB Atlas API private key", r"atlas|mongodb[_.-]?atlas", UUID, lambda g: g.uuid(),
               env="MONGODB_ATLAS_PRIVATE_KEY", keywords=["atlas"], words="private[_.-]?key|secret", severity="critical",
               what="A MongoDB Atlas Administration API private key (UUID).",
               remediation="Delete the API key in Atlas → Organization/Project Access Manager → API Keys, and create a new one with an IP access list.",
               references=["https://www.mongodb.com/docs/atlas/configure-api-access/"]))
    R.append(C("trello-api-token", "Trello API token", "trello", r"(?:ATTA)?[a-f0-9]{64}", lambda g: "ATTA" + g.hex(64),
               env="TRELLO_TOKEN", keywords=["trello"], words="token|secret", severity="high",
               what="A Trello API token.",
               remediation="Revoke it in Trello → Account settings → Applications → the app → Revoke.",
               references=["https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/"]))
    R.append(C("spotify-client-secret", "Spotify client secret", "spotify", "[a-f0-9]{32}", lambda g: g.hex(32),
               env="SPOTIFY_CLIENT_SECRET", keywords=["spotify"], words="secret", severity="medium",
               what="A Spotify Web API app client secret.",
               remediation="Rotate it in the Spotify Developer Dashboard → the app → Settings → View client secret → Rotate.",
               references=["https://developer.spotify.com/documentation/web-api/concepts/apps"]))
    R.append(C("zoom-client-secret", "Zoom app client secret", "zoom", r"[A-Za-z0-9]{32}", lambda g: g.b62(32),
               env="ZOOM_CLIENT_SECRET", keywords=["zoom"], words="secret", severity="high", min_entropy=3.8,
               what="A Zoom (Server-to-Server) OAuth or SDK app client secret.",
               remediation="Regenerate the client secret in the Zoom App Marketplace → Manage → the app → App credentials → Regenerate.",
               references=["https://developers.zoom.us/docs/internal-apps/s2s-oauth/"]))
    R.append(C("docusign-secret", "DocuSign integration secret key", "docusign", UUID, lambda g: g.uuid(),
               env="DOCUSIGN_SECRET_KEY", keywords=["docusign"], words="secret", severity="high",
               what="A DocuSign integration (app) secret key.",
               remediation="Delete the secret key in DocuSign Admin → Apps and Keys → the app → Secret Keys, and add a new one.",
               references=["https://developers.docusign.com/platform/auth/"]))
    R.append(C("browserstack-access-key", "BrowserStack access key", "browserstack", r"[A-Za-z0-9]{20}", lambda g: g.b62(20),
               env="BROWSERSTACK_ACCESS_KEY", keywords=["browserstack"], words="key|token", severity="medium", min_entropy=3.5,
               what="A BrowserStack access key.",
               remediation="Regenerate it in BrowserStack → Account → Settings → Access key → Regenerate.",
               references=["https://www.browserstack.com/docs/automate/selenium/manage-access-key"]))
    R.append(C("saucelabs-access-key", "Sauce Labs access key", r"sauce(?:labs)?", UUID, lambda g: g.uuid(),
               env="SAUCE_ACCESS_KEY", keywords=["sauce"], words="key|token", severity="medium",
               what="A Sauce Labs access key (UUID).",
               remediation="Regenerate it in Sauce Labs → Account → User settings → Access Key → Regenerate.",
               references=["https://docs.saucelabs.com/basics/acct-team-mgmt/managing-user-info/"]))
    R.append(C("percy-token", "Percy project token", "percy", r"(?:web_|app_|auto_|ss_)?[a-f0-9]{64}", lambda g: "web_" + g.hex(64),
               env="PERCY_TOKEN", keywords=["percy"], words="token", severity="medium",
               what="A Percy (visual testing) project token.",
               remediation="Regenerate it in Percy → the project → Project settings → Project token → Regenerate.",
               references=["https://www.browserstack.com/docs/percy/get-started/set-env-var"]))
    R.append(C("cypress-record-key", "Cypress Cloud record key", "cypress", UUID, lambda g: g.uuid(),
               env="CYPRESS_RECORD_KEY", keywords=["cypress"], words="record[_.-]?key|key", severity="medium",
               what="A Cypress Cloud record key.",
               remediation="Delete the record key in Cypress Cloud → Project settings → Record keys and create a new one.",
               references=["https://docs.cypress.io/cloud/account-management/projects#Record-keys"]))
    R.append(C("sanity-token", "Sanity API token", "sanity", r"sk[A-Za-z0-9]{80,200}", lambda g: "sk" + g.b62(180),
               env="SANITY_API_TOKEN", keywords=["sanity"], words="token|key", severity="high",
               what="A Sanity.io project API token.",
               remediation="Delete it at sanity.io/manage → the project → API → Tokens.",
               references=["https://www.sanity.io/docs/http-auth"]))
    R.append(rule(
        "zapier-webhook-url", "Zapier catch hook URL", keywords=["hooks.zapier.com/hooks/catch/"],
        regex=r"(https://hooks\.zapier\.com/hooks/catch/[0-9]{5,12}/[a-z0-9]{5,12}/?)", severity="low", confidence="high", tags=T,
        description="A Zapier catch-hook URL; anyone holding it can trigger the Zap with arbitrary data.",
        remediation="Turn the Zap off and re-create its Webhooks trigger to get a new URL (the URL cannot be rotated in place).",
        references=["https://help.zapier.com/hc/en-us/articles/8496288690317"],
        positive=lambda g: [f"ZAPIER_HOOK=https://hooks.zapier.com/hooks/catch/{g.digits(8)}/{g.lower(7)}/", f"requests.post('https://hooks.zapier.com/hooks/catch/{g.digits(7)}/{g.lower(6)}', json=row)"],
        negative=["https://hooks.zapier.com/hooks/catch/<id>/<key>/"]))
    return R

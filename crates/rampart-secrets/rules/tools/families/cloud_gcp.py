"""Google Cloud / Firebase / Google OAuth credentials."""
import json

from rulegen import END_ALNUM, END_B64URL, G, contextual, prefixed, rule

TITLE = "Google Cloud and Google APIs (cloud-gcp)"
T = ["cloud", "gcp"]


def sa_json(g: G, pretty=True) -> str:
    proj = f"{g.word()}-{g.lower(6)}"
    if pretty:
        return ('{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "%s",\n'
                '  "private_key": "-----BEGIN PRIVATE KEY-----\\n' % (proj, g.hex(40)))
    return '{"type":"service_account","project_id":"%s","private_key_id":"%s","client_email":"ci@%s.iam.gserviceaccount.com"}' % (proj, g.hex(40), proj)


def rules():
    R = []
    R.append(prefixed(
        "gcp-api-key", "Google Cloud API key", "AIza", "[0-9A-Za-z_-]{35}", lambda g: "AIzaSy" + g.b64url(33),
        env="GOOGLE_API_KEY", end=END_B64URL, severity="high", confidence="high",
        what="A Google Cloud / Google Maps / Firebase API key. Browser keys for Maps or Firebase are sometimes public by design; restrict them by HTTP referrer and API.",
        rationale="An unrestricted key lets anyone bill paid Google APIs (Maps, Gemini, Translate...) to the project.",
        remediation="In Google Cloud console → APIs & Services → Credentials: regenerate or delete the key; add application restrictions (referrer / IP / app) and API restrictions to its replacement.",
        references=["https://cloud.google.com/docs/authentication/api-keys", "https://cloud.google.com/docs/authentication/api-keys-best-practices"],
        tags=T, neg=["const key = 'AIzaSyD-placeholder-for-docs'"]))
    R.append(rule(
        "gcp-service-account-key", "Google Cloud service account key file", keywords=["service_account"],
        regex=r'''"type"\s{0,3}:\s{0,3}"service_account"[^{}]{0,400}?"private_key_id"\s{0,3}:\s{0,3}"([a-f0-9]{40})"''',
        severity="critical", confidence="high",
        description="A Google Cloud service account JSON key file (`\"type\": \"service_account\"` with a `private_key_id`); the finding names the key id, the file holds the RSA private key.",
        rationale="A service account key authenticates as the service account with all its IAM roles, does not expire by default, and is the most common way GCP projects are breached.",
        remediation="Delete the key: Cloud console → IAM & Admin → Service accounts → the account → Keys → Delete the key with this id (or `gcloud iam service-accounts keys delete KEY_ID --iam-account=SA`). Review Cloud Audit Logs for its use; prefer workload identity federation over key files.",
        references=["https://cloud.google.com/iam/docs/keys-create-delete", "https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys"],
        tags=T, positive=lambda g: [sa_json(g), sa_json(g, pretty=False)],
        negative=['{"type": "service_account", "project_id": "my-project", "private_key_id": "KEY_ID"}',
                  lambda g: f'{{"type": "authorized_user", "private_key_id": "{g.hex(40)}"}}']))
    R.append(prefixed(
        "google-oauth-client-secret", "Google OAuth client secret", "GOCSPX-", "[A-Za-z0-9_-]{28}", lambda g: "GOCSPX-" + g.b64url(28),
        env="GOOGLE_CLIENT_SECRET", end=END_B64URL, severity="high",
        what="A Google OAuth 2.0 client secret.",
        remediation="In Google Cloud console → APIs & Services → Credentials → the OAuth client: add a new secret, deploy it, then disable and delete the leaked one.",
        references=["https://support.google.com/cloud/answer/15549257"], tags=T))
    R.append(prefixed(
        "google-oauth-access-token", "Google OAuth access token", "ya29.", "[A-Za-z0-9_-]{100,}", lambda g: "ya29." + g.b64url(150),
        env="GOOGLE_ACCESS_TOKEN", end=END_B64URL, severity="high",
        what="A Google OAuth 2.0 access token (valid about an hour).",
        remediation="Revoke it with POST https://oauth2.googleapis.com/revoke?token=..., and revoke the refresh token / service account key it was minted from.",
        references=["https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke"], tags=T))
    R.append(prefixed(
        "google-oauth-refresh-token", "Google OAuth refresh token", "1//0", "[A-Za-z0-9_-]{60,300}", lambda g: "1//0" + g.b64url(99),
        env="GOOGLE_REFRESH_TOKEN", end=END_B64URL, severity="critical", start=r"(?:^|[^A-Za-z0-9/_-])",
        what="A Google OAuth 2.0 refresh token, which mints access tokens until revoked.",
        remediation="Revoke it with POST https://oauth2.googleapis.com/revoke?token=... or have the user remove the app at myaccount.google.com/permissions.",
        references=["https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke"], tags=T))
    R.append(rule(
        "firebase-cloud-messaging-server-key", "Firebase Cloud Messaging legacy server key", keywords=[":APA91b"],
        regex=r"\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})" + END_B64URL, severity="high",
        description="A Firebase Cloud Messaging legacy server key, which sends push notifications to every user of the app.",
        remediation="The legacy FCM API is shut down; delete the key in Firebase console → Project settings → Cloud Messaging, and use the HTTP v1 API with a service account.",
        references=["https://firebase.google.com/docs/cloud-messaging/migrate-v1"], tags=T,
        positive=lambda g: [f"FCM_SERVER_KEY=AAAA{g.b64url(7)}:APA91b{g.b64url(134)}", f'"serverKey": "AAAA{g.b64url(7)}:APA91b{g.b64url(134)}"'],
        negative=lambda g: [f"FCM_SERVER_KEY=AAAA{g.b64url(7)}:APA91b{g.b64url(60)}"]))
    R.append(contextual(
        "google-recaptcha-secret", "Google reCAPTCHA secret key", r"recaptcha", r"6L[0-9A-Za-z_-]{38}", lambda g: "6L" + g.b64url(38),
        env="RECAPTCHA_SECRET_KEY", keywords=["recaptcha"], words="secret|private", end=END_B64URL, severity="medium",
        what="A Google reCAPTCHA secret key (server side).",
        remediation="In the reCAPTCHA admin console (google.com/recaptcha/admin) → the site → Settings, delete the site key pair and create a new one (or migrate to reCAPTCHA Enterprise keys).",
        references=["https://developers.google.com/recaptcha/docs/verify"], tags=T))
    R.append(contextual(
        "gcs-hmac-secret", "Google Cloud Storage HMAC secret", r"gcs|google[_.-]?storage|gcp[_.-]?storage|hmac", r"[A-Za-z0-9/+]{40}",
        lambda g: g.b64(40), env="GCS_HMAC_SECRET", keywords=["gcs", "storage", "hmac"], words="secret", end=r"(?:[^A-Za-z0-9/+=]|$)",
        severity="critical", min_entropy=4.0,
        what="A Google Cloud Storage HMAC key secret (S3-interoperable access).",
        remediation="Deactivate and delete the HMAC key: Cloud Storage → Settings → Interoperability → the access key → Deactivate, Delete (or `gcloud storage hmac update --deactivate` then `delete`).",
        references=["https://cloud.google.com/storage/docs/authentication/managing-hmackeys"], tags=T))
    return R

"""Amazon Web Services credentials."""
from rulegen import END_ALNUM, END_B64, G, SEP, NAME, contextual, prefixed, rule

TITLE = "Amazon Web Services (cloud-aws)"
T = ["cloud", "aws"]
IAM_REVOKE = ("Deactivate and delete the access key: IAM console → Users → the user → Security credentials → "
              "Access keys → Deactivate, then Delete (or `aws iam update-access-key --status Inactive` and "
              "`aws iam delete-access-key`). Create a new key only if still needed (prefer roles / IAM Identity Center "
              "short-term credentials), and review CloudTrail for calls made with the key since it leaked.")
REFS = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"]


def akid(g: G, prefix="AKIA"):
    return prefix + g.base32(16)


def rules():
    R = []
    R.append(rule(
        "aws-access-key-id", "AWS access key ID", keywords=["AKIA", "ASIA", "ABIA", "ACCA"],
        regex=r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b", severity="high", confidence="high",
        description="An AWS access key ID: `AKIA` (long-term IAM user key), `ASIA` (temporary STS key), `ABIA` (STS service bearer token) or `ACCA` (context-specific). The ID alone is not enough to sign requests, but the secret key is almost always next to it.",
        rationale="Access key IDs identify the account and user; together with the secret access key they give the IAM principal's full permissions.",
        remediation=IAM_REVOKE, references=REFS, tags=T,
        positive=lambda g: [f"AWS_ACCESS_KEY_ID={akid(g)}", f'aws_access_key_id = {akid(g, "ASIA")}',
                            f'"AccessKeyId": "{akid(g, "ABIA")}"'],
        negative=["aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                  lambda g: f"AWS_ACCESS_KEY_ID={akid(g)[:19]}", lambda g: f"AWS_ACCESS_KEY_ID=AKIA{g.base32(16).lower()}",
                  lambda g: f"id = AKIB{g.base32(16)}"]))
    R.append(rule(
        "aws-secret-access-key", "AWS secret access key", keywords=["aws"],
        regex=(r"(?i:aws)" + NAME + r"{0,20}(?i:secret)" + NAME + r"{0,20}" + SEP +
               r"([A-Za-z0-9/+]{40})" + END_B64),
        min_entropy=4.3, severity="critical", confidence="high",
        description="An AWS secret access key (40 base64 characters) assigned to a name containing `aws` and `secret` (`aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`, `awsSecretKey`).",
        rationale="With the access key ID, the secret key signs any AWS API call the IAM principal may make.",
        remediation=IAM_REVOKE, references=REFS, tags=T,
        positive=lambda g: [f"[default]\naws_access_key_id = {akid(g)}\naws_secret_access_key = {g.b64(40)}",
                            f"export AWS_SECRET_ACCESS_KEY={g.b64(40)}", f'awsSecretKey: "{g.b64(40)}"'],
        negative=["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                  lambda g: f"aws_secret_access_key = {g.b64(30)}", "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
                  lambda g: f"aws_secret_access_key = {g.b64(44)}"]))
    R.append(rule(
        "aws-secret-access-key-json", "AWS secret access key (SDK/STS JSON)", keywords=["secretaccesskey"],
        regex=r"(?:Secret|secret)AccessKey" + SEP + r"([A-Za-z0-9/+]{40})" + END_B64,
        min_entropy=4.0, severity="critical", confidence="high",
        description="An AWS secret access key in the camel-case field used by the SDKs, STS responses and CloudFormation (`SecretAccessKey`, `secretAccessKey`).",
        remediation=IAM_REVOKE + " For STS credentials (session token present) revoke the role's active sessions instead (IAM → Roles → Revoke sessions).",
        references=REFS + ["https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html"], tags=T,
        positive=lambda g: [f'{{"Credentials": {{"AccessKeyId": "{akid(g, "ASIA")}", "SecretAccessKey": "{g.b64(40)}"}}}}',
                            f"new AWS.Credentials({{ accessKeyId: '{akid(g)}', secretAccessKey: '{g.b64(40)}' }})"],
        negative=['"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', '"SecretAccessKey": ""',
                  lambda g: f'"SecretAccessKeyRef": "{g.b64(20)}"']))

    def session(g: G):
        return g.pick("IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz") + g.b64(300)
    R.append(rule(
        "aws-session-token", "AWS session token", keywords=["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz", "FQoGZXIvYXdz"],
        regex=r"\b((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+]{100,}={0,2})" + END_B64,
        severity="high", confidence="high",
        description="An AWS STS session token (base64 starting `IQoJb3JpZ2luX2Vj` or `FwoGZXIvYXdz`), which with its ASIA key pair grants a role's permissions until it expires.",
        remediation="Session tokens cannot be deleted: revoke the role's sessions issued before now (IAM console → Roles → the role → Revoke active sessions, which attaches an AWSRevokeOlderSessions deny policy) and find where the credentials were exported from.",
        references=["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html"], tags=T,
        positive=lambda g: [f"AWS_SESSION_TOKEN={session(g)}", f'aws_session_token = {session(g)}'],
        negative=lambda g: [f"AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj{g.b64(40)}", "aws_session_token = IQoJb3JpZ2luX2Vj..."]))
    R.append(contextual(
        "aws-session-token-context", "AWS session token (by name)", r"aws", r"[A-Za-z0-9/+]{200,}={0,2}", lambda g: g.b64(360),
        env="AWS_SESSION_TOKEN", keywords=["aws"], words="session[_.-]?token|security[_.-]?token", end=END_B64,
        allow=["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdz", "FQoGZXIvYXdz"],
        severity="high", confidence="medium", min_entropy=4.5,
        what="An AWS session token assigned to `aws_session_token` / `AWS_SECURITY_TOKEN` whose body does not start with a known prefix.",
        remediation="Revoke the role's active sessions (IAM console → Roles → the role → Revoke active sessions) and find where the credentials were exported from.",
        references=["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html"], tags=T))
    R.append(prefixed(
        "aws-mws-auth-token", "Amazon MWS auth token", "amzn.mws.", r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        lambda g: "amzn.mws." + g.uuid(), env="MWS_AUTH_TOKEN", what="An Amazon Marketplace Web Service auth token.",
        remediation="Revoke the developer's access in Seller Central → Apps & Services → Manage Your Apps, then re-authorize to get a new token.",
        references=["https://developer-docs.amazon.com/sp-api/docs/what-is-the-selling-partner-api"], tags=T, severity="high"))
    R.append(prefixed(
        "aws-appsync-api-key", "AWS AppSync API key", "da2-", "[a-z0-9]{26}", lambda g: "da2-" + g.lower(26),
        env="APPSYNC_API_KEY", what="An AWS AppSync GraphQL API key.", severity="medium", confidence="medium",
        start=r"(?:^|[^A-Za-z0-9_-])",
        remediation="Delete the key in the AppSync console → the API → Settings → API keys (or `aws appsync delete-api-key`) and create a new one with a short expiry.",
        references=["https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization"], tags=T))
    R.append(contextual(
        "aws-ses-smtp-password", "Amazon SES SMTP password", r"smtp", r"B[A-Za-z0-9/+]{43}", lambda g: "B" + g.b64(43),
        env="SES_SMTP_PASSWORD", keywords=["smtp"], words="password|pass|secret", end=END_B64, min_entropy=4.0,
        what="An Amazon SES SMTP password (44 characters, derived from an IAM secret key).",
        remediation="Delete the IAM user's access key the SMTP password was derived from (IAM → Users → Security credentials), create new SMTP credentials in the SES console → SMTP settings.",
        references=["https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html"], tags=T))
    return R

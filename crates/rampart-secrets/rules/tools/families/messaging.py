"""Chat, email, SMS, push and social APIs."""
from rulegen import END_ALNUM, END_B64, END_B64URL, G, contextual, prefixed, rule

TITLE = "messaging, email, SMS and social (messaging)"
T = ["messaging"]
SLACK_REF = ["https://api.slack.com/authentication/token-types", "https://api.slack.com/methods/auth.revoke"]
SLACK_REVOKE = ("Revoke it: call auth.revoke with the token, or in api.slack.com/apps → the app → OAuth & Permissions → "
                "Revoke tokens / reinstall the app (rotates bot and user tokens). Review the workspace's access logs.")


def ids(g: G):
    return f"{g.digits(12)}-{g.digits(13)}"


def rules():
    R = []
    R.append(prefixed("slack-bot-token", "Slack bot token", "xoxb-", r"[0-9]{8,13}-[0-9]{8,13}-[A-Za-z0-9]{24}",
                      lambda g: f"xoxb-{ids(g)}-{g.b62(24)}", env="SLACK_BOT_TOKEN", what="A Slack bot user OAuth token.",
                      rationale="Bot tokens read and post in every channel the app is in; leaked tokens are used for phishing inside the workspace.",
                      remediation=SLACK_REVOKE, references=SLACK_REF, tags=T))
    R.append(prefixed("slack-user-token", "Slack user token", "xoxp-", r"[0-9]{8,13}-[0-9]{8,13}-[0-9]{8,13}-[a-f0-9]{32}",
                      lambda g: f"xoxp-{ids(g)}-{g.digits(13)}-{g.hex(32)}", env="SLACK_USER_TOKEN",
                      what="A Slack user OAuth token, acting as the user who installed the app.", remediation=SLACK_REVOKE,
                      references=SLACK_REF, tags=T))
    R.append(prefixed("slack-app-token", "Slack app-level token", "xapp-", r"[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}",
                      lambda g: f"xapp-1-A{g.upper(10)}-{g.digits(13)}-{g.hex(64)}", env="SLACK_APP_TOKEN", severity="high",
                      what="A Slack app-level token (Socket Mode / connections).",
                      remediation="Revoke it in api.slack.com/apps → the app → Basic Information → App-Level Tokens → Revoke, and generate a new one.",
                      references=SLACK_REF, tags=T))
    R.append(prefixed("slack-config-token", "Slack app configuration token", "xoxe.xox", r"[bp]-[0-9]-[A-Za-z0-9]{160,170}",
                      lambda g: f"xoxe.xoxp-1-{g.b62(166)}", env="SLACK_CONFIG_TOKEN", severity="high",
                      what="A Slack app configuration access token (manages app manifests).",
                      remediation="Revoke it with tooling.tokens.rotate / auth.revoke, or regenerate configuration tokens at api.slack.com/apps (Your App Configuration Tokens → Revoke).",
                      references=["https://api.slack.com/authentication/config-tokens"], tags=T))
    R.append(prefixed("slack-refresh-token", "Slack refresh token", "xoxe-", r"[0-9]-[A-Za-z0-9]{140,170}",
                      lambda g: f"xoxe-1-{g.b62(146)}", env="SLACK_REFRESH_TOKEN", severity="high",
                      what="A Slack token-rotation refresh token (or configuration refresh token).",
                      remediation="Revoke the access token it belongs to with auth.revoke (which invalidates the refresh chain) and reinstall the app if needed.",
                      references=["https://api.slack.com/authentication/rotation"], tags=T))
    R.append(rule(
        "slack-legacy-token", "Slack legacy / workspace token", keywords=["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
        regex=r"\b(xox[aors]-[0-9]{1,13}-[A-Za-z0-9-]{20,150})" + END_B64URL,
        description="A Slack legacy or workspace token (`xoxa-`, `xoxo-`, `xoxr-`, `xoxs-`).",
        remediation=SLACK_REVOKE, references=SLACK_REF, tags=T,
        positive=lambda g: [f"SLACK_TOKEN=xoxa-2-{g.digits(12)}-{g.digits(12)}-{g.hex(32)}", f'slack_token: "xoxs-{g.digits(11)}-{g.digits(12)}-{g.hex(40)}"'],
        negative=["SLACK_TOKEN=xoxa-2-...", "SLACK_TOKEN=xoxs-1234"]))
    R.append(rule(
        "slack-webhook-url", "Slack incoming webhook URL", keywords=["hooks.slack.com/services/"],
        regex=r"(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})\b", severity="high",
        description="A Slack incoming webhook URL; anyone holding it can post messages (and phishing links) to the channel.",
        remediation="Remove the webhook: api.slack.com/apps → the app → Incoming Webhooks → Remove (or remove the legacy Incoming WebHooks integration), then create a new one.",
        references=["https://api.slack.com/messaging/webhooks"], tags=T,
        positive=lambda g: [f"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{g.upper(10)}/B{g.upper(10)}/{g.b62(24)}",
                            f'requests.post("https://hooks.slack.com/services/T{g.upper(8)}/B{g.upper(10)}/{g.b62(24)}", json=payload)'],
        negative=["https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                  "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/placeholder"]))
    R.append(rule(
        "slack-workflow-webhook-url", "Slack workflow webhook URL", keywords=["hooks.slack.com/"],
        regex=r"(https://hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:[A-Z0-9]{8,12}/)?[0-9]{10,20}/[A-Za-z0-9]{24,40})\b", severity="medium",
        description="A Slack Workflow Builder webhook trigger URL.",
        remediation="Delete or re-create the workflow's webhook trigger in Workflow Builder (the URL cannot be rotated in place).",
        references=["https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack"], tags=T,
        positive=lambda g: [f"https://hooks.slack.com/workflows/T{g.upper(10)}/A{g.upper(10)}/{g.digits(18)}/{g.b62(24)}",
                            f"WORKFLOW_URL=https://hooks.slack.com/triggers/T{g.upper(10)}/{g.digits(13)}/{g.b62(32)}"],
        negative=["https://hooks.slack.com/workflows/T000/A000/123/abc"]))
    R.append(contextual("twilio-api-key", "Twilio API key SID with secret nearby", "twilio", "SK[a-f0-9]{32}", lambda g: "SK" + g.hex(32),
                        env="TWILIO_API_KEY", keywords=["twilio"], words="key|sid", severity="high", confidence="high",
                        what="A Twilio API key SID (`SK` + 32 hex); its secret is normally stored next to it.",
                        remediation="Delete the API key in the Twilio Console → Account → API keys & tokens, then create a new key and secret.",
                        references=["https://www.twilio.com/docs/iam/api-keys"], tags=T))
    R.append(contextual("twilio-auth-token", "Twilio auth token", "twilio", "[a-f0-9]{32}", lambda g: g.hex(32),
                        env="TWILIO_AUTH_TOKEN", keywords=["twilio"], words="auth[_.-]?token|token|secret", severity="critical",
                        what="A Twilio account auth token (32 hex), the master credential of the account.",
                        remediation="Rotate it in the Twilio Console → Account → API keys & tokens → Auth tokens: request a secondary token, deploy it, then promote it (this invalidates the old primary).",
                        references=["https://www.twilio.com/docs/iam/api/authtoken"], tags=T))
    R.append(prefixed("sendgrid-api-key", "SendGrid API key", "SG.", r"[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}",
                      lambda g: f"SG.{g.b64url(22)}.{g.b64url(43)}", env="SENDGRID_API_KEY", end=END_B64URL,
                      what="A Twilio SendGrid API key.",
                      rationale="Mail sent through your verified domain passes SPF/DKIM: ideal for phishing.",
                      remediation="Delete it in SendGrid → Settings → API Keys → Delete; create a new key with restricted scopes.",
                      references=["https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"], tags=T))
    R.append(prefixed("mailgun-api-key", "Mailgun API key (legacy)", "key-", "[a-f0-9]{32}", lambda g: "key-" + g.hex(32),
                      env="MAILGUN_API_KEY", start=r"(?:^|[^A-Za-z0-9_-])", what="A Mailgun private API key in the legacy `key-` form.",
                      remediation="Delete it in Mailgun → Settings → API Security → the key → Delete, and create a new key (domain sending keys where possible).",
                      references=["https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/"], tags=T))
    R.append(contextual("mailgun-private-key", "Mailgun API key", "mailgun", r"[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}",
                        lambda g: f"{g.hex(32)}-{g.hex(8)}-{g.hex(8)}", env="MAILGUN_API_KEY", keywords=["mailgun"], severity="critical",
                        what="A Mailgun private API key or domain sending key.",
                        remediation="Delete it in Mailgun → Settings → API Security (or the domain's Sending keys) and create a new one.",
                        references=["https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/"], tags=T))
    R.append(rule(
        "mailchimp-api-key", "Mailchimp Marketing API key", keywords=["-us"],
        regex=r"\b([a-f0-9]{32}-us[0-9]{1,2})\b", severity="high",
        description="A Mailchimp Marketing API key (32 hex + data-center suffix `-usN`).",
        remediation="Disable and delete it in Mailchimp → Profile → Extras → API keys, then create a new key.",
        references=["https://mailchimp.com/developer/marketing/guides/quick-start/"], tags=T,
        positive=lambda g: [f"MAILCHIMP_API_KEY={g.hex(32)}-us{g.r.randint(1, 21)}", f'client.set_config({{"api_key": "{g.hex(32)}-us6", "server": "us6"}})'],
        negative=lambda g: [f'truncated = "{g.hex(30)}-us6"', "MAILCHIMP_API_KEY=your-api-key-us6"]))
    R.append(contextual("mailchimp-transactional-key", "Mailchimp Transactional (Mandrill) API key", "mandrill|mailchimp", r"md-[A-Za-z0-9_-]{22}",
                        lambda g: "md-" + g.b64url(22), env="MANDRILL_API_KEY", keywords=["mandrill", "mailchimp"], end=END_B64URL,
                        what="A Mailchimp Transactional (Mandrill) API key.",
                        remediation="Delete it in Mailchimp Transactional → Settings → SMTP & API Info → the key → Delete, and create a new one.",
                        references=["https://mailchimp.com/developer/transactional/guides/quick-start/"], tags=T))
    R.append(rule(
        "telegram-bot-token", "Telegram bot token", keywords=[":AA"],
        regex=r"(?:^|[^0-9A-Za-z_:-])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})" + END_B64URL,
        description="A Telegram Bot API token (`<bot id>:AA...`).",
        remediation="Revoke it with @BotFather: /mybots → the bot → API Token → Revoke current token; update the bot's deployment.",
        references=["https://core.telegram.org/bots/api#authorizing-your-bot"], tags=T, severity="high",
        positive=lambda g: [f"TELEGRAM_BOT_TOKEN={g.digits(10)}:AA{g.b64url(33)}", f'bot = telebot.TeleBot("{g.digits(9)}:AA{g.b64url(33)}")'],
        negative=lambda g: ["TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", f'truncated = "{g.digits(10)}:AA{g.b64url(20)}"']))

    def discord(g: G):
        uid = str(g.r.randint(10**17, 10**18 * 2))
        import base64 as b
        return f"{b.b64encode(uid.encode()).decode().rstrip('=')}.{g.b64url(6)}.{g.b64url(38)}"
    R.append(contextual("discord-bot-token", "Discord bot token", "discord", r"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}",
                        discord, env="DISCORD_BOT_TOKEN", keywords=["discord"], words="token|secret|key|auth", end=END_B64URL, severity="high",
                        confidence="high", what="A Discord bot token (base64 user id, timestamp, HMAC).",
                        remediation="Reset it in the Discord Developer Portal → Applications → the app → Bot → Reset Token; Discord also resets tokens found on GitHub.",
                        references=["https://discord.com/developers/docs/reference#authentication"], tags=T))
    R.append(rule(
        "discord-webhook-url", "Discord webhook URL", keywords=["/api/webhooks/"],
        regex=r"(https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80})" + END_B64URL, severity="medium",
        description="A Discord channel webhook URL; anyone holding it can post to the channel.",
        remediation="Delete the webhook in Discord → Server settings → Integrations → Webhooks (or DELETE the webhook URL) and create a new one.",
        references=["https://discord.com/developers/docs/resources/webhook"], tags=T,
        positive=lambda g: [f"DISCORD_WEBHOOK=https://discord.com/api/webhooks/{g.digits(19)}/{g.b64url(68)}",
                            f'url = "https://discordapp.com/api/webhooks/{g.digits(18)}/{g.b64url(68)}"'],
        negative=["https://discord.com/api/webhooks/123/abc", "https://discord.com/api/webhooks/{id}/{token}"]))
    R.append(rule(
        "microsoft-teams-webhook-url", "Microsoft Teams incoming webhook URL", keywords=["webhook.office.com"],
        regex=r"(https://[a-z0-9-]{1,60}\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]{40,60})?)",
        severity="medium",
        description="A Microsoft Teams (Office 365 connector) incoming webhook URL.",
        remediation="Remove the Incoming Webhook connector from the channel (channel → Connectors / Workflows → Configured → Remove) and create a new one.",
        references=["https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook"], tags=T,
        positive=lambda g: [f"TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/{g.uuid()}@{g.uuid()}/IncomingWebhook/{g.hex(32)}/{g.uuid()}",
                            f'"url": "https://contoso.webhook.office.com/webhookb2/{g.uuid()}@{g.uuid()}/IncomingWebhook/{g.hex(32)}/{g.uuid()}/V2{g.b64url(44)}"'],
        negative=["https://outlook.office.com/webhook/<id>/IncomingWebhook/<token>"]))
    R.append(prefixed("brevo-api-key", "Brevo (Sendinblue) API key", "xkeysib-", r"[a-f0-9]{64}-[A-Za-z0-9]{16}",
                      lambda g: f"xkeysib-{g.hex(64)}-{g.b62(16)}", env="BREVO_API_KEY",
                      what="A Brevo (formerly Sendinblue) API v3 key.", severity="high",
                      remediation="Delete it in Brevo → SMTP & API → API keys → Delete, then generate a new key.",
                      references=["https://developers.brevo.com/docs/getting-started"], tags=T))
    R.append(prefixed("brevo-smtp-key", "Brevo (Sendinblue) SMTP key", "xsmtpsib-", r"[a-f0-9]{64}-[A-Za-z0-9]{16}",
                      lambda g: f"xsmtpsib-{g.hex(64)}-{g.b62(16)}", env="BREVO_SMTP_KEY",
                      what="A Brevo (formerly Sendinblue) SMTP key.", severity="high",
                      remediation="Delete it in Brevo → SMTP & API → SMTP → the key, then generate a new one.",
                      references=["https://help.brevo.com/hc/en-us/articles/7959631848850"], tags=T))
    R.append(prefixed("resend-api-key", "Resend API key", "re_", r"[A-Za-z0-9]{8}_[A-Za-z0-9]{24}",
                      lambda g: f"re_{g.b62(8)}_{g.b62(24)}", env="RESEND_API_KEY", confidence="medium", min_entropy=4.0,
                      start=r"(?:^|[^A-Za-z0-9_-])", what="A Resend email API key.", severity="high",
                      remediation="Delete it in the Resend dashboard → API Keys, then create a new key with sending-only permission.",
                      references=["https://resend.com/docs/dashboard/api-keys/introduction"], tags=T))
    R.append(contextual("postmark-server-token", "Postmark server / account token", "postmark", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
                        lambda g: g.uuid(), env="POSTMARK_SERVER_TOKEN", keywords=["postmark"],
                        what="A Postmark server or account API token (UUID).",
                        remediation="Regenerate it in Postmark → the server → API Tokens (or Account → API Tokens) and update senders.",
                        references=["https://postmarkapp.com/developer/api/overview#authentication"], tags=T))
    R.append(contextual("sparkpost-api-key", "SparkPost API key", "sparkpost", "[a-f0-9]{40}", lambda g: g.hex(40),
                        env="SPARKPOST_API_KEY", keywords=["sparkpost"], what="A SparkPost API key (40 hex).",
                        remediation="Delete it in SparkPost → Configuration → API Keys, then create a new key with minimal grants.",
                        references=["https://developers.sparkpost.com/api/#header-authentication"], tags=T))
    R.append(contextual("mailjet-api-secret", "Mailjet API secret key", "mailjet|\\bmj[_.-]?apikey", "[a-f0-9]{32}", lambda g: g.hex(32),
                        env="MAILJET_API_SECRET", keywords=["mailjet", "mj_apikey", "mj-apikey", "mj.apikey", "mjapikey"], words="secret|private|key",
                        what="A Mailjet API secret key (32 hex).",
                        remediation="Regenerate the secret in Mailjet → Account settings → API Key Management → Regenerate secret key.",
                        references=["https://dev.mailjet.com/email/guides/"], tags=T))
    R.append(contextual("vonage-api-secret", "Vonage (Nexmo) API secret", "vonage|nexmo", "[A-Za-z0-9]{16}", lambda g: g.b62(16),
                        env="VONAGE_API_SECRET", keywords=["vonage", "nexmo"], words="secret", min_entropy=3.5,
                        what="A Vonage (Nexmo) API secret.",
                        remediation="Create a new secret in the Vonage API Dashboard → Settings → API secrets, deploy it, then delete the old one.",
                        references=["https://developer.vonage.com/en/getting-started/concepts/authentication"], tags=T))
    R.append(contextual("plivo-auth-token", "Plivo auth token", "plivo", "[A-Za-z0-9]{40}", lambda g: g.b62(40),
                        env="PLIVO_AUTH_TOKEN", keywords=["plivo"], words="auth[_.-]?token|token|secret", min_entropy=3.5,
                        what="A Plivo account auth token.",
                        remediation="Regenerate it in the Plivo console → Account → Auth credentials → Regenerate auth token.",
                        references=["https://www.plivo.com/docs/account/auth-credentials"], tags=T))
    R.append(contextual("messagebird-api-key", "MessageBird (Bird) API key", "messagebird|message[_.-]bird", "[A-Za-z0-9]{25}", lambda g: g.b62(25),
                        env="MESSAGEBIRD_API_KEY", keywords=["messagebird", "message_bird", "message-bird", "message.bird"], min_entropy=3.5,
                        what="A MessageBird live API access key.",
                        remediation="Delete it in the MessageBird/Bird dashboard → Developers → API access, then create a new key.",
                        references=["https://developers.messagebird.com/api/#authentication"], tags=T))
    R.append(contextual("pushover-token", "Pushover application token", "pushover", "[a-z0-9]{30}", lambda g: g.lower(30),
                        env="PUSHOVER_TOKEN", keywords=["pushover"], severity="low", what="A Pushover application or user key.",
                        remediation="Delete and re-register the application at pushover.net → Your Applications (or reset the user key).",
                        references=["https://pushover.net/api"], tags=T))
    R.append(prefixed("twitter-bearer-token", "X (Twitter) app bearer token", "AAAAAAAAAAAAAAAAAAAAA", r"[A-Za-z0-9%]{80,120}",
                      lambda g: "AAAAAAAAAAAAAAAAAAAAA" + g.b62(30) + "%3D" + g.b62(50), env="TWITTER_BEARER_TOKEN", severity="high",
                      end=r"(?:[^A-Za-z0-9%]|$)", what="An X (Twitter) API app-only bearer token.",
                      remediation="Regenerate the bearer token in the X developer portal → Projects & Apps → the app → Keys and tokens → Bearer Token → Regenerate.",
                      references=["https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens"], tags=T))
    R.append(contextual("twitter-api-secret", "X (Twitter) API key secret", r"twitter|\bx_api", "[A-Za-z0-9]{50}", lambda g: g.b62(50),
                        env="TWITTER_API_SECRET", keywords=["twitter", "x_api"], words="secret", min_entropy=3.5,
                        what="An X (Twitter) consumer API key secret or access token secret (50 characters).",
                        remediation="Regenerate the consumer keys / access token and secret in the X developer portal → the app → Keys and tokens.",
                        references=["https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret"], tags=T))
    R.append(prefixed("facebook-access-token", "Facebook / Meta access token", "EAA", r"[A-Za-z0-9]{100,400}",
                      lambda g: "EAA" + g.pick("G", "B", "C", "J") + g.b62(180), env="FB_ACCESS_TOKEN", severity="high",
                      what="A Facebook / Instagram / WhatsApp Graph API access token (`EAA...`).",
                      remediation="Invalidate it: for user tokens have the user remove the app (Settings → Apps and websites); for page/system-user tokens regenerate them in Business Settings → System users; reset the app secret if the token was an app token.",
                      references=["https://developers.facebook.com/docs/facebook-login/guides/access-tokens"], tags=T))
    R.append(contextual("facebook-app-secret", "Facebook / Meta app secret", r"facebook|\bfb_|\bmeta_app", "[a-f0-9]{32}", lambda g: g.hex(32),
                        env="FACEBOOK_APP_SECRET", keywords=["facebook", "fb_", "meta_app"], words="secret",
                        what="A Facebook / Meta app secret (32 hex).",
                        remediation="Reset it in the Meta App Dashboard → App settings → Basic → App secret → Reset.",
                        references=["https://developers.facebook.com/docs/facebook-login/security/#appsecret"], tags=T))
    R.append(prefixed("intercom-access-token", "Intercom access token", "dG9rOi", r"[A-Za-z0-9+/]{50,80}={0,2}",
                      lambda g: "dG9rOi" + g.b64(54) + "=", env="INTERCOM_ACCESS_TOKEN", end=END_B64, severity="high",
                      what="An Intercom access token (base64 of `tok:...`).",
                      remediation="Regenerate it in the Intercom Developer Hub → the app → Authentication → Regenerate access token.",
                      references=["https://developers.intercom.com/docs/build-an-integration/learn-more/authentication"], tags=T))
    R.append(contextual("zendesk-api-token", "Zendesk API token", "zendesk", "[A-Za-z0-9]{40}", lambda g: g.b62(40),
                        env="ZENDESK_API_TOKEN", keywords=["zendesk"], min_entropy=3.5, what="A Zendesk API token.",
                        remediation="Delete it in Zendesk Admin Center → Apps and integrations → APIs → Zendesk API → the token → Delete.",
                        references=["https://support.zendesk.com/hc/en-us/articles/4408889192858"], tags=T))
    R.append(contextual("line-channel-token", "LINE channel access token / secret", r"\bline_?(?:channel|bot|messaging)", r"[A-Za-z0-9+/=]{32,200}",
                        lambda g: g.b64(172) + "=", env="LINE_CHANNEL_ACCESS_TOKEN", keywords=["line_channel", "line_bot", "line_messaging", "linechannel", "linebot", "linemessaging"], end=END_B64, min_entropy=4.0,
                        what="A LINE Messaging API channel access token or channel secret.",
                        remediation="Reissue the channel access token / channel secret in the LINE Developers Console → the channel → Messaging API / Basic settings.",
                        references=["https://developers.line.biz/en/docs/basics/channel-access-token/"], tags=T))
    R.append(contextual("twitch-oauth-token", "Twitch OAuth token", "twitch", r"(?:oauth:)?[a-z0-9]{30}", lambda g: "oauth:" + g.lower(30),
                        env="TWITCH_OAUTH_TOKEN", keywords=["twitch"], words="token|secret|oauth|key", what="A Twitch OAuth token or client secret.",
                        remediation="Revoke it with POST https://id.twitch.tv/oauth2/revoke, and for client secrets generate a new one in the Twitch developer console.",
                        references=["https://dev.twitch.tv/docs/authentication/revoke-tokens/"], tags=T))
    R.append(contextual("pusher-app-secret", "Pusher Channels app secret", "pusher", "[a-f0-9]{20}", lambda g: g.hex(20),
                        env="PUSHER_APP_SECRET", keywords=["pusher"], words="secret", what="A Pusher Channels app secret (20 hex).",
                        remediation="Create a new key pair in the Pusher dashboard → the app → App Keys → Create new key, deploy, then delete the old one.",
                        references=["https://pusher.com/docs/channels/server_api/authenticating-users/"], tags=T))
    R.append(contextual("ably-api-key", "Ably API key", "ably", r"[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{43}",
                        lambda g: f"{g.b64url(6)}.{g.b64url(6)}:{g.b64url(43)}", env="ABLY_API_KEY", keywords=["ably"], end=END_B64URL,
                        what="An Ably realtime API key (`appId.keyId:secret`).",
                        remediation="Revoke the key in the Ably dashboard → the app → API Keys → Revoke, and create a new key with minimal capabilities.",
                        references=["https://ably.com/docs/auth/basic"], tags=T))
    R.append(prefixed("onesignal-api-key", "OneSignal REST API key", "os_v2_app_", r"[a-z0-9]{100,120}", lambda g: "os_v2_app_" + g.lower(113),
                      env="ONESIGNAL_REST_API_KEY", severity="high", what="A OneSignal (push notifications) app REST API key.",
                      remediation="Rotate or delete it in OneSignal → Settings → Keys & IDs, then create a new key.",
                      references=["https://documentation.onesignal.com/docs/keys-and-ids"], tags=T))
    R.append(contextual("mattermost-access-token", "Mattermost personal access token", "mattermost", "[a-z0-9]{26}", lambda g: g.lower(26),
                        env="MATTERMOST_TOKEN", keywords=["mattermost"], what="A Mattermost personal access token or bot token.",
                        remediation="Revoke it in Mattermost → Profile → Security → Personal access tokens (or System Console → Bot accounts) and create a new one.",
                        references=["https://developers.mattermost.com/integrate/reference/personal-access-token/"], tags=T))
    return R

"""Payment processors and commerce APIs."""
from rulegen import END_ALNUM, END_B64URL, G, contextual, prefixed, rule

TITLE = "payments and commerce (payments)"
T = ["payments"]
STRIPE_REF = ["https://docs.stripe.com/keys", "https://docs.stripe.com/keys#rolling-keys"]
STRIPE_ROLL = ("Roll the key in the Stripe Dashboard → Developers → API keys → ⋯ → Roll key (choose an "
               "expiry of now), deploy the new key, and review Developers → Logs and events for requests "
               "you did not make.")


def rules():
    R = []
    R.append(prefixed("stripe-secret-key", "Stripe live secret key", "sk_live_", "[A-Za-z0-9]{24,247}",
                      lambda g: "sk_live_" + g.b62(99), env="STRIPE_SECRET_KEY", short=lambda g: "sk_live_" + g.b62(16), what="A Stripe live-mode secret API key.",
                      rationale="A live secret key can create charges, refunds and payouts and read every customer's data.",
                      remediation=STRIPE_ROLL, references=STRIPE_REF, tags=T,
                      extra_pos=[lambda g: f"Stripe.api_key = 'sk_live_{g.b62(24)}'"]))
    R.append(prefixed("stripe-restricted-key", "Stripe live restricted key", "rk_live_", "[A-Za-z0-9]{24,247}",
                      lambda g: "rk_live_" + g.b62(99), env="STRIPE_RESTRICTED_KEY", short=lambda g: "rk_live_" + g.b62(16), what="A Stripe live-mode restricted API key.",
                      remediation=STRIPE_ROLL.replace("Roll key", "Roll key (restricted keys section)"), references=STRIPE_REF, tags=T, severity="high"))
    R.append(prefixed("stripe-webhook-secret", "Stripe webhook signing secret", "whsec_", "[A-Za-z0-9+/=]{32,64}",
                      lambda g: "whsec_" + g.b62(32), env="STRIPE_WEBHOOK_SECRET", severity="high", end=r"(?:[^A-Za-z0-9+/=]|$)",
                      what="A Stripe (or Svix-compatible) webhook endpoint signing secret; with it anyone can forge webhook events your endpoint trusts.",
                      remediation="Roll the signing secret in the Stripe Dashboard → Developers → Webhooks → the endpoint → Roll secret, and update the endpoint's configuration.",
                      references=["https://docs.stripe.com/webhooks#verify-events"], tags=T))
    R.append(prefixed("square-access-token", "Square access token", "EAAA", "[A-Za-z0-9_-]{60}", lambda g: "EAAA" + g.b64url(60),
                      env="SQUARE_ACCESS_TOKEN", end=END_B64URL, what="A Square production or sandbox access token (`EAAA` + 60).",
                      remediation="Revoke it: Square Developer Dashboard → the application → Credentials → Replace personal access token (or for OAuth tokens POST /oauth2/revoke).",
                      references=["https://developer.squareup.com/docs/build-basics/access-tokens"], tags=T))
    R.append(prefixed("square-oauth-secret", "Square OAuth application secret", "sq0csp-", "[A-Za-z0-9_-]{43}", lambda g: "sq0csp-" + g.b64url(43),
                      env="SQUARE_APPLICATION_SECRET", end=END_B64URL, what="A Square OAuth application secret.",
                      remediation="Replace it in the Square Developer Dashboard → the application → OAuth → Replace secret.",
                      references=["https://developer.squareup.com/docs/oauth-api/overview"], tags=T))
    R.append(prefixed("square-legacy-access-token", "Square legacy access token", "sq0atp-", "[A-Za-z0-9_-]{22}", lambda g: "sq0atp-" + g.b64url(22),
                      env="SQUARE_ACCESS_TOKEN", end=END_B64URL, what="A legacy Square personal access token (`sq0atp-`).",
                      remediation="Replace it in the Square Developer Dashboard → the application → Credentials.",
                      references=["https://developer.squareup.com/docs/build-basics/access-tokens"], tags=T))
    R.append(rule(
        "braintree-access-token", "PayPal / Braintree production access token", keywords=["access_token$production$"],
        regex=r"\b(access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})\b",
        description="A Braintree (PayPal) production access token (`access_token$production$<merchant>$<secret>`).",
        remediation="Revoke it in the Braintree Control Panel → Settings → API → the key / the PayPal linked account, or via the PayPal developer dashboard; generate a new one.",
        references=["https://developer.paypal.com/braintree/docs/guides/authorization/overview"], tags=T,
        positive=lambda g: [f"BT_ACCESS_TOKEN=access_token$production${g.lower(16)}${g.hex(32)}",
                            f'gateway = braintree.BraintreeGateway(access_token="access_token$production${g.lower(16)}${g.hex(32)}")'],
        negative=lambda g: [f"BT_ACCESS_TOKEN=access_token$sandbox${g.lower(16)}${g.hex(32)}", "access_token$production$<merchant>$<token>"]))
    R.append(contextual("braintree-private-key", "Braintree private key", "braintree", "[a-f0-9]{32}", lambda g: g.hex(32),
                        env="BRAINTREE_PRIVATE_KEY", keywords=["braintree"], words="private[_.-]?key|secret",
                        what="A Braintree gateway private API key (32 hex).", severity="critical",
                        remediation="In the Braintree Control Panel → Settings → API → API Keys, generate a new key and delete the leaked one.",
                        references=["https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials"], tags=T))
    R.append(contextual("paypal-client-secret", "PayPal REST client secret", "paypal", "E[A-Za-z0-9_-]{79}", lambda g: "E" + g.b64url(79),
                        env="PAYPAL_CLIENT_SECRET", keywords=["paypal"], words="secret", end=END_B64URL, severity="critical",
                        what="A PayPal REST API app client secret (80 characters).",
                        remediation="In the PayPal Developer Dashboard → Apps & Credentials → the app → generate a new secret, then delete the old one.",
                        references=["https://developer.paypal.com/api/rest/"], tags=T))
    R.append(prefixed("razorpay-key-id", "Razorpay live key id", "rzp_live_", "[A-Za-z0-9]{14}", lambda g: "rzp_live_" + g.b62(14),
                      env="RAZORPAY_KEY_ID", severity="medium", confidence="high",
                      what="A Razorpay live API key id; its secret is usually next to it.",
                      remediation="Regenerate the key pair in the Razorpay Dashboard → Account & Settings → API keys → Regenerate key.",
                      references=["https://razorpay.com/docs/payments/dashboard/account-settings/api-keys/"], tags=T))
    R.append(contextual("razorpay-key-secret", "Razorpay key secret", "razorpay", "[A-Za-z0-9]{24}", lambda g: g.b62(24),
                        env="RAZORPAY_KEY_SECRET", keywords=["razorpay"], words="secret", severity="critical", min_entropy=3.5,
                        what="A Razorpay API key secret.",
                        remediation="Regenerate the key pair in the Razorpay Dashboard → Account & Settings → API keys → Regenerate key.",
                        references=["https://razorpay.com/docs/payments/dashboard/account-settings/api-keys/"], tags=T))
    R.append(prefixed("flutterwave-secret-key", "Flutterwave secret key", "FLWSECK-", r"[a-f0-9]{32}-X",
                      lambda g: f"FLWSECK-{g.hex(32)}-X", env="FLW_SECRET_KEY", end=r"(?:[^A-Za-z0-9_-]|$)",
                      what="A Flutterwave live secret key.",
                      remediation="Generate new keys in the Flutterwave dashboard → Settings → API Keys → Generate new keys.",
                      references=["https://developer.flutterwave.com/docs/authentication"], tags=T))
    R.append(prefixed("flutterwave-encryption-key", "Flutterwave encryption key", "FLWSECK", r"[a-f0-9]{12}",
                      lambda g: "FLWSECK" + g.hex(12), env="FLW_ENCRYPTION_KEY", severity="high", start=r"\b",
                      what="A Flutterwave encryption key.",
                      remediation="Generate new keys in the Flutterwave dashboard → Settings → API Keys.",
                      references=["https://developer.flutterwave.com/docs/authentication"], tags=T))
    R.append(prefixed("gocardless-live-token", "GoCardless live access token", "live_", "[A-Za-z0-9_-]{40}", lambda g: "live_" + g.b64url(40),
                      env="GOCARDLESS_ACCESS_TOKEN", end=END_B64URL, confidence="medium", min_entropy=4.3, start=r"(?:^|[^A-Za-z0-9_-])",
                      what="A GoCardless live access token (`live_` + 40).",
                      remediation="Revoke it in the GoCardless dashboard → Developers → Access tokens → Revoke, and create a new one.",
                      references=["https://developer.gocardless.com/getting-started/api/making-your-first-request/"], tags=T))
    R.append(rule(
        "plaid-access-token", "Plaid production access token", keywords=["access-production-"],
        regex=r"\b(access-production-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b",
        description="A Plaid production Item access token (reads a user's linked bank account data).",
        remediation="Call /item/remove (or /item/access_token/invalidate to rotate) for that Item, and rotate the Plaid secret in the dashboard → Team settings → Keys if it leaked too.",
        references=["https://plaid.com/docs/api/items/#itemremove"], tags=T,
        positive=lambda g: [f"PLAID_ACCESS_TOKEN=access-production-{g.uuid()}", f'"access_token": "access-production-{g.uuid()}"'],
        negative=lambda g: [f"PLAID_ACCESS_TOKEN=access-sandbox-{g.uuid()}"]))
    R.append(contextual("plaid-secret", "Plaid API secret", "plaid", "[a-f0-9]{30}", lambda g: g.hex(30),
                        env="PLAID_SECRET", keywords=["plaid"], words="secret", severity="critical",
                        what="A Plaid API secret (30 hex).",
                        remediation="Rotate it in the Plaid Dashboard → Team settings → Keys → Rotate secret.",
                        references=["https://plaid.com/docs/account/security/"], tags=T))
    R.append(prefixed("shippo-live-token", "Shippo live API token", "shippo_live_", "[a-f0-9]{40}", lambda g: "shippo_live_" + g.hex(40),
                      env="SHIPPO_API_TOKEN", severity="high", what="A Shippo live API token.",
                      remediation="Regenerate it in the Shippo dashboard → Settings → API → Generate token, and delete the old one.",
                      references=["https://docs.goshippo.com/docs/guides_general/authentication/"], tags=T))
    R.append(prefixed("easypost-api-key", "EasyPost production API key", "EZAK", "[a-f0-9]{54}", lambda g: "EZAK" + g.hex(54),
                      env="EASYPOST_API_KEY", severity="high", what="An EasyPost production API key.",
                      remediation="Delete it in the EasyPost dashboard → Account settings → API keys and create a new one.",
                      references=["https://docs.easypost.com/docs/authentication"], tags=T))
    R.append(prefixed("duffel-live-token", "Duffel live access token", "duffel_live_", "[A-Za-z0-9_-]{43}", lambda g: "duffel_live_" + g.b64url(43),
                      env="DUFFEL_ACCESS_TOKEN", end=END_B64URL, severity="high", what="A Duffel (travel booking) live access token.",
                      remediation="Delete it in the Duffel dashboard → Developers → Access tokens and create a new one.",
                      references=["https://duffel.com/docs/api/overview/making-requests/authentication"], tags=T))
    R.append(prefixed("paddle-api-key", "Paddle live API key", "pdl_live_apikey_", "[A-Za-z0-9_]{40,60}",
                      lambda g: f"pdl_live_apikey_{g.lower(26)}_{g.b62(26)}", env="PADDLE_API_KEY", end=END_B64URL,
                      what="A Paddle Billing live API key.",
                      remediation="Revoke it in Paddle → Developer tools → Authentication → API keys → Revoke, and create a new key.",
                      references=["https://developer.paddle.com/api-reference/about/api-keys"], tags=T))
    R.append(contextual("adyen-api-key", "Adyen API key", "adyen", r"AQE[A-Za-z0-9+/=_.-]{60,250}", lambda g: f"AQE{g.b62(4)}+{g.b64(60)}==-{g.b64(40)}=-{g.b62(16)}",
                        env="ADYEN_API_KEY", keywords=["adyen"], words="key|token|secret", end=r"(?:[^A-Za-z0-9+/=_.-]|$)", severity="critical",
                        what="An Adyen web service user API key (`AQE...`).",
                        remediation="Generate a new API key for the web service user in the Adyen Customer Area → Developers → API credentials, deploy it, then revoke the old one.",
                        references=["https://docs.adyen.com/development-resources/api-credentials/"], tags=T))
    R.append(contextual("coinbase-api-secret", "Coinbase API secret", "coinbase", "[A-Za-z0-9+/]{40,90}={0,2}", lambda g: g.b64(86) + "==",
                        env="COINBASE_API_SECRET", keywords=["coinbase"], words="secret|private", end=r"(?:[^A-Za-z0-9+/=]|$)", severity="critical",
                        min_entropy=4.0, what="A Coinbase (Exchange / legacy) API secret.",
                        remediation="Delete the API key in Coinbase → Settings → API (or the Coinbase Developer Platform portal) and create a new one with minimal permissions and IP allowlisting.",
                        references=["https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys"], tags=T))
    R.append(prefixed("lemonsqueezy-api-key", "Lemon Squeezy API key", "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTki",
                      r"[A-Za-z0-9_-]{100,900}\.[A-Za-z0-9_-]{100,700}", lambda g: "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTki" + g.b64url(200) + "." + g.b64url(342),
                      env="LEMONSQUEEZY_API_KEY", end=END_B64URL, severity="high", keywords=["eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTki"],
                      what="A Lemon Squeezy API key (a JWT whose audience is Lemon Squeezy's client id).",
                      remediation="Delete the key in Lemon Squeezy → Settings → API and create a new one.",
                      references=["https://docs.lemonsqueezy.com/api/getting-started/requests"], tags=T))
    return R

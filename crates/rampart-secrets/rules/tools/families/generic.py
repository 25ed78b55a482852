"""Generic credentials: JWTs, secret-looking assignments in code/config/env/YAML, Authorization
headers, CLI flags. Lower confidence than provider rules; values with a provider prefix are left
to the provider's rule (via `allow`)."""
import base64

from rulegen import END_B64URL, G, jwt, known_prefixes, rule

TITLE = "generic credentials (generic)"
T = ["generic"]

# Values that are placeholders, booleans or type names rather than secrets.
STOP = ["...", "://", "arn:aws", "eyJ", "sandbox", "_key", "pass", "password", "passwd", "changeme", "secret", "example", "dummy", "sample", "placeholder", "redacted",
        "xxxx", "****", "null", "none", "undefined", "true", "false", "required", "optional", "string",
        "your", "enter", "insert", "here", "todo", "fixme", "default", "letmein", "qwerty", "12345",
        "test", "fake", "mock", "invalid", "secure", "token", "foobar", "hunter2", "admin", "s3cr3t", "p@ss", "p4ss", "passw0rd", "pa55", "abc123", "welcome1", "iloveyou"]

GENERIC_REMEDIATION = ("Find which service the value belongs to and revoke or change it there (the variable "
                       "name usually tells), replace it in every consumer from a secret manager or CI secret, "
                       "then remove it from the code and from the git history. If the value is not a secret "
                       "(a test fixture, a public id), suppress the finding inline with a reason.")
REFS = ["https://cwe.mitre.org/data/definitions/798.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"]

PW_WORDS = r"(?:password|passwd|passphrase|pwd)"
SECRET_WORDS = (r"(?:secret|token|api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key|private[_.-]?key|"
                r"client[_.-]?secret|secret[_.-]?key|credentials?|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key)")
KEY_PREFIX = r"[A-Za-z0-9_.-]{0,40}"
# The match starts at the secret word (a leading name-prefix class would cost the regex its literal
# prefilter). Only a short numeric/plural suffix may follow the word: `password_hash`, `token_url`, `secret_name`
# are not secrets themselves.
KEY_SUFFIX = r"(?:[0-9]{1,2}|s)?"
PWC = r"""[^"'`\s$<>{}()\[\]\\]"""
# A password must hold a digit or a symbol somewhere (a bare word is a name, not a password).
PW_VALUE = "(?P<secret>" + PWC + "*[0-9!@#%^&*+=~?|_.:;,-]" + PWC + "*)"
# `\\?` before each quote: notebook cells and JSON-in-strings escape them (`\"password\": \"...\"`).
QVAL_PW = r"""\\?["'`]""" + PW_VALUE + r"""\\?["'`]"""
SC = r"[A-Za-z0-9_+/=.~:-]"
NONHEX = r"[G-Zg-z_+/=.~:]"
# A secret value is either long hex, or holds both a digit and a non-hex character: this keeps
# identifiers (`ExclusiveStartKey`), UUID request ids and short hashes out.
# (Unbounded `*` over a class that stops at quotes/whitespace keeps the automaton small; counted
# repetitions of overlapping classes blow up the DFA.)
SECRET_VALUE = ("(?P<secret>[0-9a-fA-F]{32,256}|" + SC + "*[0-9]" + SC + "*" + NONHEX + SC + "*|"
                + SC + "*" + NONHEX + SC + "*[0-9]" + SC + "*)")
QVAL_SECRET = r"""\\?["'`]""" + SECRET_VALUE + r"""\\?["'`]"""
SEP = r"""\\?["']?\]?\s{0,3}(?::=|=>|\?\?=|\|\|=|[:=])\s{0,3}"""
KW_PW = ["password", "passwd", "passphrase", "pwd"]
KW_SECRET = ["secret", "token", "apikey", "api_key", "api-key", "api.key", "access_key", "accesskey", "access-key", "access.key",
             "auth_key", "authkey", "auth-key", "private_key", "privatekey", "private-key", "credential", "signing_key", "signingkey",
             "signing-key", "encryption_key", "encryptionkey", "encryption-key", "master_key", "masterkey", "master-key"]


def rules():
    prefixes = known_prefixes("generic")
    allow_secret = STOP + prefixes
    R = []
    R.append(rule(
        "jwt", "JSON Web Token", keywords=["eyJ"],
        regex=r"\b(?P<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})" + END_B64URL,
        validator="jwt", severity="medium", confidence="medium", tags=T,
        allow=["eyJ0eXAiOiAiVENWMiJ9", "eyJhdWQiOiI5NGQ1OWNlZi1kYmI4LTRlYTUtYjE3OC1kMjU0MGZjZDY5MTki"],
        description="A signed JSON Web Token (header and payload decode to JSON, with a signature). JWTs are bearer credentials: session tokens, service-role keys (e.g. Supabase service_role), API tokens.",
        rationale="Until it expires (many never do) a JWT authenticates as its subject with its claims; long-lived service JWTs are equivalent to passwords.",
        remediation="Decode the token (without sending it anywhere) to see its issuer, subject and expiry. Revoke it at the issuer (session logout, key/token deletion, or rotate the signing key if it cannot be revoked individually), then stop committing tokens.",
        references=["https://datatracker.ietf.org/doc/html/rfc7519", "https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html"],
        positive=lambda g: [f"Authorization: Bearer {jwt(g)}",
                            f"SUPABASE_SERVICE_ROLE_KEY={jwt(g, {'iss': 'supabase', 'ref': g.lower(20), 'role': 'service_role', 'iat': 1718000000, 'exp': 2033576000})}"],
        negative=["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", lambda g: f"token = eyJ{g.b64url(30)}.eyJ{g.b64url(40)}.{g.b64url(43)}",
                  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.xxxx"]))
    R.append(rule(
        "generic-password-assignment", "Hard-coded password", keywords=KW_PW,
        regex=r"(?i:" + PW_WORDS + KEY_SUFFIX + ")" + SEP + QVAL_PW,
        min_entropy=2.8, allow=STOP + prefixes, severity="medium", confidence="medium", tags=T,
        description="A quoted literal assigned to a password-named variable, key or argument in code or config (`password = \"...\"`, `\"db_password\": \"...\"`, `passwd: '...'`). Names such as `password_hash` or `password_field`, template references and placeholder words are ignored.",
        rationale="Hard-coded passwords end up in every clone, fork, build log and container image of the repository.",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f'DB_PASSWORD = "{g.password(14)}"', f"conn = connect(host='db', user='app', password='{g.password(16)}')",
                            f'  "smtp_password": "{g.password(18)}",'],
        negative=['password = "password"', 'password_hash = "$2b$12$KIXQJQ1Vn1q8Fv3n3Jq8uO"', 'password = os.environ["DB_PASSWORD"]',
                  'password: "${DB_PASSWORD}"', 'password = "<enter password>"', "password = getpass()"]))
    R.append(rule(
        "generic-secret-assignment", "Hard-coded secret, token or API key", keywords=KW_SECRET,
        regex=r"(?i:" + SECRET_WORDS + KEY_SUFFIX + ")" + SEP + QVAL_SECRET,
        min_entropy=3.5, allow=allow_secret, severity="medium", confidence="medium", tags=T,
        description="A quoted high-entropy literal (16+ characters) assigned to a secret-, token- or key-named variable in code or config (`api_key = \"...\"`, `\"client_secret\": \"...\"`, `SECRET_KEY = '...'`). Values with a known provider prefix are left to the provider's rule.",
        rationale="Secrets in source are the most common leak: they reach every clone, fork and build artefact.",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f"SECRET_KEY = '{g.b62(50)}'", f'const apiKey = "{g.b62(32)}";', f'  "client_secret": "{g.b64url(40)}",',
                            f"app.config['JWT_SIGNING_KEY'] = '{g.b64(44)}'"],
        negative=['api_key = "YOUR_API_KEY"', 'secret = "my-secret-name"', 'token_url = "https://auth.acme.io/oauth/token"',
                  'api_key = "sk_live_..."', 'apiKey: "0000000000000000"', 'secret_name: "db-credentials-prod-2024"']))
    R.append(rule(
        "generic-password-env", "Password in an env / properties file", keywords=KW_PW,
        regex=r"(?m:^[ \t]{0,8}(?:export[ \t]{1,4})?(?:[A-Za-z0-9_.-]{0,40}(?:PASSWORD|PASSWD|PASSPHRASE|_PWD|password|passwd|Password)[0-9]{0,2})[ \t]{0,3}=[ \t]{0,3}(?P<secret>[^\s\"'`$<>{}#;()\[\],]*[0-9!@#%^&*+=~?|_.:-][^\s\"'`$<>{}#;()\[\],]*)[ \t]{0,40}\r?$)",
        min_entropy=2.8, allow=STOP + prefixes, severity="medium", confidence="medium", tags=T,
        description="An unquoted password value in a `.env`, shell, `.properties`, INI or `.pypirc` file (`DB_PASSWORD=...`, `spring.datasource.password=...`, `password = ...`).",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f"POSTGRES_PASSWORD={g.password(16)}", f"spring.datasource.password={g.password(14)}", f"export SMTP_PASSWORD={g.password(20)}",
                            f"[internal]\nrepository = https://pypi.corp.local/simple\nusername = deploy\npassword = {g.password(16)}"],
        negative=["POSTGRES_PASSWORD=${POSTGRES_PASSWORD}", "password = %(db_password)s", "password = self.db_password", "DB_PASSWORD=", "DB_PASSWORD=changeme", "PASSWORD_MIN_LENGTH=12"]))
    R.append(rule(
        "generic-password-inline", "Password in a log line, query string or connection string", keywords=KW_PW,
        regex=r"[ \t?&;,(](?i:[A-Za-z0-9_.-]{0,30}(?:password|passwd|pwd))=(?P<secret>[^\s\"'`$<>{}();\[\],&]*[0-9!@#%^*+~?|_.:-][^\s\"'`$<>{}();\[\],&]*)(?:[\s&;,)]|$)",
        min_entropy=3.0, allow=STOP + prefixes, severity="medium", confidence="low", tags=T,
        description="An unquoted `password=value` in the middle of a line: key=value log lines and URL query strings (`...?user=app&password=...`); JDBC and ADO.NET connection strings have their own rules. Values that are code references (`self.pw`, `args.password`) are ignored.",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f"2024-05-01 12:00:01 INFO auth login user=bob password={g.password(16)} status=ok",
                            f"GET /api/login?user=bob&password={g.password(14)}&remember=1 HTTP/1.1",
                            f"ts=2024-05-01T12:00:01Z level=info msg=connect db_user=etl db_password={g.password(15)}"],
        negative=["conn = connect(user=u, password=self.db_password)", "GET /login?user=bob&password=<password>", "login(password=pw)",
                  "INFO password=*** (masked)"]))
    R.append(rule(
        "generic-secret-env", "Secret, token or API key in an env / properties file", keywords=KW_SECRET,
        regex=r"(?m:^[ \t]{0,8}(?:export[ \t]{1,4})?(?:[A-Za-z0-9_.-]{0,40}(?i:" + SECRET_WORDS + r")[0-9]{0,2})=" + SECRET_VALUE + r"[ \t]{0,40}\r?$)",
        min_entropy=3.5, allow=allow_secret, severity="medium", confidence="medium", tags=T,
        description="An unquoted high-entropy value for a secret-, token- or key-named variable in a `.env`, shell, `.properties` or INI file. Values with a known provider prefix are left to the provider's rule.",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f"JWT_SECRET={g.b64(43)}=", f"export INTERNAL_API_KEY={g.b62(40)}", f"app.encryption-key={g.hex(64)}"],
        negative=["JWT_SECRET=${JWT_SECRET}", lambda g: f"GITHUB_TOKEN=ghp_{g.b62(36)}", "TOKEN_TTL_SECONDS=3600", "SECRET_NAME=prod-db-credentials"]))
    R.append(rule(
        "generic-secret-yaml", "Secret or password as an unquoted YAML value", keywords=KW_PW + KW_SECRET,
        regex=r"(?m:^[ \t]{0,40}-?[ \t]{0,4}(?i:" + KEY_PREFIX + r"(?:" + PW_WORDS[3:-1] + "|" + SECRET_WORDS[3:-1] + r")" + KEY_SUFFIX + r"):[ \t]{1,4}" + SECRET_VALUE + r"[ \t]{0,40}\r?$)",
        min_entropy=3.3, allow=allow_secret, severity="medium", confidence="low", tags=T,
        description="An unquoted high-entropy value under a password/secret/token/key name in YAML (Compose files, Helm values, CI configs, Spring `application.yml`).",
        remediation=GENERIC_REMEDIATION, references=REFS,
        positive=lambda g: [f"database:\n  password: {g.password(18)}", f"services:\n  api:\n    environment:\n      - api_key: {g.b62(32)}"],
        negative=["  password: ${DB_PASSWORD}", "  password: !vault |", "  token: &token_anchor", "  secret_name: db-credentials", "  api_key: your-api-key-here"]))
    R.append(rule(
        "authorization-bearer-token", "Bearer token in an Authorization header", keywords=["bearer"],
        regex=r"(?i:authorization)[\"']?\]?\s{0,3}[:=]\s{0,3}[\"']?(?i:bearer)\s{1,3}(?P<secret>[A-Za-z0-9_~+/-]{20,512}={0,2})(?:[\"'\s,;)\]}]|$)",
        min_entropy=3.5, allow=allow_secret, severity="high", confidence="medium", tags=T,
        description="A literal bearer token in an `Authorization` header (curl commands, HTTP files, test code). JWTs and provider-prefixed tokens are left to their own rules.",
        remediation=GENERIC_REMEDIATION, references=REFS + ["https://datatracker.ietf.org/doc/html/rfc6750"],
        positive=lambda g: [f"curl -H \"Authorization: Bearer {g.b64url(40)}\" https://api.internal/v1/jobs",
                            f"GET /v1/items HTTP/1.1\nHost: api.acme.io\nAuthorization: Bearer {g.b62(48)}"],
        negative=['curl -H "Authorization: Bearer $TOKEN" https://api', 'headers = {"Authorization": f"Bearer {token}"}', "Authorization: Bearer <token>"]))
    R.append(rule(
        "authorization-basic-credentials", "Basic credentials in an Authorization header", keywords=["basic"],
        regex=r"(?i:authorization)[\"']?\]?\s{0,3}[:=]\s{0,3}[\"']?(?i:basic)\s{1,3}(?P<secret>[A-Za-z0-9+/]{12,512}={0,2})(?:[\"'\s,;)\]}]|$)",
        min_entropy=3.0, allow=STOP, severity="high", confidence="medium", tags=T,
        description="Base64 `user:password` in a literal `Authorization: Basic` header.",
        remediation=GENERIC_REMEDIATION, references=REFS + ["https://datatracker.ietf.org/doc/html/rfc7617"],
        positive=lambda g: [f"Authorization: Basic {base64.b64encode(f'svc-{g.word()}:{g.password(18)}'.encode()).decode()}",
                            f"req.headers['Authorization'] = 'Basic {base64.b64encode(f'admin:{g.password(14)}'.encode()).decode()}'"],
        negative=["Authorization: Basic $(echo -n user:pass | base64)", "Authorization: Basic <credentials>"]))
    R.append(rule(
        "cli-password-argument", "Password passed on a command line", keywords=["--password", "--passwd", "curl", "mysql", "sshpass"],
        regex=r"(?:\bcurl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,3}[\"']?[^\s:\"']{1,100}:|(?:--password|--passwd)[ =][\"']?|\bmysql(?:dump|admin)?\b[^\n]{0,200}?\s-p[\"']?|\bsshpass\s{1,3}-p\s?[\"']?)(?P<secret>[^\s\"'$<>{}`-][^\s\"'$<>{}`]{7,200})",
        min_entropy=3.0, allow=STOP + prefixes, severity="medium", confidence="low", tags=T,
        description="A literal password given to a command (`curl -u user:pass`, `--password ...`, `mysql -p...`, `sshpass -p ...`) in scripts, Dockerfiles, CI configs or docs.",
        remediation=GENERIC_REMEDIATION + " Pass credentials through environment variables, stdin (`--password-stdin`) or a credentials file instead of argv (argv is visible in process lists and logs).",
        references=REFS,
        positive=lambda g: [f"curl -u deploy:{g.password(16)} https://nexus.corp.local/repository/raw/", f"mysql -h db -u root -p{g.password(14)} app < dump.sql",
                            f"docker login registry.corp.local -u ci --password {g.password(20)}"],
        negative=["docker login -u ci --password-stdin", "mysql -u root -p app", "curl -u $USER:$PASS https://host", "ssh -p 2222 host"]))
    R.append(rule(
        "dotnet-config-secret", ".NET appSettings secret", keywords=["<add"],
        regex=r"<add\s{1,4}key=\"[^\"]{0,60}(?i:password|secret|token|apikey|api_key|accesskey|clientsecret)[^\"]{0,20}\"\s{1,4}value=\"(?P<secret>[^\"\s$<>{}]{8,256})\"",
        min_entropy=3.0, allow=STOP + prefixes, severity="medium", confidence="medium", tags=T,
        description="A secret in a .NET `web.config` / `app.config` `<appSettings>` entry (`<add key=\"ApiSecret\" value=\"...\"/>`).",
        remediation=GENERIC_REMEDIATION + " Use user secrets / Azure Key Vault configuration providers instead of appSettings.",
        references=REFS + ["https://learn.microsoft.com/en-us/aspnet/core/security/app-secrets"],
        positive=lambda g: [f'<add key="PaymentApiSecret" value="{g.b62(32)}" />', f'<add key="SmtpPassword" value="{g.password(16)}"/>'],
        negative=['<add key="ApiSecret" value="" />', '<add key="Timeout" value="30" />', '<add key="Password" value="#{SmtpPassword}#" />']))
    R.append(rule(
        "laravel-app-key", "Laravel APP_KEY", keywords=["app_key="],
        regex=r"APP_KEY=[\"']?base64:(?P<secret>[A-Za-z0-9+/]{43}=)",
        severity="high", confidence="high", tags=T,
        description="A Laravel application encryption key (`APP_KEY=base64:...`), which decrypts cookies and encrypted columns and enables deserialization attacks if leaked.",
        remediation="Generate a new key (`php artisan key:generate`), keep the old one in APP_PREVIOUS_KEYS only as long as needed to re-encrypt data, and invalidate sessions.",
        references=["https://laravel.com/docs/encryption#gracefully-rotating-encryption-keys"],
        positive=lambda g: [f"APP_KEY=base64:{g.b64(43)}=", f"APP_KEY=\"base64:{g.b64(43)}=\""],
        negative=["APP_KEY=", "APP_KEY=base64:${APP_KEY}"]))
    R.append(rule(
        "rails-master-key", "Rails master key", keywords=["rails_master_key", "master.key"],
        regex=r"(?i:rails_master_key|master\.key)[\"']?\s{0,3}[:=]?\s{0,3}[\"']?(?P<secret>[a-f0-9]{32})\b",
        severity="critical", confidence="high", tags=T,
        description="A Rails master key (`RAILS_MASTER_KEY` / `config/master.key`), which decrypts `credentials.yml.enc` and every secret in it.",
        remediation="Rotate every secret inside credentials.yml.enc, then re-create the credentials with a new master key (`rails credentials:edit` after removing the old key) and keep master.key out of git.",
        references=["https://guides.rubyonrails.org/security.html#custom-credentials"],
        positive=lambda g: [f"RAILS_MASTER_KEY={g.hex(32)}", f"echo master.key: {g.hex(32)}"],
        negative=["RAILS_MASTER_KEY=${{ secrets.RAILS_MASTER_KEY }}", "RAILS_MASTER_KEY=<32 hex characters>"]))
    return R

"""Package and artifact registries."""
import base64

from rulegen import END_ALNUM, END_B64, END_B64URL, G, SEP, contextual, corrupt, crc_token, prefixed, rule

TITLE = "package and artifact registries (registries)"
T = ["registry"]


def pypi(g: G, test=False) -> str:
    head = "pypi-AgENdGVzdC5weXBpLm9yZw" if test else "pypi-AgEIcHlwaS5vcmc"
    return head + "CJ" + g.b64url(140)


def rules():
    R = []
    R.append(prefixed(
        "npm-access-token", "npm access token", "npm_", "[A-Za-z0-9]{36}", lambda g: crc_token(g, "npm_"),
        env="NPM_TOKEN", what="An npm access token (granular or legacy), 36 base62 characters with a CRC32 tail.",
        rationale="npm tokens can publish packages: a leaked publish token is a supply-chain compromise of every dependent.",
        remediation="Revoke it: npmjs.com → Access Tokens → Delete (or `npm token revoke <id>`); npm also revokes tokens reported by GitHub secret scanning. Check recent versions of your packages for unauthorized publishes and create a granular token with an expiry.",
        references=["https://docs.npmjs.com/revoking-access-tokens", "https://github.blog/security/announcing-npms-new-access-token-format/"],
        tags=T, extra_pos=[lambda g: f"//registry.npmjs.org/:_authToken={crc_token(g, 'npm_')}"]))
    R.append(rule(
        "npmrc-auth-token", "npm registry auth token in .npmrc", keywords=[":_authtoken="],
        regex=r"//[A-Za-z0-9.:/_-]{3,200}:_authToken=([A-Za-z0-9_.+/=-]{20,200})(?:[^A-Za-z0-9_.+/=-]|$)",
        min_entropy=3.5, allow=["npm_"], severity="critical",
        description="A registry auth token in an `.npmrc` (`//registry/:_authToken=...`) that is not in the `npm_` format (legacy UUID tokens, GitHub Packages, Artifactory, Verdaccio ...).",
        remediation="Revoke the token at the registry that issued it (npm: `npm token revoke`; GitHub Packages: delete the PAT; Artifactory/Nexus: revoke the user token) and reference an environment variable in .npmrc instead (`_authToken=${NPM_TOKEN}`).",
        references=["https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration"], tags=T,
        positive=lambda g: [f"//registry.npmjs.org/:_authToken={g.uuid()}", f"//npm.pkg.acme-corp.net/repository/npm/:_authToken={g.b64(64)}"],
        negative=["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "//registry.npmjs.org/:_authToken=<npm-token>"]))
    R.append(rule(
        "npmrc-auth-basic", "npm registry basic credentials in .npmrc", keywords=["_auth"],
        regex=r"(?m:^\s{0,8}(?://[A-Za-z0-9.:/_-]{3,200}:)?_auth\s{0,3}=\s{0,3}([A-Za-z0-9+/]{8,300}={0,2}))" + END_B64,
        min_entropy=3.0, severity="high", confidence="medium",
        description="Base64 `user:password` credentials in an `.npmrc` `_auth=` line.",
        remediation="Change the password (or revoke the token) of that registry account and use `_authToken=${NPM_TOKEN}` from the environment instead.",
        references=["https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration"], tags=T,
        positive=lambda g: [f"_auth={base64.b64encode(f'ci-{g.word()}:{g.password(18)}'.encode()).decode()}",
                            f"//artifactory.internal/api/npm/npm/:_auth = {base64.b64encode(f'deploy:{g.password(20)}'.encode()).decode()}"],
        negative=["_auth=${NPM_AUTH}", "always-auth=true"]))
    R.append(prefixed(
        "pypi-upload-token", "PyPI upload token", "pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{50,}", pypi,
        env="TWINE_PASSWORD", end=END_B64URL, what="A PyPI API token (a macaroon for pypi.org).",
        rationale="PyPI tokens publish releases; a leaked account-wide token can ship malware under every project of the owner.",
        remediation="Delete the token at pypi.org → Account settings → API tokens (PyPI also auto-revokes tokens reported by GitHub); review release history of your projects; switch CI to Trusted Publishing (OIDC).",
        references=["https://pypi.org/help/#apitoken", "https://docs.pypi.org/trusted-publishers/"], tags=T,
        extra_pos=[lambda g: f"[pypi]\nusername = __token__\npassword = {pypi(g)}"]))
    R.append(prefixed(
        "testpypi-upload-token", "TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw", "[A-Za-z0-9_-]{50,}",
        lambda g: pypi(g, test=True), env="TWINE_PASSWORD", end=END_B64URL, severity="medium",
        what="A TestPyPI API token (a macaroon for test.pypi.org).",
        remediation="Delete the token at test.pypi.org → Account settings → API tokens.",
        references=["https://packaging.python.org/en/latest/guides/using-testpypi/"], tags=T))
    R.append(prefixed(
        "rubygems-api-key", "RubyGems API key", "rubygems_", "[a-f0-9]{48}", lambda g: "rubygems_" + g.hex(48),
        env="GEM_HOST_API_KEY", what="A RubyGems.org API key.",
        remediation="Delete it at rubygems.org → Settings → API keys; review your gems' versions for unauthorized pushes and enable MFA for pushes.",
        references=["https://guides.rubygems.org/api-key-scopes/"], tags=T,
        extra_pos=[lambda g: f"---\n:rubygems_api_key: rubygems_{g.hex(48)}"]))
    R.append(prefixed(
        "nuget-api-key", "NuGet.org API key", "oy2", "[a-z0-9]{43}", lambda g: "oy2" + g.lower(43),
        env="NUGET_API_KEY", what="A NuGet.org API key.", confidence="medium", min_entropy=3.8,
        remediation="Delete or regenerate it at nuget.org → API Keys; check your packages' recent versions and use short-lived keys scoped to specific packages.",
        references=["https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys"], tags=T,
        extra_pos=[lambda g: f"dotnet nuget push pkg.nupkg --api-key oy2{g.lower(43)} --source https://api.nuget.org/v3/index.json"]))
    R.append(prefixed(
        "docker-hub-pat", "Docker Hub personal access token", "dckr_pat_", "[A-Za-z0-9_-]{27}", lambda g: "dckr_pat_" + g.b64url(27),
        env="DOCKERHUB_TOKEN", end=END_B64URL, what="A Docker Hub personal access token.",
        remediation="Delete it at Docker Hub → Account settings → Personal access tokens; check the account's repositories for pushed images you did not build.",
        references=["https://docs.docker.com/security/for-developers/access-tokens/"], tags=T,
        extra_pos=[lambda g: f"echo dckr_pat_{g.b64url(27)} | docker login -u ci --password-stdin"]))
    R.append(prefixed(
        "docker-hub-org-token", "Docker Hub organization access token", "dckr_oat_", "[A-Za-z0-9_-]{32}", lambda g: "dckr_oat_" + g.b64url(32),
        env="DOCKERHUB_TOKEN", end=END_B64URL, what="A Docker Hub organization access token.",
        remediation="Delete it in Docker Hub → the organization → Settings → Access tokens.",
        references=["https://docs.docker.com/security/for-admins/access-tokens/"], tags=T))

    def dockercfg(g: G) -> str:
        return base64.b64encode(f"{g.word()}bot:{g.password(20)}".encode()).decode()
    R.append(rule(
        "docker-config-auth", "Registry credentials in Docker config.json", keywords=['"auths"'],
        regex=r'"auths"\s{0,3}:\s{0,3}\{\s{0,20}"[^"\s]{1,200}"\s{0,3}:\s{0,3}\{\s{0,20}"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{8,}={0,2})"',
        min_entropy=3.0, severity="critical",
        description="Base64 `user:password` registry credentials in a Docker `config.json` or a Kubernetes `.dockerconfigjson`.",
        remediation="Change the password or revoke the access token at the registry (Docker Hub, ECR, GCR/Artifact Registry, ACR, GHCR...), run `docker logout`, and use a credential helper (`credsStore`) instead of inline auths.",
        references=["https://docs.docker.com/reference/cli/docker/login/#credential-stores"], tags=T,
        positive=lambda g: ['{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "%s"\n    }\n  }\n}' % dockercfg(g),
                            '{"auths":{"ghcr.io":{"auth":"%s"}}}' % dockercfg(g)],
        negative=['{"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "desktop"}', '{"auths":{"ghcr.io":{"auth":""}}}']))
    R.append(prefixed(
        "crates-io-api-token", "crates.io API token", "cio", "[A-Za-z0-9]{32}", lambda g: "cio" + g.b62(32),
        env="CARGO_REGISTRY_TOKEN", what="A crates.io API token.", confidence="medium", min_entropy=3.8,
        remediation="Revoke it at crates.io → Account Settings → API Tokens → Revoke; check your crates' versions and prefer Trusted Publishing from CI.",
        references=["https://doc.rust-lang.org/cargo/reference/publishing.html#before-your-first-publish", "https://crates.io/settings/tokens"],
        tags=T, extra_pos=[lambda g: f'[registry]\ntoken = "cio{g.b62(32)}"']))
    R.append(prefixed(
        "jfrog-api-key", "JFrog Artifactory API key", "AKCp", "[A-Za-z0-9]{69}", lambda g: "AKCp" + g.b62(69),
        env="ARTIFACTORY_API_KEY", what="A JFrog Artifactory API key (deprecated format, `AKCp` + 69).",
        remediation="Revoke it in the JFrog Platform → User profile → API key → Revoke (or via the Access API for another user), and move to scoped access tokens.",
        references=["https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key"], tags=T))
    R.append(prefixed(
        "jfrog-reference-token", "JFrog access / reference token", "cmVmdGtuOjAxOj", "[A-Za-z0-9]{40,60}",
        lambda g: "cmVmdGtuOjAxOj" + g.b62(50), env="JFROG_ACCESS_TOKEN",
        what="A JFrog Platform reference token (base64 of `reftkn:01:...`).",
        remediation="Revoke it in the JFrog Platform → Administration → User management → Access tokens → Revoke (or `jf rt access-token-revoke`).",
        references=["https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens"], tags=T))
    R.append(prefixed(
        "clojars-deploy-token", "Clojars deploy token", "CLOJARS_", "[a-z0-9]{60}", lambda g: "CLOJARS_" + g.lower(60),
        env="CLOJARS_PASSWORD", what="A Clojars deploy token.",
        remediation="Disable it at clojars.org → Profile → Deploy tokens → Disable, then create a new scoped token.",
        references=["https://github.com/clojars/clojars-web/wiki/Deploy-Tokens"], tags=T))
    R.append(contextual(
        "anaconda-token", "Anaconda.org token", r"anaconda|conda", r"[A-Za-z0-9-]{30,40}", lambda g: f"{g.lower(2)}-{g.hex(8)}-{g.hex(4)}-{g.hex(4)}-{g.hex(4)}-{g.hex(12)}",
        env="ANACONDA_API_TOKEN", keywords=["conda"], words="token|key", end=END_B64URL, min_entropy=3.5,
        what="An anaconda.org API token (upload/download channels).",
        remediation="Remove it at anaconda.org → Settings → Access → the token → Remove (or `anaconda auth --remove NAME`).",
        references=["https://docs.anaconda.com/anacondaorg/user-guide/tasks/work-with-accounts/#creating-access-tokens"], tags=T))
    R.append(contextual(
        "cloudsmith-api-key", "Cloudsmith API key", "cloudsmith", "[a-f0-9]{40}", lambda g: g.hex(40),
        env="CLOUDSMITH_API_KEY", keywords=["cloudsmith"], words="key|token|password",
        what="A Cloudsmith package registry API key (40 hex).",
        remediation="Refresh it at cloudsmith.io → User settings → API settings → Refresh (or rotate the service account's key).",
        references=["https://help.cloudsmith.io/docs/api-key"], tags=T))
    R.append(contextual(
        "gradle-publish-secret", "Gradle Plugin Portal publish secret", r"gradle[_.-]?publish", "[A-Za-z0-9]{32}", lambda g: g.b62(32),
        env="GRADLE_PUBLISH_SECRET", keywords=["gradle"], words="secret|key",
        what="A Gradle Plugin Portal publishing key/secret (`gradle.publish.secret`).",
        remediation="Regenerate the API keys at plugins.gradle.org → your profile → API Keys (this invalidates the old pair).",
        references=["https://docs.gradle.org/current/userguide/publishing_gradle_plugins.html"], tags=T, min_entropy=3.5,
        extra_pos=[lambda g: f"gradle.publish.key={g.b62(32)}\ngradle.publish.secret={g.b62(32)}"]))
    R.append(rule(
        "maven-settings-password", "Password in Maven settings.xml server entry", keywords=["<server>"],
        regex=r"<server>\s{0,40}<id>[^<]{1,100}</id>\s{0,40}<username>[^<]{1,100}</username>\s{0,40}<password>([^<{}$\s]{8,200})</password>",
        min_entropy=3.0, severity="high", confidence="medium",
        description="A plaintext repository password in a Maven `settings.xml` `<server>` entry (encrypted `{...}` values and `${env.X}` references are ignored).",
        remediation="Change the password / revoke the token at the repository manager (Nexus, Artifactory, Sonatype Central user token), then encrypt it with `mvn --encrypt-password` or read it from an environment variable.",
        references=["https://maven.apache.org/guides/mini/guide-encryption.html"], tags=T,
        positive=lambda g: [f"<server>\n  <id>central</id>\n  <username>deploy</username>\n  <password>{g.password(20)}</password>\n</server>",
                            f"<server><id>nexus-releases</id><username>ci</username><password>{g.password(16)}</password></server>"],
        negative=["<server><id>central</id><username>deploy</username><password>${env.MAVEN_PASSWORD}</password></server>",
                  "<server><id>c</id><username>d</username><password>{COQLCE6DU6GtcS5P=}</password></server>"]))
    R.append(prefixed(
        "hex-pm-api-key", "Hex.pm API key", "hex_", "[a-f0-9]{32}", lambda g: "hex_" + g.hex(32),
        env="HEX_API_KEY", what="A Hex.pm (Elixir/Erlang) API key.", severity="high", confidence="medium",
        remediation="Revoke it at hex.pm → Dashboard → Keys → Revoke (or `mix hex.user key revoke NAME`).",
        references=["https://hex.pm/docs/publish"], tags=T))
    R.append(prefixed(
        "packagist-token", "Packagist API token", "packagist_", r"(?:ort|uut|out)_[a-f0-9]{64}",
        lambda g: f"packagist_{g.pick('ort', 'uut', 'out')}_{g.hex(64)}", env="PACKAGIST_TOKEN",
        what="A Private Packagist organization/user token.", severity="high",
        remediation="Revoke it in Private Packagist → Settings → Authentication tokens (or the user's profile), then create a new token.",
        references=["https://packagist.com/docs/composer-authentication"], tags=T))
    return R

"""Source hosting and CI/CD: GitHub, GitLab, Bitbucket, Azure DevOps, CircleCI, Buildkite, ..."""
from rulegen import (END_ALNUM, END_B64URL, G, contextual, corrupt, crc_token, esc, prefixed, rule)

TITLE = "source hosting and CI/CD (vcs-ci)"

GH_REVOKE = ("Revoke it at once: for a personal token, GitHub → Settings → Developer settings → "
             "Personal access tokens → Delete; if you cannot sign in as the owner, submit it to "
             "the Credential Revocation API (POST /credentials/revoke). Review the account's security "
             "log for use, then create a new token with the narrowest scopes and an expiry, stored in "
             "a secret manager or CI secret.")


def gh(kind, prefix, title, what, remediation=GH_REVOKE, env="GITHUB_TOKEN"):
    return prefixed(
        f"github-{kind}", title, prefix, "[A-Za-z0-9]{36}", lambda g: crc_token(g, prefix),
        env=env, what=what + " The last 6 characters are a base62 CRC32 of the body, checked by the `github-crc32` validator.",
        suffix=", a 36-character base62 body with a CRC32 tail",
        remediation=remediation, validator="github-crc32",
        references=["https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
                    "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
                    "https://docs.github.com/en/rest/credentials/revoke"],
        rationale="GitHub tokens grant the owner's repository, organization and workflow access; a leaked token is used within minutes by automated scrapers.",
        neg=[lambda g: f"GITHUB_TOKEN={corrupt(crc_token(g, prefix))}"],
        tags=["github"])


def rules():
    R = []
    R.append(gh("pat-classic", "ghp_", "GitHub personal access token (classic)",
                "A GitHub classic personal access token."))
    R.append(gh("oauth-token", "gho_", "GitHub OAuth access token",
                "A GitHub OAuth App user access token.",
                remediation="Revoke the grant: the user removes it under Settings → Applications → Authorized OAuth Apps, or the app owner calls DELETE /applications/{client_id}/token. Rotate the OAuth app's client secret if it leaked too, and check the audit log."))
    R.append(gh("user-to-server-token", "ghu_", "GitHub App user-to-server token",
                "A GitHub App user access token (user-to-server).",
                remediation="Revoke with DELETE /applications/{client_id}/token (or the user revokes the app under Settings → Applications). The token expires after 8 hours but its refresh token may not: revoke the grant."))
    R.append(gh("server-to-server-token", "ghs_", "GitHub App installation / Actions token",
                "A GitHub App installation access token (server-to-server); GITHUB_TOKEN in Actions has this form.",
                remediation="Call DELETE /installation/token with the token to revoke it now (it expires within an hour anyway). If the App's private key leaked, generate a new key under the App's settings and delete the old one."))
    R.append(gh("refresh-token", "ghr_", "GitHub App refresh token",
                "A GitHub App refresh token, which mints new user-to-server tokens for up to 6 months.",
                remediation="Revoke the user's authorization of the GitHub App (DELETE /applications/{client_id}/grant) which invalidates refresh tokens, then re-authorize."))

    def finegrained(g: G):
        return f"github_pat_11{g.upper(1)}{g.b62(19)}_{g.b62(59)}"
    R.append(prefixed(
        "github-pat-fine-grained", "GitHub fine-grained personal access token", "github_pat_",
        "[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", finegrained, env="GH_TOKEN",
        what="A GitHub fine-grained personal access token.",
        suffix=" followed by 22 and 59 base62 characters",
        remediation=GH_REVOKE.replace("Personal access tokens", "Fine-grained tokens"),
        validator="github-crc32",
        references=["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
                    "https://docs.github.com/en/rest/credentials/revoke"],
        tags=["github"]))
    R.append(contextual(
        "github-oauth-client-secret", "GitHub OAuth App client secret", "github", "[a-f0-9]{40}",
        lambda g: g.hex(40), env="GITHUB_CLIENT_SECRET", keywords=["github"],
        words="client[_.-]?secret|secret", severity="high",
        what="A GitHub OAuth App or GitHub App client secret (40 hex).",
        remediation="In the OAuth/GitHub App settings (Settings → Developer settings → OAuth Apps → the app) generate a new client secret, deploy it, then delete the old one.",
        references=["https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps"]))

    GL_REF = ["https://docs.gitlab.com/security/tokens/", "https://docs.gitlab.com/api/personal_access_tokens/#revoke-a-personal-access-token"]
    # Legacy tokens are 20 characters; GitLab 17.x+ "routable" tokens are base64url + `.NN.` + a 7-10 character tail.
    GL_TOKEN = r"(?:[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,10}|[A-Za-z0-9_-]{20})"

    def gl(kind, prefix, title, what, remediation, env="GITLAB_TOKEN", severity="critical", body=GL_TOKEN,
           make=None, refs=GL_REF):
        return prefixed(f"gitlab-{kind}", title, prefix, body, make or (lambda g: prefix + g.b64url(20)),
                        env=env, what=what, remediation=remediation, references=refs, severity=severity,
                        end=END_B64URL, tags=["gitlab"])

    def glpat_make(g: G):
        return "glpat-" + (g.b64url(20) if g.r.random() < 0.5 else f"{g.b64url(35)}.01.{g.lower(9)}")
    R.append(prefixed(
        "gitlab-pat", "GitLab personal, project or group access token", "glpat-",
        r"(?:[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,10}|[A-Za-z0-9_-]{20})", glpat_make,
        env="GITLAB_TOKEN", end=END_B64URL,
        what="A GitLab personal/project/group access token (legacy 20-character or routable format).",
        remediation="Revoke it: User settings → Access tokens → Revoke (or the project/group's Settings → Access tokens), or the API `DELETE /personal_access_tokens/:id`; GitLab.com also revokes tokens reported to its secret-detection program. Create a replacement with minimal scopes and an expiry.",
        references=GL_REF, tags=["gitlab"],
        extra_pos=[lambda g: f"git clone https://oauth2:glpat-{g.b64url(20)}@gitlab.com/acme/infra.git"]))
    R.append(gl("deploy-token", "gldt-", "GitLab deploy token", "A GitLab deploy token (read/write repository or registry).",
                "Revoke it under the project or group's Settings → Repository → Deploy tokens → Revoke, then create a new deploy token.", severity="high"))
    R.append(gl("runner-token", "glrt-", "GitLab runner authentication token", "A GitLab runner authentication token; anyone holding it can register as the runner and receive CI jobs (and their secrets).",
                "Reset the runner's token: CI/CD → Runners → the runner → Reset token (or delete and recreate the runner), update config.toml on the runner host.",
                body=r"(?:t\d_)?" + GL_TOKEN, make=lambda g: "glrt-" + g.pick("", "t1_", "t2_") + g.pick(g.b64url(20), f"{g.b64url(40)}.01.{g.lower(9)}")))
    R.append(gl("runner-registration-token", "GR1348941", "GitLab runner registration token (legacy)",
                "A legacy GitLab runner registration token, which registers new runners to a project, group or instance.",
                "Reset the registration token (CI/CD → Runners → ⋮ → Reset registration token) and migrate to runner authentication tokens.",
                env="REGISTRATION_TOKEN", make=lambda g: "GR1348941" + g.b64url(20)))
    R.append(gl("pipeline-trigger-token", "glptt-", "GitLab pipeline trigger token", "A GitLab pipeline trigger token, which starts pipelines as its owner.",
                "Revoke it under Settings → CI/CD → Pipeline trigger tokens and create a new one.", severity="high",
                body="[a-f0-9]{40}", make=lambda g: "glptt-" + g.hex(40), env="TRIGGER_TOKEN"))
    R.append(gl("ci-job-token", "glcbt-", "GitLab CI/CD job token", "A GitLab CI/CD job token (CI_JOB_TOKEN) with the prefixed format.",
                "Job tokens expire with the job; cancel running jobs of that pipeline and review the project's job-token allowlist (Settings → CI/CD → Job token permissions).",
                severity="medium", body=r"(?:[0-9a-f]{1,5}_)?[A-Za-z0-9_-]{20,}",
                make=lambda g: f"glcbt-{g.hex(2)}_{g.b64url(20)}", env="CI_JOB_TOKEN"))
    R.append(gl("feed-token", "glft-", "GitLab feed token", "A GitLab feed token (RSS/ICS feeds of private activity).",
                "Reset it under User settings → Access tokens → Feed token → Reset.", severity="medium", env="FEED_TOKEN"))
    R.append(gl("incoming-mail-token", "glimt-", "GitLab incoming email token", "A GitLab incoming email token, which lets mail create issues as the user.",
                "Reset it from the project's issue list (Email a new issue → Reset this token).", severity="medium", body="[A-Za-z0-9_-]{25}",
                make=lambda g: "glimt-" + g.b64url(25), env="INCOMING_EMAIL_TOKEN"))
    R.append(gl("oauth-app-secret", "gloas-", "GitLab OAuth application secret", "A GitLab OAuth application secret.",
                "Renew the secret under the application's settings (User/Group/Admin → Applications → Renew secret) and update the client.",
                severity="high", body="[a-f0-9]{64}", make=lambda g: "gloas-" + g.hex(64), env="GITLAB_OAUTH_SECRET"))
    R.append(gl("scim-token", "glsoat-", "GitLab SCIM OAuth token", "A GitLab group SCIM token, which provisions and deprovisions users.",
                "Reset the SCIM token under the group's Settings → SAML SSO → SCIM token → reset, and update the identity provider.",
                severity="high", env="SCIM_TOKEN"))
    R.append(gl("agent-token", "glagent-", "GitLab agent for Kubernetes token", "A GitLab agent for Kubernetes access token.",
                "Revoke it under Operate → Kubernetes clusters → the agent → Access tokens → Revoke, then create a new token and update the agent's secret.",
                body="[A-Za-z0-9_-]{50}", make=lambda g: "glagent-" + g.b64url(50), env="AGENT_TOKEN"))
    R.append(gl("feature-flags-token", "glffct-", "GitLab feature flags client token", "A GitLab feature flags client token.",
                "Reset it under Deploy → Feature flags → Configure → Reset instance ID / token.", severity="low", env="UNLEASH_TOKEN"))

    R.append(prefixed(
        "bitbucket-app-password", "Bitbucket app password", "ATBB", "[A-Za-z0-9_=.-]{32}",
        lambda g: "ATBB" + g.b62(24) + g.HEX(8), env="BITBUCKET_APP_PASSWORD", end=END_ALNUM,
        what="An Atlassian Bitbucket Cloud app password.",
        remediation="Revoke it in Bitbucket → Personal settings → App passwords → Revoke, then create a replacement (or move to an API token with scopes).",
        references=["https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/"], tags=["bitbucket"]))
    R.append(prefixed(
        "bitbucket-access-token", "Bitbucket repository/project/workspace access token", "ATCTT3xFfGN0",
        r"[A-Za-z0-9_=-]{150,250}=[A-F0-9]{8}",
        lambda g: "ATCTT3xFfGN0" + g.b64url(171) + "=" + g.HEX(8), env="BITBUCKET_TOKEN",
        what="A Bitbucket Cloud repository, project or workspace access token.",
        remediation="Revoke it in the repository/project/workspace settings → Access tokens → Revoke, and create a new token with minimal scopes.",
        references=["https://support.atlassian.com/bitbucket-cloud/docs/repository-access-tokens/"], tags=["bitbucket"]))
    R.append(contextual(
        "bitbucket-client-secret", "Bitbucket OAuth consumer secret", "bitbucket", "[A-Za-z0-9]{32}",
        lambda g: g.b62(32), env="BITBUCKET_CLIENT_SECRET", keywords=["bitbucket"], words="secret",
        what="A Bitbucket OAuth consumer secret.",
        remediation="Edit the OAuth consumer in Workspace settings → OAuth consumers, delete it and create a new one (Bitbucket cannot rotate a consumer's secret in place).",
        references=["https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/"], tags=["bitbucket"]))

    R.append(rule(
        "azure-devops-pat", "Azure DevOps personal access token",
        keywords=["jqqj9"], regex=r"\b([A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4})\b",
        description="An Azure DevOps personal access token in the 84-character format carrying the `JQQJ9` signature and `AZDO` provider tag.",
        remediation="Revoke it in Azure DevOps → User settings → Personal access tokens → Revoke (administrators can revoke any user's PATs via the Organization settings / the PAT lifecycle API). Create a new one with minimal scopes and a short expiry.",
        references=["https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate"],
        positive=lambda g: [f"AZURE_DEVOPS_EXT_PAT={g.b62(52)}JQQJ99{g.b62(18)}AZDO{g.b62(4)}",
                            f'"pat": "{g.b62(52)}JQQJ9D{g.b62(18)}AZDO{g.b62(4)}"'],
        negative=lambda g: [f"build_id: {g.b62(40)}JQQJ99{g.b62(18)}AZDO{g.b62(4)}",
                            "AZURE_DEVOPS_EXT_PAT=<personal-access-token>"], tags=["azure"]))
    R.append(contextual(
        "azure-devops-pat-legacy", "Azure DevOps personal access token (legacy 52-character)",
        r"azure[_.-]?devops|\bado_|devops|vsts", "[a-z2-7]{52}", lambda g: g.s("abcdefghijklmnopqrstuvwxyz234567", 52),
        env="AZURE_DEVOPS_PAT", keywords=["devops", "ado_", "vsts"], words="pat|token|key|password",
        what="A legacy Azure DevOps personal access token (52 lower-case base32 characters).",
        remediation="Revoke it in Azure DevOps → User settings → Personal access tokens, then create a new one with minimal scopes and expiry.",
        references=["https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate"],
        tags=["azure"]))

    CIRCLE_REF = ["https://circleci.com/docs/managing-api-tokens/"]
    R.append(prefixed("circleci-personal-token", "CircleCI personal API token", "CCIPAT_", "[A-Za-z0-9]{22}_[a-f0-9]{40}",
                      lambda g: f"CCIPAT_{g.b62(22)}_{g.hex(40)}", env="CIRCLECI_TOKEN",
                      what="A CircleCI personal API token.",
                      remediation="Delete it under CircleCI → User settings → Personal API tokens, then create a new one.",
                      references=CIRCLE_REF, tags=["ci"]))
    R.append(prefixed("circleci-project-token", "CircleCI project API token", "CCIPRJ_", "[A-Za-z0-9]{22}_[a-f0-9]{40}",
                      lambda g: f"CCIPRJ_{g.b62(22)}_{g.hex(40)}", env="CIRCLE_PROJECT_TOKEN", severity="high",
                      what="A CircleCI project API token.",
                      remediation="Delete it under the project's Settings → API permissions, then create a new one.",
                      references=CIRCLE_REF, tags=["ci"]))
    R.append(contextual("circleci-token-legacy", "CircleCI API token (legacy 40-hex)", r"circle(?:ci)?", "[a-f0-9]{40}",
                        lambda g: g.hex(40), env="CIRCLECI_TOKEN", keywords=["circle"],
                        what="A legacy CircleCI API token (40 hex).",
                        remediation="Delete it under CircleCI → User settings → Personal API tokens (or the project's API permissions) and create a new one.",
                        references=CIRCLE_REF, tags=["ci"]))
    R.append(prefixed("buildkite-api-token", "Buildkite user API access token", "bkua_", "[a-f0-9]{40}",
                      lambda g: "bkua_" + g.hex(40), env="BUILDKITE_API_TOKEN",
                      what="A Buildkite user API access token.",
                      remediation="Revoke it under Buildkite → Personal settings → API Access Tokens → the token → Revoke, then create a new one scoped to the needed organizations.",
                      references=["https://buildkite.com/docs/apis/managing-api-tokens"], tags=["ci"]))
    R.append(contextual("buildkite-agent-token", "Buildkite agent token", "buildkite", "[a-z0-9]{50}",
                        lambda g: g.lower(50), env="BUILDKITE_AGENT_TOKEN", keywords=["buildkite"], words="agent[_.-]?token|token",
                        what="A Buildkite agent registration token, which lets a machine join the organization's agent pool and run jobs.",
                        remediation="Create a new agent token under Agents → Agent tokens (or the cluster's tokens), roll it out to your agents, then revoke the old one.",
                        references=["https://buildkite.com/docs/agent/v3/tokens"], tags=["ci"]))
    R.append(contextual("travis-ci-token", "Travis CI API token", "travis", "[A-Za-z0-9_-]{22}",
                        lambda g: g.b64url(22), env="TRAVIS_API_TOKEN", keywords=["travis"], end=END_B64URL,
                        what="A Travis CI API access token.",
                        remediation="Regenerate the token under travis-ci.com → Settings → API authentication (this invalidates the old one).",
                        references=["https://docs.travis-ci.com/user/triggering-builds/"], tags=["ci"]))
    R.append(contextual("jenkins-api-token", "Jenkins API token", "jenkins", "11[a-f0-9]{32}",
                        lambda g: "11" + g.hex(32), env="JENKINS_API_TOKEN", keywords=["jenkins"],
                        what="A Jenkins user API token (34 hex starting with `11`).",
                        remediation="Revoke it under Jenkins → the user → Configure (Security) → API Token → Revoke, then generate a new one.",
                        references=["https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/"], tags=["ci"]))
    R.append(contextual("drone-ci-token", "Drone CI token", "drone", "[A-Za-z0-9]{32}",
                        lambda g: g.b62(32), env="DRONE_TOKEN", keywords=["drone"], words="token|secret",
                        what="A Drone CI user token or RPC secret.",
                        remediation="Rotate the user token from the Drone UI account page (or `drone user update --token`), and change DRONE_RPC_SECRET on the server and runners together.",
                        references=["https://docs.drone.io/cli/setup/"], tags=["ci"]))
    R.append(prefixed("teamcity-access-token", "JetBrains TeamCity access token", "eyJ0eXAiOiAiVENWMiJ9.",
                      r"[A-Za-z0-9_-]{36}\.[A-Za-z0-9_-]{48}",
                      lambda g: f"eyJ0eXAiOiAiVENWMiJ9.{g.b64url(36)}.{g.b64url(48)}", env="TEAMCITY_TOKEN",
                      end=END_B64URL, what="A TeamCity personal access token.",
                      remediation="Delete it under TeamCity → Your profile → Access tokens, then create a new token with a short expiry.",
                      references=["https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens"],
                      keywords=["eyJ0eXAiOiAiVENWMiJ9"], tags=["ci"]))
    R.append(rule(
        "harness-access-token", "Harness personal or service account token", keywords=["pat.", "sat."],
        regex=r"\b((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20})\b",
        description="A Harness platform API token (`pat.`/`sat.` + account id + token id + secret).",
        remediation="Delete the token in Harness → My profile → API keys (or the service account's API keys) and create a new one.",
        references=["https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/"],
        positive=lambda g: [f"HARNESS_API_KEY=pat.{g.b64url(21)}a.{g.hex(24)}.{g.b62(20)}",
                            f'harness_token: "sat.{g.b64url(21)}Q.{g.hex(24)}.{g.b62(20)}"'],
        negative=lambda g: [f"HARNESS_API_KEY=pat.{g.b64url(21)}a.{g.hex(20)}.{g.b62(20)}", "pat.<account>.<id>.<secret>"],
        tags=["ci"]))
    R.append(prefixed("sonarqube-token", "SonarQube / SonarCloud token", "sq", "[pua]_[a-f0-9]{40}",
                      lambda g: f"sq{g.pick('p', 'u', 'a')}_{g.hex(40)}", env="SONAR_TOKEN",
                      keywords=["sqp_", "squ_", "sqa_"],
                      what="A SonarQube user (`squ_`), project analysis (`sqp_`) or global analysis (`sqa_`) token.",
                      remediation="Revoke it under My Account → Security → Tokens (or Administration → Users → Tokens), then generate a new one.",
                      references=["https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/"], tags=["ci"]))
    R.append(contextual("sonarcloud-token", "SonarCloud token (40-hex)", "sonar", "[a-f0-9]{40}", lambda g: g.hex(40),
                        env="SONAR_TOKEN", keywords=["sonar"], words="token|login",
                        what="A SonarCloud / legacy SonarQube user token (40 hex).",
                        remediation="Revoke it under My Account → Security → Tokens and generate a new one.",
                        references=["https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/managing-tokens/"], tags=["ci"]))
    R.append(contextual("codecov-token", "Codecov upload token", "codecov", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
                        lambda g: g.uuid(), env="CODECOV_TOKEN", keywords=["codecov"], words="token",
                        severity="medium", what="A Codecov repository or global upload token (UUID).",
                        remediation="Regenerate it under the repository's Codecov settings (Settings → General → Repository upload token → Regenerate).",
                        references=["https://docs.codecov.com/docs/codecov-tokens"], tags=["ci"]))
    R.append(contextual("snyk-token", "Snyk API token", "snyk", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
                        lambda g: g.uuid(), env="SNYK_TOKEN", keywords=["snyk"], words="token|key",
                        what="A Snyk API token (UUID).",
                        remediation="Revoke and regenerate it under Snyk → Account settings → Auth token (or the service account's token).",
                        references=["https://docs.snyk.io/snyk-api/authentication-for-api"], tags=["ci"]))
    R.append(prefixed("octopus-deploy-api-key", "Octopus Deploy API key", "API-", "[A-Z0-9]{26,32}",
                      lambda g: "API-" + g.upper(26), env="OCTOPUS_API_KEY",
                      what="An Octopus Deploy API key.", severity="high",
                      remediation="Revoke it under Octopus → Profile → My API keys (or the service account's API keys) and create a new one.",
                      references=["https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key"], tags=["ci"]))
    R.append(prefixed("sourcegraph-access-token", "Sourcegraph access token", "sgp_",
                      r"(?:[a-f0-9]{16}|local)_[a-f0-9]{40}",
                      lambda g: f"sgp_{g.pick(g.hex(16), 'local')}_{g.hex(40)}", env="SRC_ACCESS_TOKEN",
                      what="A Sourcegraph access token.", severity="high",
                      remediation="Delete it under Sourcegraph → Settings → Access tokens and create a new one.",
                      references=["https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token"]))
    R.append(contextual(
        "gitea-token", "Gitea / Forgejo access token", "gitea|forgejo", "[a-f0-9]{40}", lambda g: g.hex(40),
        env="GITEA_TOKEN", keywords=["gitea", "forgejo"], words="token|password",
        what="A Gitea or Forgejo access token (40 hex).",
        remediation="Delete it under Settings → Applications → Manage access tokens and generate a new one.",
        references=["https://docs.gitea.com/development/api-usage"]))
    return R

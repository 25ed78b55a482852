"""AI/ML model and tooling providers: LLM APIs, inference clouds, vector databases, ML ops."""
import base64

from rulegen import (AI_LLM, END_ALNUM, END_B64, END_B64URL, G, contextual, prefixed, rule)

TITLE = "AI/ML providers (ai)"
T = ["ai"]


def console(name, url, extra=""):
    return (f"Revoke the key in the {name} console ({url}): delete or disable it, create a new key, "
            f"store it in a secret manager, and check the usage/billing page for abuse since the leak.{extra}")


def P(id, title, prefix, body, make, env, what, remediation, refs, **kw):
    kw.setdefault("owasp_llm", AI_LLM)
    kw.setdefault("tags", T)
    return prefixed(id, title, prefix, body, make, env=env, what=what, remediation=remediation,
                    references=refs, **kw)


def C(id, title, ctx, value, make, env, keywords, what, remediation, refs, **kw):
    kw.setdefault("owasp_llm", AI_LLM)
    kw.setdefault("tags", T)
    return contextual(id, title, ctx, value, make, env=env, keywords=keywords, what=what,
                      remediation=remediation, references=refs, **kw)


def openai_new(g: G, kind: str) -> str:
    return f"sk-{kind}-{g.b64url(74)}T3BlbkFJ{g.b64url(73)}{g.b62(1)}"


def bedrock_long(g: G) -> str:
    raw = f"BedrockAPIKey-{g.lower(4)}-at-{g.digits(12)}:{g.b64(40)}".encode()
    return "ABSK" + base64.b64encode(raw).decode()


def bedrock_short(g: G) -> str:
    raw = (f"bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256"
           f"&X-Amz-Credential=ASIA{g.upper(16)}%2F20250611%2Fus-east-1%2Fbedrock%2Faws4_request"
           f"&X-Amz-Date=20250611T101500Z&X-Amz-Expires=43200&X-Amz-Security-Token=IQoJb3JpZ2luX2VjE{g.b64url(120)}"
           f"&X-Amz-Signature={g.hex(64)}&Version=1").encode()
    return "bedrock-api-key-" + base64.b64encode(raw).decode()


def neptune(g: G) -> str:
    raw = ('{"api_address":"https://app.neptune.ai","api_url":"https://app.neptune.ai","api_key":"%s"}'
           % g.uuid()).encode()
    return base64.b64encode(raw).decode()


OPENAI_REF = ["https://platform.openai.com/docs/api-reference/authentication",
              "https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety"]
OPENAI_REVOKE = console("OpenAI", "platform.openai.com → API keys (or Project → API keys)")
ANTHROPIC_REF = ["https://docs.anthropic.com/en/api/getting-started", "https://docs.anthropic.com/en/api/administration-api"]


def rules():
    R = []
    R.append(rule(
        "openai-api-key-legacy", "OpenAI API key (legacy user key)", keywords=["T3BlbkFJ"],
        regex=r"\b(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})\b",
        description="A legacy OpenAI user API key: `sk-`, 20 characters, the `T3BlbkFJ` marker (base64 of 'OpenAI'), 20 characters.",
        rationale="OpenAI keys are billed per use and often have high spend limits; leaked keys are harvested and resold within hours.",
        remediation=OPENAI_REVOKE, references=OPENAI_REF, owasp_llm=AI_LLM, tags=T,
        positive=lambda g: [f"OPENAI_API_KEY=sk-{g.b62(20)}T3BlbkFJ{g.b62(20)}",
                            f'openai.api_key = "sk-{g.b62(20)}T3BlbkFJ{g.b62(20)}"'],
        negative=lambda g: [f'truncated = "sk-{g.b62(18)}T3BlbkFJ{g.b62(20)}"', "OPENAI_API_KEY=sk-...T3BlbkFJ...",
                            "OPENAI_API_KEY=sk-your-key-here"]))
    for kind, title, what in [
        ("proj", "OpenAI project API key", "An OpenAI project-scoped API key."),
        ("svcacct", "OpenAI service account key", "An OpenAI project service-account API key."),
        ("admin", "OpenAI admin key", "An OpenAI organization admin key (manages users, projects, keys and billing)."),
        ("None", "OpenAI user API key (sk-None)", "An OpenAI user API key created without a project (`sk-None-`)."),
    ]:
        rid = {"proj": "openai-project-key", "svcacct": "openai-service-account-key",
               "admin": "openai-admin-key", "None": "openai-user-key"}[kind]
        R.append(P(rid, title, f"sk-{kind}-",
                   r"(?:[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100}|[A-Za-z0-9_-]{100,200})",
                   (lambda k: lambda g: openai_new(g, k))(kind), "OPENAI_API_KEY", what,
                   OPENAI_REVOKE if kind != "admin" else console("OpenAI", "platform.openai.com → Organization settings → Admin keys", " Admin keys can create new keys: list and revoke any key created after the leak."),
                   OPENAI_REF, end=END_B64URL, suffix=" (usually with the `T3BlbkFJ` marker)"))
    R.append(P("openai-session-key", "OpenAI browser session key", "sess-", "[A-Za-z0-9]{40}", lambda g: "sess-" + g.b62(40),
               "OPENAI_SESSION", "An OpenAI web session key (`sess-`), usable against internal dashboard APIs.",
               "Sign out of all sessions in the OpenAI account (Settings → Security → Log out of all devices) and change the password.",
               OPENAI_REF, severity="high", confidence="medium"))

    R.append(P("anthropic-api-key", "Anthropic API key", "sk-ant-api03-", "[A-Za-z0-9_-]{93}AA",
               lambda g: f"sk-ant-api03-{g.b64url(93)}AA", "ANTHROPIC_API_KEY", "An Anthropic Claude API key.",
               console("Anthropic", "console.anthropic.com → Settings → API keys", " Anthropic also auto-revokes keys reported through GitHub secret scanning."),
               ANTHROPIC_REF, end=END_B64URL))
    R.append(P("anthropic-admin-key", "Anthropic admin API key", "sk-ant-admin01-", "[A-Za-z0-9_-]{93}AA",
               lambda g: f"sk-ant-admin01-{g.b64url(93)}AA", "ANTHROPIC_ADMIN_KEY",
               "An Anthropic Admin API key, which manages workspaces, members and API keys.",
               console("Anthropic", "console.anthropic.com → Settings → Admin keys", " Admin keys can mint API keys: review and revoke keys created since the leak."),
               ANTHROPIC_REF, end=END_B64URL))
    R.append(P("anthropic-oauth-token", "Anthropic OAuth access token", "sk-ant-oat01-", "[A-Za-z0-9_-]{80,120}",
               lambda g: f"sk-ant-oat01-{g.b64url(93)}AA", "CLAUDE_CODE_OAUTH_TOKEN",
               "An Anthropic OAuth access token (as used by Claude Code subscriptions).",
               "Log out the session (claude.ai → Settings → sign out of all sessions; `claude logout`) so the token is revoked, then sign in again.",
               ANTHROPIC_REF, end=END_B64URL, severity="high"))

    HF_REF = ["https://huggingface.co/docs/hub/security-tokens"]
    R.append(P("huggingface-token", "Hugging Face user access token", "hf_", "[A-Za-z]{34}", lambda g: "hf_" + g.letters(34),
               "HF_TOKEN", "A Hugging Face user access token.",
               "Invalidate it under huggingface.co → Settings → Access Tokens → Manage → Invalidate and refresh (or delete), then create a fine-grained token. Check the account's repositories for unexpected pushes.",
               HF_REF, extra_pos=[lambda g: f'login(token="hf_{g.letters(34)}")']))
    R.append(P("huggingface-org-token", "Hugging Face organization API token", "api_org_", "[A-Za-z]{34}",
               lambda g: "api_org_" + g.letters(34), "HF_ORG_TOKEN", "A Hugging Face organization API token (legacy).",
               "Regenerate it in the organization's settings on huggingface.co (API token → Regenerate) and move to fine-grained user tokens.",
               HF_REF))

    R.append(C("google-gemini-api-key", "Google AI Studio / Gemini API key",
               r"gemini|genai|google[_.-]?ai|generativelanguage|palm", r"AIza[0-9A-Za-z_-]{35}",
               lambda g: "AIzaSy" + g.b64url(33), "GEMINI_API_KEY", ["gemini", "genai", "google_ai", "google-ai", "googleai", "google.ai", "generativelanguage", "palm"],
               "A Google API key used for the Gemini API (AI Studio); the generic GCP API key rule also reports it.",
               "Delete or regenerate the key in Google AI Studio (aistudio.google.com → API keys) or Google Cloud console → APIs & Services → Credentials, and add API restrictions to the replacement.",
               ["https://ai.google.dev/gemini-api/docs/api-key", "https://cloud.google.com/docs/authentication/api-keys"],
               severity="critical", confidence="high", end=END_B64URL, min_entropy=3.5))
    R.append(C("cohere-api-key", "Cohere API key", "cohere|co[_-]api", "[A-Za-z0-9]{40}", lambda g: g.b62(40),
               "COHERE_API_KEY", ["cohere", "co_api", "co-api"], "A Cohere API key (40 characters).",
               console("Cohere", "dashboard.cohere.com → API keys"), ["https://docs.cohere.com/reference/about"], min_entropy=3.5))
    R.append(C("mistral-api-key", "Mistral AI API key", "mistral|codestral", "[A-Za-z0-9]{32}", lambda g: g.b62(32),
               "MISTRAL_API_KEY", ["mistral", "codestral"], "A Mistral AI (La Plateforme / Codestral) API key (32 characters).",
               console("Mistral AI", "console.mistral.ai → API keys"), ["https://docs.mistral.ai/getting-started/quickstart/"], min_entropy=3.5))
    R.append(P("groq-api-key", "Groq API key", "gsk_", "[A-Za-z0-9]{52}", lambda g: f"gsk_{g.b62(20)}WGdyb3FY{g.b62(24)}",
               "GROQ_API_KEY", "A Groq API key.", console("Groq", "console.groq.com → API Keys"),
               ["https://console.groq.com/docs/quickstart"]))
    R.append(P("replicate-api-token", "Replicate API token", "r8_", "[A-Za-z0-9]{37}", lambda g: "r8_" + g.b62(37),
               "REPLICATE_API_TOKEN", "A Replicate API token.", console("Replicate", "replicate.com → Account settings → API tokens"),
               ["https://replicate.com/docs/reference/http#authentication"]))
    R.append(P("perplexity-api-key", "Perplexity API key", "pplx-", "[A-Za-z0-9]{48}", lambda g: "pplx-" + g.b62(48),
               "PERPLEXITY_API_KEY", "A Perplexity (Sonar) API key.", console("Perplexity", "perplexity.ai → Settings → API"),
               ["https://docs.perplexity.ai/guides/getting-started"]))
    R.append(C("together-api-key", "Together AI API key (64-hex)", r"together(?:[_.-]?ai)?", "[a-f0-9]{64}", lambda g: g.hex(64),
               "TOGETHER_API_KEY", ["together"], "A Together AI API key in the legacy 64-hex form.",
               console("Together AI", "api.together.ai → Settings → API Keys"), ["https://docs.together.ai/reference/authentication-1"]))
    R.append(P("together-api-key-v1", "Together AI API key", "tgp_v1_", "[A-Za-z0-9_-]{40,50}", lambda g: "tgp_v1_" + g.b64url(43),
               "TOGETHER_API_KEY", "A Together AI API key (`tgp_v1_`).", console("Together AI", "api.together.ai → Settings → API Keys"),
               ["https://docs.together.ai/reference/authentication-1"], end=END_B64URL))
    R.append(P("xai-api-key", "xAI (Grok) API key", "xai-", "[A-Za-z0-9]{80}", lambda g: "xai-" + g.b62(80),
               "XAI_API_KEY", "An xAI Grok API key.", console("xAI", "console.x.ai → API Keys"), ["https://docs.x.ai/docs/overview"]))
    R.append(P("openrouter-api-key", "OpenRouter API key", "sk-or-v1-", "[a-f0-9]{64}", lambda g: "sk-or-v1-" + g.hex(64),
               "OPENROUTER_API_KEY", "An OpenRouter API key.", console("OpenRouter", "openrouter.ai → Settings → Keys", " Set a credit limit on the replacement key."),
               ["https://openrouter.ai/docs/api-reference/authentication"]))
    R.append(C("deepseek-api-key", "DeepSeek API key", "deepseek", "sk-[a-f0-9]{32}", lambda g: "sk-" + g.hex(32),
               "DEEPSEEK_API_KEY", ["deepseek"], "A DeepSeek platform API key (`sk-` + 32 hex).",
               console("DeepSeek", "platform.deepseek.com → API keys"), ["https://api-docs.deepseek.com/"], severity="critical"))
    R.append(P("fireworks-api-key", "Fireworks AI API key", "fw_", "[A-Za-z0-9]{24}", lambda g: "fw_" + g.b62(24),
               "FIREWORKS_API_KEY", "A Fireworks AI API key.", console("Fireworks AI", "fireworks.ai → Account → API Keys (or `firectl delete api-key`)"),
               ["https://docs.fireworks.ai/getting-started/quickstart"], confidence="medium", min_entropy=3.8))
    R.append(P("cerebras-api-key", "Cerebras inference API key", "csk-", "[A-Za-z0-9]{32,60}", lambda g: "csk-" + g.lower(48),
               "CEREBRAS_API_KEY", "A Cerebras Inference API key.", console("Cerebras", "cloud.cerebras.ai → API Keys"),
               ["https://inference-docs.cerebras.ai/quickstart"], min_entropy=3.5))
    R.append(C("azure-openai-api-key", "Azure OpenAI API key (32-hex)", r"azure[_.-]?openai|aoai|openai[_.-]?azure|azure[_.-]?ai",
               "[a-f0-9]{32}", lambda g: g.hex(32), "AZURE_OPENAI_API_KEY", ["azure", "aoai"],
               "An Azure OpenAI / Azure AI services resource key (32 hex).",
               "Regenerate the key in the Azure portal (the Azure OpenAI resource → Resource Management → Keys and Endpoint → Regenerate Key 1/2) after moving clients to the other key; prefer Microsoft Entra ID authentication.",
               ["https://learn.microsoft.com/en-us/azure/ai-services/openai/reference#authentication"], severity="critical"))
    R.append(rule(
        "azure-ai-services-key", "Azure AI services key (84-character)", keywords=["jqqj99"],
        regex=r"\b([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}ACOG[A-Za-z0-9]{4})\b",
        description="An Azure AI services / Azure OpenAI key in the 84-character format with the `JQQJ99` signature and `ACOG` provider tag.",
        remediation="Regenerate the key in the Azure portal (the resource → Keys and Endpoint → Regenerate Key) after moving clients to the other key; prefer Microsoft Entra ID authentication.",
        references=["https://learn.microsoft.com/en-us/azure/ai-services/authentication"], owasp_llm=AI_LLM, tags=T,
        positive=lambda g: [f"AZURE_OPENAI_API_KEY={g.b62(52)}JQQJ99{g.b62(18)}ACOG{g.b62(4)}",
                            f'"api_key": "{g.b62(52)}JQQJ99{g.b62(18)}ACOG{g.b62(4)}"'],
        negative=lambda g: [f"build_id: {g.b62(50)}JQQJ99{g.b62(18)}ACOG{g.b62(4)}", "AZURE_OPENAI_API_KEY=<azure-openai-key>"]))
    R.append(P("aws-bedrock-api-key", "Amazon Bedrock long-term API key", "ABSKQmVkcm9ja0FQSUtleS", "[A-Za-z0-9+/]{60,400}={0,2}",
               bedrock_long, "AWS_BEARER_TOKEN_BEDROCK",
               "An Amazon Bedrock long-term API key (`ABSK` + base64 of `BedrockAPIKey-...`), an IAM service-specific credential.",
               "Delete the key: IAM console → Users → the user → Security credentials → API keys for Amazon Bedrock → Delete (or `aws iam delete-service-specific-credential`). Check CloudTrail for Bedrock calls made with it.",
               ["https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html"], end=END_B64, tags=["ai", "aws"]))
    R.append(P("aws-bedrock-short-term-key", "Amazon Bedrock short-term API key", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t",
               "[A-Za-z0-9+/]{400,}={0,2}", bedrock_short, "AWS_BEARER_TOKEN_BEDROCK",
               "An Amazon Bedrock short-term API key (a base64 pre-signed URL valid up to 12 hours).", severity="high",
               remediation="It expires within 12 hours; to cut it off earlier revoke the sessions of the IAM role/user that generated it (IAM → Roles → Revoke active sessions) or rotate that principal's credentials.",
               refs=["https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-generate.html"], end=END_B64, tags=["ai", "aws"],
               keywords=["bedrock-api-key-"]))
    R.append(P("pinecone-api-key", "Pinecone API key", "pcsk_", "[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}",
               lambda g: f"pcsk_{g.b62(5)}_{g.b62(64)}", "PINECONE_API_KEY", "A Pinecone API key.",
               console("Pinecone", "app.pinecone.io → the project → API keys"), ["https://docs.pinecone.io/guides/projects/manage-api-keys"]))
    R.append(C("pinecone-api-key-legacy", "Pinecone API key (legacy UUID)", "pinecone", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
               lambda g: g.uuid(), "PINECONE_API_KEY", ["pinecone"], "A legacy Pinecone API key (UUID).",
               console("Pinecone", "app.pinecone.io → the project → API keys"), ["https://docs.pinecone.io/guides/projects/manage-api-keys"]))
    R.append(C("wandb-api-key", "Weights & Biases API key", r"wandb|weights[_ -]?and[_ -]?biases", "[a-f0-9]{40}", lambda g: g.hex(40),
               "WANDB_API_KEY", ["wandb", "weights"], "A Weights & Biases API key (40 hex).",
               "Delete the key at wandb.ai → User settings → API keys (or the service account's keys), create a new one and update `wandb login` / WANDB_API_KEY.",
               ["https://docs.wandb.ai/guides/track/environment-variables/"], severity="critical"))
    for kind, what in [("pt", "personal access token"), ("sk", "service key")]:
        R.append(P(f"langsmith-{'personal-token' if kind == 'pt' else 'service-key'}", f"LangSmith {what}", f"lsv2_{kind}_",
                   "[a-f0-9]{32}_[a-f0-9]{10}", (lambda k: lambda g: f"lsv2_{k}_{g.hex(32)}_{g.hex(10)}")(kind), "LANGSMITH_API_KEY",
                   f"A LangSmith (LangChain) {what}.", console("LangSmith", "smith.langchain.com → Settings → API Keys"),
                   ["https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key"]))
    R.append(P("voyage-api-key", "Voyage AI API key", "pa-", "[A-Za-z0-9_-]{43}", lambda g: "pa-" + g.b64url(43),
               "VOYAGE_API_KEY", "A Voyage AI (MongoDB) embeddings API key.", console("Voyage AI", "dashboard.voyageai.com → API keys"),
               ["https://docs.voyageai.com/docs/api-key-and-installation"], end=END_B64URL, start=r"(?:^|[^A-Za-z0-9_-])",
               confidence="medium", min_entropy=4.0))
    R.append(P("elevenlabs-api-key", "ElevenLabs API key", "sk_", "[a-f0-9]{48}", lambda g: "sk_" + g.hex(48),
               "ELEVENLABS_API_KEY", "An ElevenLabs API key (`sk_` + 48 hex).", console("ElevenLabs", "elevenlabs.io → Developers → API Keys"),
               ["https://elevenlabs.io/docs/api-reference/authentication"], confidence="medium"))
    R.append(C("assemblyai-api-key", "AssemblyAI API key", "assembly[_.-]?ai", "[a-f0-9]{32}", lambda g: g.hex(32),
               "ASSEMBLYAI_API_KEY", ["assembly"], "An AssemblyAI API key (32 hex).", console("AssemblyAI", "assemblyai.com/app → API Keys"),
               ["https://www.assemblyai.com/docs/api-reference/overview"]))
    R.append(C("deepgram-api-key", "Deepgram API key", "deepgram", "[a-f0-9]{40}", lambda g: g.hex(40),
               "DEEPGRAM_API_KEY", ["deepgram"], "A Deepgram API key (40 hex).", console("Deepgram", "console.deepgram.com → the project → API Keys"),
               ["https://developers.deepgram.com/docs/create-additional-api-keys"]))
    R.append(C("stability-api-key", "Stability AI API key", r"stability(?:[_.-]?ai)?|dreamstudio", "sk-[A-Za-z0-9]{48}", lambda g: "sk-" + g.b62(48),
               "STABILITY_API_KEY", ["stability", "dreamstudio"], "A Stability AI API key (`sk-` + 48).",
               console("Stability AI", "platform.stability.ai → Account → API keys"), ["https://platform.stability.ai/docs/getting-started/authentication"]))
    R.append(P("anyscale-api-key", "Anyscale API key", "esecret_", "[A-Za-z0-9]{26}", lambda g: "esecret_" + g.b62(26),
               "ANYSCALE_API_KEY", "An Anyscale endpoints/platform API key.", console("Anyscale", "console.anyscale.com → API keys"),
               ["https://docs.anyscale.com/reference/quickstart-cli"]))
    R.append(rule(
        "modal-token-secret", "Modal token secret", keywords=["token_secret", "token-secret", "modal"],
        regex=r"(?i:modal[A-Za-z0-9_.-]{0,20}secret|token[_-]secret)" + r"""["']?\s{0,3}(?::=|=>|[:=,(])\s{0,3}["'`]?""" + r"(as-[A-Za-z0-9]{22})\b",
        description="A Modal token secret (`as-` + 22), as written in ~/.modal.toml or MODAL_TOKEN_SECRET.",
        remediation="Revoke the token at modal.com → Settings → API Tokens (find it by its `ak-` token id), then run `modal token new`.",
        references=["https://modal.com/docs/reference/modal.config"], owasp_llm=AI_LLM, tags=T,
        positive=lambda g: [f'token_id = "ak-{g.b62(22)}"\ntoken_secret = "as-{g.b62(22)}"', f"MODAL_TOKEN_SECRET=as-{g.b62(22)}"],
        negative=lambda g: [f"MODAL_TOKEN_SECRET=as-{g.b62(5)}", f'token_id = "ak-{g.b62(22)}"']))
    R.append(C("lambda-cloud-api-key", "Lambda Cloud API key", r"lambda[_.-]?(?:labs|cloud)", r"secret_[A-Za-z0-9_]{10,60}\.[A-Za-z0-9]{20,64}",
               lambda g: f"secret_{g.lower(8)}_{g.hex(32)}.{g.b62(32)}", "LAMBDA_CLOUD_API_KEY", ["lambda"],
               "A Lambda Cloud (GPU cloud) API key.", console("Lambda", "cloud.lambda.ai → API keys"), ["https://docs.lambda.ai/public-cloud/cloud-api/"]))
    R.append(C("scale-ai-api-key", "Scale AI API key", r"scale[_-]?(?:ai|api)", r"live_[a-f0-9]{32}", lambda g: "live_" + g.hex(32),
               "SCALE_API_KEY", ["scale_api", "scale-api", "scaleapi", "scale_ai", "scale-ai", "scaleai"], "A Scale AI live API key.", console("Scale AI", "dashboard.scale.com → API keys"),
               ["https://docs.scale.com/reference/authentication"]))
    R.append(P("jina-api-key", "Jina AI API key", "jina_", "[A-Za-z0-9_-]{50,80}", lambda g: f"jina_{g.hex(32)}{g.b64url(28)}",
               "JINA_API_KEY", "A Jina AI (Reader/Embeddings) API key.", console("Jina AI", "jina.ai → API key management"),
               ["https://jina.ai/api-dashboard/"], end=END_B64URL))
    R.append(P("nvidia-api-key", "NVIDIA NIM / build.nvidia.com API key", "nvapi-", "[A-Za-z0-9_-]{64}", lambda g: "nvapi-" + g.b64url(64),
               "NVIDIA_API_KEY", "An NVIDIA API key (NGC / NIM / build.nvidia.com).",
               console("NVIDIA NGC", "org.ngc.nvidia.com → Setup → API keys"), ["https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-api-key"],
               end=END_B64URL))
    R.append(C("runpod-api-key", "RunPod API key", "runpod", r"(?:rpa_)?[A-Za-z0-9]{32,64}", lambda g: "rpa_" + g.upper(48),
               "RUNPOD_API_KEY", ["runpod"], "A RunPod API key.", console("RunPod", "runpod.io → Settings → API Keys"),
               ["https://docs.runpod.io/get-started/api-keys"], severity="critical", min_entropy=3.5))
    R.append(P("langfuse-secret-key", "Langfuse secret key", "sk-lf-", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
               lambda g: "sk-lf-" + g.uuid(), "LANGFUSE_SECRET_KEY", "A Langfuse project secret key (its traces contain prompts and outputs).",
               console("Langfuse", "the project → Settings → API Keys"), ["https://langfuse.com/docs/get-started"], severity="high"))
    R.append(P("tavily-api-key", "Tavily search API key", "tvly-", "(?:dev-|prod-)?[A-Za-z0-9]{32}", lambda g: "tvly-" + g.pick("", "dev-") + g.b62(32),
               "TAVILY_API_KEY", "A Tavily (agent web search) API key.", console("Tavily", "app.tavily.com → API Keys"),
               ["https://docs.tavily.com/documentation/quickstart"], severity="high"))
    R.append(P("firecrawl-api-key", "Firecrawl API key", "fc-", "[a-f0-9]{32}", lambda g: "fc-" + g.hex(32),
               "FIRECRAWL_API_KEY", "A Firecrawl (web scraping for LLMs) API key.", console("Firecrawl", "firecrawl.dev → Dashboard → API Keys"),
               ["https://docs.firecrawl.dev/introduction"], severity="high", start=r"(?:^|[^A-Za-z0-9_-])"))
    R.append(P("helicone-api-key", "Helicone API key", "sk-helicone-", "[a-z0-9-]{20,60}", lambda g: f"sk-helicone-{g.lower(7)}-{g.lower(7)}-{g.lower(7)}-{g.lower(7)}",
               "HELICONE_API_KEY", "A Helicone (LLM observability proxy) API key.", console("Helicone", "helicone.ai → Settings → API Keys"),
               ["https://docs.helicone.ai/getting-started/quick-start"], severity="high", end=END_B64URL))
    R.append(P("cartesia-api-key", "Cartesia API key", "sk_car_", "[A-Za-z0-9]{20,40}", lambda g: "sk_car_" + g.b62(24),
               "CARTESIA_API_KEY", "A Cartesia (voice AI) API key.", console("Cartesia", "play.cartesia.ai → API Keys"),
               ["https://docs.cartesia.ai/get-started/overview"], severity="high"))
    R.append(P("llamacloud-api-key", "LlamaCloud / LlamaParse API key", "llx-", "[A-Za-z0-9]{48}", lambda g: "llx-" + g.b62(48),
               "LLAMA_CLOUD_API_KEY", "A LlamaIndex LlamaCloud / LlamaParse API key.", console("LlamaCloud", "cloud.llamaindex.ai → API Keys"),
               ["https://docs.cloud.llamaindex.ai/llamacloud/getting_started/api_key"], severity="high"))
    R.append(P("mem0-api-key", "Mem0 API key", "m0-", "[A-Za-z0-9]{40}", lambda g: "m0-" + g.b62(40),
               "MEM0_API_KEY", "A Mem0 (agent memory) API key.", console("Mem0", "app.mem0.ai → Settings → API Keys"),
               ["https://docs.mem0.ai/platform/quickstart"], severity="high", start=r"(?:^|[^A-Za-z0-9_-])"))
    R.append(P("chroma-cloud-api-key", "Chroma Cloud API key", "ck-", "[A-Za-z0-9]{40,50}", lambda g: "ck-" + g.b62(44),
               "CHROMA_API_KEY", "A Chroma Cloud (vector database) API key.", console("Chroma Cloud", "trychroma.com → the database → Settings → API keys"),
               ["https://docs.trychroma.com/cloud/getting-started"], severity="high", start=r"(?:^|[^A-Za-z0-9_-])", confidence="medium"))
    R.append(P("neptune-api-token", "neptune.ai API token", "eyJhcGlfYWRkcmVzcyI6", "[A-Za-z0-9+/]{100,600}={0,2}", neptune,
               "NEPTUNE_API_TOKEN", "A neptune.ai API token (base64 JSON with `api_address` and `api_key`).",
               "Reset the token in neptune.ai → your user menu → Get your API token → Reset, and update NEPTUNE_API_TOKEN.",
               ["https://docs.neptune.ai/setup/setting_api_token/"], severity="high", end=END_B64))
    R.append(C("kaggle-api-key", "Kaggle API key", "kaggle", "[a-f0-9]{32}", lambda g: g.hex(32), "KAGGLE_KEY", ["kaggle"],
               "A Kaggle API key (32 hex).", "Expire it at kaggle.com → Settings → API → Expire API Token, then create a new kaggle.json.",
               ["https://www.kaggle.com/docs/api"], severity="high"))
    R.append(C("ai21-api-key", "AI21 Labs API key", r"ai21", "[A-Za-z0-9]{32}", lambda g: g.b62(32), "AI21_API_KEY", ["ai21"],
               "An AI21 Labs (Jamba) API key.", console("AI21", "studio.ai21.com → Account → API Key"), ["https://docs.ai21.com/reference/authentication"],
               min_entropy=3.5))
    R.append(C("clarifai-pat", "Clarifai personal access token", "clarifai", "[a-f0-9]{32}", lambda g: g.hex(32), "CLARIFAI_PAT", ["clarifai"],
               "A Clarifai personal access token or app key (32 hex).", console("Clarifai", "clarifai.com → Settings → Secrets / Personal Access Tokens"),
               ["https://docs.clarifai.com/clarifai-basics/authentication/personal-access-tokens"]))
    R.append(C("baseten-api-key", "Baseten API key", "baseten", r"[A-Za-z0-9]{8}\.[A-Za-z0-9]{32}", lambda g: f"{g.b62(8)}.{g.b62(32)}",
               "BASETEN_API_KEY", ["baseten"], "A Baseten (model serving) API key.", console("Baseten", "app.baseten.co → Settings → API keys"),
               ["https://docs.baseten.co/reference/management-api/api-keys"], severity="critical"))
    R.append(C("deepinfra-api-key", "DeepInfra API key", "deepinfra", "[A-Za-z0-9]{32}", lambda g: g.b62(32), "DEEPINFRA_API_KEY", ["deepinfra"],
               "A DeepInfra API token.", console("DeepInfra", "deepinfra.com → Dashboard → API Keys"), ["https://deepinfra.com/docs/getting-started"],
               min_entropy=3.5))
    R.append(C("sambanova-api-key", "SambaNova Cloud API key", "sambanova", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
               lambda g: g.uuid(), "SAMBANOVA_API_KEY", ["sambanova"], "A SambaNova Cloud API key (UUID).",
               console("SambaNova", "cloud.sambanova.ai → APIs"), ["https://docs.sambanova.ai/cloud/docs/get-started/overview"]))
    R.append(C("novita-api-key", "Novita AI API key", "novita", r"(?:sk_)?[A-Za-z0-9_-]{32,64}", lambda g: "sk_" + g.b64url(43),
               "NOVITA_API_KEY", ["novita"], "A Novita AI API key.", console("Novita AI", "novita.ai → Settings → Key Management"),
               ["https://novita.ai/docs/guides/quickstart"], end=END_B64URL, min_entropy=3.8))
    R.append(C("writer-api-key", "Writer API key", r"writer[_-]?(?:ai|api)", "[A-Za-z0-9_-]{32,64}", lambda g: g.b64url(43),
               "WRITER_API_KEY", ["writer_api", "writer-api", "writerapi", "writer_ai", "writer-ai", "writerai"], "A Writer (Palmyra) API key.", console("Writer", "app.writer.com → AI Studio → API keys"),
               ["https://dev.writer.com/api-guides/quickstart"], end=END_B64URL, min_entropy=3.8))
    R.append(C("exa-api-key", "Exa search API key", r"\bexa(?:_|-api|api)|exa\.ai", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
               lambda g: g.uuid(), "EXA_API_KEY", ["exa_", "exa-api", "exaapi", "exa.ai"], "An Exa (neural web search for agents) API key (UUID).",
               console("Exa", "dashboard.exa.ai → API Keys"), ["https://docs.exa.ai/reference/getting-started"]))
    R.append(C("serpapi-api-key", "SerpApi API key", r"serp[_.-]?api", "[a-f0-9]{64}", lambda g: g.hex(64),
               "SERPAPI_API_KEY", ["serp"], "A SerpApi search API key (64 hex).",
               "Regenerate it at serpapi.com → Manage API Key → Regenerate.", ["https://serpapi.com/search-api"], severity="medium"))
    R.append(C("fal-api-key", "fal.ai API key", r"\bfal[_-]?|fal\.ai", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}:[a-f0-9]{32}",
               lambda g: f"{g.uuid()}:{g.hex(32)}", "FAL_KEY", ["fal_", "fal-", "falkey", "fal.ai"], "A fal.ai API key (`<key id>:<secret>`).",
               console("fal.ai", "fal.ai → Dashboard → Keys"), ["https://docs.fal.ai/authentication/key-based"], severity="critical", words="key|token|secret|auth"))
    R.append(C("comet-ml-api-key", "Comet ML API key", r"comet(?:[_.-]?ml)?", "[A-Za-z0-9]{25}", lambda g: g.b62(25), "COMET_API_KEY", ["comet"],
               "A Comet ML (experiment tracking) API key.", "Regenerate it at comet.com → Account settings → API Keys → Generate new key, and delete the old one.",
               ["https://www.comet.com/docs/v2/guides/experiment-management/configure-sdk/"], min_entropy=3.5))
    R.append(C("qdrant-api-key", "Qdrant Cloud API key", "qdrant", r"[A-Za-z0-9_|.-]{32,120}", lambda g: f"{g.uuid()}|{g.b64url(40)}",
               "QDRANT_API_KEY", ["qdrant"], "A Qdrant Cloud database API key.", console("Qdrant Cloud", "cloud.qdrant.io → the cluster → API Keys"),
               ["https://qdrant.tech/documentation/cloud/authentication/"], end=END_B64URL, min_entropy=3.8))
    R.append(C("weaviate-api-key", "Weaviate Cloud API key", "weaviate", "[A-Za-z0-9]{32,64}", lambda g: g.b62(40), "WEAVIATE_API_KEY", ["weaviate"],
               "A Weaviate Cloud cluster API key.", console("Weaviate Cloud", "console.weaviate.cloud → the cluster → API Keys"),
               ["https://weaviate.io/developers/wcs/connect"], min_entropy=3.5))
    R.append(C("zilliz-api-key", "Zilliz Cloud / Milvus API key", r"zilliz|milvus", "[a-f0-9]{104}", lambda g: g.hex(104), "ZILLIZ_API_KEY", ["zilliz", "milvus"],
               "A Zilliz Cloud (managed Milvus) API key (104 hex).", console("Zilliz Cloud", "cloud.zilliz.com → API Keys"),
               ["https://docs.zilliz.com/docs/manage-api-keys"]))
    R.append(C("roboflow-api-key", "Roboflow API key", "roboflow", "[A-Za-z0-9]{20}", lambda g: g.b62(20), "ROBOFLOW_API_KEY", ["roboflow"],
               "A Roboflow workspace API key.", "Revoke it at app.roboflow.com → Settings → API Keys → Revoke, and generate a new one.",
               ["https://docs.roboflow.com/api-reference/authentication"], min_entropy=3.5))
    R.append(C("portkey-api-key", "Portkey API key", "portkey", "[A-Za-z0-9+/=]{24,64}", lambda g: g.b64(32), "PORTKEY_API_KEY", ["portkey"],
               "A Portkey (AI gateway) API key.", console("Portkey", "app.portkey.ai → API Keys"), ["https://portkey.ai/docs/api-reference/inference-api/authentication"],
               end=END_B64, min_entropy=3.8))
    R.append(C("hume-api-key", "Hume AI API key", r"hume(?:[_.-]?ai)?", "[A-Za-z0-9]{48}", lambda g: g.b62(48), "HUME_API_KEY", ["hume"],
               "A Hume AI API key or secret key.", console("Hume AI", "platform.hume.ai → Settings → API Keys"), ["https://dev.hume.ai/docs/introduction/api-key"],
               min_entropy=3.5))
    R.append(C("black-forest-labs-api-key", "Black Forest Labs (FLUX) API key", r"bfl|black[_.-]?forest", r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}",
               lambda g: g.uuid(), "BFL_API_KEY", ["bfl", "black_forest", "black-forest", "blackforest", "black.forest"], "A Black Forest Labs (FLUX image models) API key.",
               console("Black Forest Labs", "api.bfl.ml → API Keys"), ["https://docs.bfl.ml/quick_start/generating_images"]))
    return R

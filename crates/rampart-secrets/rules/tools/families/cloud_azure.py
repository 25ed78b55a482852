"""Microsoft Azure / Entra ID credentials."""
from rulegen import END_B64, END_B64URL, G, contextual, rule

TITLE = "Microsoft Azure (cloud-azure)"
T = ["cloud", "azure"]
AZURITE = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
B64_86 = r"[A-Za-z0-9+/]{86}=="
B64_43 = r"[A-Za-z0-9+/]{43}="


def k86(g: G):
    return g.b64(86) + "=="


def k43(g: G):
    return g.b64(43) + "="


def acct(g: G):
    return g.word() + g.lower(6)


def rules():
    R = []
    R.append(rule(
        "azure-storage-account-key", "Azure Storage account key in a connection string", keywords=["accountkey="],
        regex=r"AccountName=[a-z0-9]{3,24};\s{0,2}AccountKey=(" + B64_86 + r")", allow=[AZURITE[:40]],
        description="An Azure Storage connection string carrying the account key (`AccountName=...;AccountKey=...`). The Azurite emulator's published key is ignored.",
        rationale="A storage account key is full control of every blob, queue, table and file share in the account.",
        remediation="Rotate the key: Azure portal → the storage account → Security + networking → Access keys → Rotate key (move clients to the other key first), or `az storage account keys renew`. Prefer Entra ID / managed identities and disable shared-key access.",
        references=["https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage"], tags=T,
        positive=lambda g: [f"DefaultEndpointsProtocol=https;AccountName={acct(g)};AccountKey={k86(g)};EndpointSuffix=core.windows.net",
                            f'"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName={acct(g)};AccountKey={k86(g)}"'],
        negative=[f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
                  "DefaultEndpointsProtocol=https;AccountName=mystorage;AccountKey=<storage-key>;EndpointSuffix=core.windows.net"]))
    R.append(contextual(
        "azure-storage-key-context", "Azure Storage account key (by name)", r"azure[_.-]?storage|storage[_.-]?account", B64_86,
        k86, env="AZURE_STORAGE_KEY", keywords=["azure_storage", "azurestorage", "azure-storage", "azure.storage", "storage_account", "storageaccount", "storage-account", "storage.account"], words="key", end=END_B64, severity="critical", confidence="high",
        what="An Azure Storage account key (88 base64 characters) assigned to a storage-account key variable.", allow=[AZURITE[:40]],
        remediation="Rotate the key: Azure portal → the storage account → Access keys → Rotate key, or `az storage account keys renew`.",
        references=["https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage"], tags=T))
    R.append(rule(
        "azure-sas-token", "Azure shared access signature", keywords=["sig="],
        regex=r"[?&]sv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9&=%:.,_-]{0,300}?sig=([A-Za-z0-9%+/]{43,100}(?:%3D|%3d|=)?)(?:[&\"'\s<]|$)",
        min_entropy=4.0, severity="high", confidence="high",
        description="An Azure Storage shared access signature (an `sv=` version and a `sig=` HMAC) in a URL or connection string.",
        remediation="A SAS cannot be revoked alone: rotate the account key that signed it (Access keys → Rotate key) or, for a user-delegation / stored-access-policy SAS, revoke the delegation keys or delete the policy. Issue short-lived SAS only.",
        references=["https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview"], tags=T,
        positive=lambda g: [f"https://{acct(g)}.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-01-01T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig={g.b64(43)}%3D",
                            f'SAS_URL="https://{acct(g)}.blob.core.windows.net/data/x.csv?sp=r&st=2025-02-01T10:00:00Z&se=2025-02-02T10:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={g.b64(43)}%3D"'],
        negative=["https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>",
                  "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=REDACTED"]))
    R.append(rule(
        "azure-service-bus-connection-string", "Azure Service Bus / Event Hubs connection string", keywords=["sharedaccesskey="],
        regex=r"Endpoint=sb://[A-Za-z0-9.-]{1,200}/?;\s{0,2}SharedAccessKeyName=[^;\s\"']{1,256};\s{0,2}SharedAccessKey=(" + B64_43 + r")",
        severity="critical",
        description="An Azure Service Bus, Event Hubs or Relay connection string with its shared access key.",
        remediation="Regenerate the key: Azure portal → the namespace (or entity) → Shared access policies → the policy → Regenerate primary/secondary key (after moving clients to the other key). Prefer managed identities.",
        references=["https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas"], tags=T,
        positive=lambda g: [f"Endpoint=sb://{acct(g)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={k43(g)}",
                            f'"EventHubConnection": "Endpoint=sb://{acct(g)}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={k43(g)};EntityPath=events"'],
        negative=["Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"]))
    R.append(rule(
        "azure-iot-hub-connection-string", "Azure IoT Hub connection string", keywords=["azure-devices.net"],
        regex=r"HostName=[A-Za-z0-9-]{1,100}\.azure-devices\.net;\s{0,2}(?:SharedAccessKeyName=[^;\s\"']{1,256};\s{0,2}|DeviceId=[^;\s\"']{1,256};\s{0,2})SharedAccessKey=(" + B64_43 + r")",
        severity="critical",
        description="An Azure IoT Hub service or device connection string with its shared access key.",
        remediation="Regenerate the key under the IoT hub → Shared access policies (or the device → Regenerate keys) and update clients.",
        references=["https://learn.microsoft.com/en-us/azure/iot-hub/authenticate-authorize-sas"], tags=T,
        positive=lambda g: [f"HostName={acct(g)}.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={k43(g)}",
                            f"HostName={acct(g)}.azure-devices.net;DeviceId=sensor-7;SharedAccessKey={k43(g)}"],
        negative=["HostName=hub.azure-devices.net;DeviceId=dev1;SharedAccessKey=${DEVICE_KEY}"]))
    R.append(rule(
        "azure-cosmosdb-key", "Azure Cosmos DB account key", keywords=["documents.azure.com"],
        regex=r"AccountEndpoint=https://[a-z0-9-]{3,44}\.documents\.azure\.com(?::443)?/?;\s{0,2}AccountKey=(" + B64_86 + r")",
        severity="critical", allow=["C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw"[:40]],
        description="An Azure Cosmos DB connection string with its primary/secondary key. The emulator's published key is ignored.",
        remediation="Regenerate the key in the Azure portal → the Cosmos DB account → Keys → Regenerate (after switching clients to the other key), or use Entra ID RBAC and disable key auth.",
        references=["https://learn.microsoft.com/en-us/azure/cosmos-db/database-security"], tags=T,
        positive=lambda g: [f"AccountEndpoint=https://{acct(g)}.documents.azure.com:443/;AccountKey={k86(g)};",
                            f'"CosmosDb": "AccountEndpoint=https://{acct(g)}.documents.azure.com/;AccountKey={k86(g)}"'],
        negative=["AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
                  "AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="]))

    def cs(g: G):
        return f"{g.s('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.', 3)}{g.digits(1)}Q~{g.s('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-', 33)}{g.b62(1)}"
    R.append(rule(
        "azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret", keywords=["Q~"],
        regex=r"(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)",
        min_entropy=3.8, severity="critical",
        description="A Microsoft Entra ID application client secret (40 characters, a digit then `Q~` at positions 4-6).",
        rationale="The secret authenticates as the app registration and holds all API permissions granted to it (often Microsoft Graph application permissions).",
        remediation="Delete it: Entra admin center → App registrations → the app → Certificates & secrets → Client secrets → Delete; add a new secret (or better a certificate / federated credential), and review the app's sign-in logs.",
        references=["https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials"], tags=T,
        positive=lambda g: [f"AZURE_CLIENT_SECRET={cs(g)}", f'"ClientSecret": "{cs(g)}"', f"client_secret: '{cs(g)}'"],
        negative=lambda g: [f"AZURE_CLIENT_SECRET={cs(g)[:9]}", "AZURE_CLIENT_SECRET=<client-secret>", "secret = abcQ~"]))
    R.append(rule(
        "azure-function-key", "Azure Functions key in a URL", keywords=["azurewebsites.net"],
        regex=r"https://[a-z0-9-]{2,60}\.azurewebsites\.net/api/[A-Za-z0-9_/-]{1,100}\?(?:[^\s\"'#]{0,200}&)?code=([A-Za-z0-9_-]{40,80}={0,2})",
        min_entropy=4.0, severity="high",
        description="An Azure Functions function/host key passed as `?code=` in a function URL.",
        remediation="Renew the key: Azure portal → the Function App → the function → Function Keys (or App keys) → Renew key value; prefer Entra ID auth for callers.",
        references=["https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to"], tags=T,
        positive=lambda g: [f"https://{acct(g)}.azurewebsites.net/api/HttpTrigger1?code={g.b64url(54)}==",
                            f'WEBHOOK="https://{acct(g)}-fn.azurewebsites.net/api/orders/ingest?clientId=default&code={g.b64url(54)}=="'],
        negative=["https://app.azurewebsites.net/api/HttpTrigger1?code=<your-function-key>",
                  "https://app.azurewebsites.net/api/HttpTrigger1?name=world"]))
    R.append(rule(
        "azure-app-configuration-connection-string", "Azure App Configuration connection string", keywords=["azconfig.io"],
        regex=r"Endpoint=https://[a-z0-9-]{2,60}\.azconfig\.io;\s{0,2}Id=[^;\s\"']{1,64};\s{0,2}Secret=(" + B64_43 + r")",
        severity="high",
        description="An Azure App Configuration connection string with its access key secret.",
        remediation="Regenerate the key in the Azure portal → the App Configuration store → Access settings → Regenerate (read-write or read-only key).",
        references=["https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication"], tags=T,
        positive=lambda g: [f"Endpoint=https://{acct(g)}.azconfig.io;Id={g.b64(4)}-l0-s0:{g.b64(20)};Secret={k43(g)}",
                            f'AppConfig="Endpoint=https://{acct(g)}.azconfig.io;Id=z{g.b62(5)};Secret={k43(g)}"'],
        negative=["Endpoint=https://store.azconfig.io;Id=xxxx;Secret=<secret>"]))
    R.append(rule(
        "azure-signalr-connection-string", "Azure SignalR / Web PubSub connection string", keywords=["accesskey="],
        regex=r"Endpoint=https://[a-z0-9-]{2,60}\.(?:service\.signalr\.net|webpubsub\.azure\.com);\s{0,2}AccessKey=(" + B64_43 + r")",
        severity="high",
        description="An Azure SignalR Service or Web PubSub connection string with its access key.",
        remediation="Regenerate the key in the Azure portal → the SignalR / Web PubSub resource → Keys → Regenerate, after moving clients to the other key.",
        references=["https://learn.microsoft.com/en-us/azure/azure-signalr/signalr-howto-key-rotation"], tags=T,
        positive=lambda g: [f"Endpoint=https://{acct(g)}.service.signalr.net;AccessKey={k43(g)};Version=1.0;",
                            f"Endpoint=https://{acct(g)}.webpubsub.azure.com;AccessKey={k43(g)};Version=1.0;"],
        negative=["Endpoint=https://x.service.signalr.net;AccessKey=<key>;Version=1.0;"]))
    R.append(rule(
        "azure-redis-cache-key", "Azure Cache for Redis access key", keywords=["redis.cache.windows.net"],
        regex=r"[a-z0-9-]{1,63}\.redis\.cache\.windows\.net(?::\d{2,5})?,\s{0,2}(?:[a-zA-Z]{2,20}=[^,\s\"']{0,40},\s{0,2}){0,4}password=(" + B64_43 + r")",
        severity="critical",
        description="An Azure Cache for Redis connection string (StackExchange.Redis form) with the access key as password.",
        remediation="Regenerate the key in the Azure portal → the cache → Authentication → Access keys → Regenerate (after moving clients to the other key); prefer Entra ID authentication.",
        references=["https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-keys"], tags=T,
        positive=lambda g: [f"{acct(g)}.redis.cache.windows.net:6380,password={k43(g)},ssl=True,abortConnect=False",
                            f'"Redis": "{acct(g)}.redis.cache.windows.net:6380,ssl=True,password={k43(g)}"'],
        negative=["cache.redis.cache.windows.net:6380,password=<access-key>,ssl=True"]))
    R.append(contextual(
        "azure-apim-subscription-key", "Azure API Management / AI services subscription key", r"ocp[_-]?apim[_-]?subscription", "[a-f0-9]{32}",
        lambda g: g.hex(32), env="OCP_APIM_SUBSCRIPTION_KEY", keywords=["ocp-apim-subscription", "ocp_apim_subscription", "ocpapimsubscription"], words="key",
        what="An Azure API Management or Azure AI services subscription key sent as `Ocp-Apim-Subscription-Key`.",
        remediation="Regenerate the key in the Azure portal (API Management → Subscriptions → Regenerate, or the AI services resource → Keys and Endpoint → Regenerate).",
        references=["https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions"], tags=T,
        extra_pos=[lambda g: f"curl -H 'Ocp-Apim-Subscription-Key: {g.hex(32)}' https://westeurope.api.cognitive.microsoft.com/"]))
    return R

"""Database and message-broker connection strings, credentialed URLs, .netrc and .pgpass."""
from rulegen import G, known_prefixes, rule

TITLE = "databases, connection strings and credentialed URLs (databases)"
T = ["database"]
PW_ALLOW = ["password", "passwd", "passw0rd", "changeme", "secret", "example", "dummy", "sample", "placeholder",
            "xxxx", "****", "redacted", "pass123", "admin123", "tiger", "pass", "postgres", "mysql", "root", "toor",
            "guest", "foobared", "s3cr3t", "p4ss", "qwerty", "123456", "letmein", "hunter2", "admin", "user", "demo",
            "test", "changeit", "default", "token", "hunter", "p@ss", "p%40ss", "p%2540ss", "secret", "literal"]
URL_PW = r"(?P<secret>[^\s:@/\"'`<>]{3,200})"
URL_USER = r"[^\s:@/\"'`<>]{0,100}"
HOST = r"@[A-Za-z0-9\[][A-Za-z0-9.:\[\]_-]{0,253}"


def pw(g: G):
    return g.password(g.pick(14, 16, 20, 24)).replace(":", "!").replace("@", "#").replace("/", "+")


def db_url(id, title, schemes_rx, keywords, scheme_ex, port, what, remediation, refs, extra_pos=None):
    def pos(g: G):
        out = [f"DATABASE_URL={scheme_ex[0]}://app_{g.word()}:{pw(g)}@db-{g.lower(4)}.internal:{port}/app",
               f'url = "{scheme_ex[-1]}://svc:{pw(g)}@10.0.{g.r.randint(1, 250)}.{g.r.randint(1, 250)}:{port}/prod?sslmode=require"']
        for p in extra_pos or []:
            out.append(p(g))
        return out

    neg = [f"{scheme_ex[0]}://user:password@localhost:{port}/db",
           f"{scheme_ex[0]}://app:${{DB_PASSWORD}}@db:{port}/app",
           f"{scheme_ex[0]}://localhost:{port}/app",
           f"{scheme_ex[0]}://<user>:<password>@<host>:{port}/<db>"]
    return rule(id, title, keywords=keywords,
                regex=rf"\b(?:{schemes_rx})://{URL_USER}:{URL_PW}{HOST}",
                min_entropy=2.3, allow=PW_ALLOW, severity="critical", confidence="high",
                description=f"{what} The finding is the password part of the URL; placeholder passwords (`password`, `${{VAR}}`, `<password>`) are ignored.",
                rationale="Connection URLs are copied into code, compose files and CI logs; the password usually grants full access to the data.",
                remediation=remediation, references=refs, tags=T, positive=pos, negative=neg)


ROTATE_DB = ("Change the database user's password now ({how}), update every client from a secret manager, "
             "and check the server logs for connections you do not recognise; then remove the URL from code "
             "and history (read it from an environment variable or secret store).")


def rules():
    R = []
    R.append(db_url("postgres-connection-url", "PostgreSQL connection URL with password", r"postgres(?:ql)?(?:\+[a-z0-9]{1,20})?",
                    ["postgres"], ["postgres", "postgresql+psycopg2"], 5432, "A PostgreSQL connection URL (`postgres://user:pass@host`), including SQLAlchemy/CockroachDB forms.",
                    ROTATE_DB.format(how="`ALTER ROLE name PASSWORD '...'`, or the cloud console for RDS/Cloud SQL/Azure"),
                    ["https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS"]))
    R.append(db_url("mysql-connection-url", "MySQL / MariaDB connection URL with password", r"mysql(?:x)?(?:\+[a-z0-9]{1,20})?|mariadb",
                    ["mysql", "mariadb"], ["mysql", "mysql+pymysql"], 3306, "A MySQL or MariaDB connection URL with a password.",
                    ROTATE_DB.format(how="`ALTER USER 'name'@'%' IDENTIFIED BY '...'`"),
                    ["https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html"]))
    R.append(db_url("mongodb-connection-url", "MongoDB connection URL with password", r"mongodb(?:\+srv)?",
                    ["mongodb"], ["mongodb+srv", "mongodb"], 27017, "A MongoDB connection string (`mongodb://` or `mongodb+srv://`) with a password.",
                    ROTATE_DB.format(how="`db.changeUserPassword()`, or Atlas → Database Access → Edit → Update password"),
                    ["https://www.mongodb.com/docs/manual/reference/connection-string/"]))
    R.append(db_url("redis-connection-url", "Redis connection URL with password", r"rediss?",
                    ["redis"], ["redis", "rediss"], 6379, "A Redis connection URL (`redis://:pass@host` or `rediss://user:pass@host`).",
                    ROTATE_DB.format(how="`ACL SETUSER` / `CONFIG SET requirepass`, or the managed service's auth token rotation"),
                    ["https://www.iana.org/assignments/uri-schemes/prov/redis"],
                    extra_pos=[lambda g: f"REDIS_URL=redis://:{pw(g)}@cache.internal:6379/0"]))
    R.append(db_url("amqp-connection-url", "AMQP (RabbitMQ) connection URL with password", r"amqps?",
                    ["amqp"], ["amqp", "amqps"], 5672, "An AMQP / RabbitMQ connection URL with a password.",
                    ROTATE_DB.format(how="`rabbitmqctl change_password user '...'`, or the broker console"),
                    ["https://www.rabbitmq.com/docs/uri-spec"]))
    R.append(db_url("mssql-connection-url", "SQL Server connection URL with password", r"mssql(?:\+[a-z0-9]{1,20})?|sqlserver",
                    ["mssql", "sqlserver"], ["mssql+pyodbc", "sqlserver"], 1433, "A Microsoft SQL Server connection URL with a password.",
                    ROTATE_DB.format(how="`ALTER LOGIN name WITH PASSWORD = '...'`"),
                    ["https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url"]))
    R.append(db_url("other-db-connection-url", "Other database / broker URL with password",
                    r"clickhouse|cockroachdb|neo4j(?:\+s{1,2}c?)?|bolt(?:\+s{1,2}c?)?|couchdb|cassandra|snowflake|oracle|db2|kafka|nats|mqtts?|influxdb|memcached|elasticsearch|opensearch",
                    ["clickhouse", "cockroachdb", "neo4j", "bolt", "couchdb", "cassandra", "snowflake", "oracle", "db2", "kafka", "nats", "mqtt", "influxdb", "memcached", "elasticsearch", "opensearch"],
                    ["neo4j+s", "clickhouse"], 7687, "A connection URL with a password for ClickHouse, CockroachDB, Neo4j, CouchDB, Cassandra, Snowflake, Oracle, Kafka, NATS, MQTT, InfluxDB, Elasticsearch/OpenSearch and similar stores.",
                    ROTATE_DB.format(how="the store's user-management command or console"),
                    ["https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1"]))
    R.append(rule(
        "jdbc-password-parameter", "JDBC / ODBC URL with password parameter", keywords=["jdbc:"],
        regex=r"\bjdbc:[a-z0-9:]{2,30}//?[^\s\"'`<>]{0,300}?[?&;](?i:password|pwd)=(?P<secret>[^\s&;\"'`<>]{3,200})",
        min_entropy=2.3, allow=PW_ALLOW, severity="critical", tags=T,
        description="A JDBC connection URL carrying `password=` (or `pwd=`) as a parameter.",
        remediation=ROTATE_DB.format(how="the database's ALTER USER/LOGIN command"),
        references=["https://jdbc.postgresql.org/documentation/use/#connection-parameters", "https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url"],
        positive=lambda g: [f"spring.datasource.url=jdbc:postgresql://db.internal:5432/app?user=app&password={pw(g)}",
                            f'url = "jdbc:sqlserver://sql01.corp.local:1433;databaseName=erp;user=erp_app;password={pw(g)};encrypt=true"'],
        negative=["jdbc:postgresql://localhost:5432/app?user=app&password=${DB_PASSWORD}", "jdbc:mysql://db:3306/app?useSSL=true"]))
    R.append(rule(
        "jdbc-oracle-thin-credentials", "Oracle JDBC thin URL with credentials", keywords=["jdbc:oracle:thin:"],
        regex=r"jdbc:oracle:thin:[A-Za-z0-9_$#]{1,30}/(?P<secret>[^\s@\"'`<>/]{3,100})@",
        min_entropy=2.3, allow=PW_ALLOW, severity="critical", tags=T,
        description="An Oracle JDBC thin URL with inline `user/password@`.",
        remediation=ROTATE_DB.format(how="`ALTER USER name IDENTIFIED BY ...`"),
        references=["https://docs.oracle.com/en/database/oracle/oracle-database/21/jjdbc/data-sources-and-URLs.html"],
        positive=lambda g: [f"jdbc:oracle:thin:scott/{pw(g)}@//ora.internal:1521/ORCLPDB1", f'url="jdbc:oracle:thin:erp_app/{pw(g)}@db-prod:1521:ORCL"'],
        negative=["jdbc:oracle:thin:@//ora.internal:1521/ORCLPDB1", "jdbc:oracle:thin:scott/<password>@host:1521:orcl"]))
    R.append(rule(
        "adonet-connection-string-password", "ADO.NET / ODBC connection string with password", keywords=["password=", "pwd="],
        regex=r"(?i:(?:server|data source|host|address|addr|network address)\s{0,2}=[^;\"'\r\n]{1,200};[^\"'\r\n]{0,300}?(?:password|pwd)\s{0,2}=\s{0,2})(?P<secret>[^;\"'\s]{3,200})",
        min_entropy=2.3, allow=PW_ALLOW, severity="critical", confidence="high", tags=T,
        description="An ADO.NET / ODBC style connection string (`Server=...;User Id=...;Password=...`).",
        remediation=ROTATE_DB.format(how="`ALTER LOGIN name WITH PASSWORD = '...'` or the managed database's reset-password action") + " Prefer Entra ID / integrated authentication.",
        references=["https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-strings"],
        positive=lambda g: [f'"DefaultConnection": "Server=tcp:{g.word()}.database.windows.net,1433;Initial Catalog=app;User ID=app;Password={pw(g)};Encrypt=True;"',
                            f"Data Source=sql01;Initial Catalog=Erp;User Id=erp;Pwd={pw(g)};"],
        negative=["Server=sql01;Database=app;Trusted_Connection=True;", "Server=sql01;Database=app;User Id=sa;Password=<password>;"]))
    R.append(rule(
        "credentials-in-url", "Credentials in an HTTP/FTP/SSH URL", keywords=["http://", "https://", "ftp://", "ftps://", "sftp://", "ssh://", "smtp://", "smtps://", "ldap://", "ldaps://", "git://", "svn://", "ws://", "wss://"],
        regex=r"\b(?:https?|ftps?|sftp|ssh|smtps?|ldaps?|git|svn|wss?)://" + URL_USER + ":" + URL_PW + HOST,
        min_entropy=2.3, allow=PW_ALLOW + [p for p in known_prefixes("databases")], severity="high", confidence="medium", tags=T,
        description="A URL with inline `user:password@` credentials (basic auth, .git-credentials, proxy URLs, SMTP/LDAP URLs). Passwords that are provider tokens with their own rule are left to that rule.",
        remediation="Change the password or revoke the token for that account at the service, then pass credentials out of band (credential helper, netrc with restricted permissions, secret manager) instead of in the URL.",
        references=["https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1", "https://cwe.mitre.org/data/definitions/798.html"],
        positive=lambda g: [f"https://deploy:{pw(g)}@git.corp.local/infra/ansible.git", f"HTTP_PROXY=http://svc-proxy:{pw(g)}@proxy.corp.local:3128",
                            f"smtp://alerts%40acme.io:{pw(g)}@smtp.mailhost.net:587"],
        negative=["https://user:password@host/path", "https://${USER}:${TOKEN}@github.com/org/repo.git", "https://github.com/org/repo.git",
                  "https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git"]))
    R.append(rule(
        "netrc-password", ".netrc machine password", keywords=["machine"],
        regex=r"(?m:^[ \t]{0,8}machine\s{1,8}[^\s]{1,255}\s{1,8}(?:login\s{1,8}[^\s]{1,255}\s{1,8})?(?:account\s{1,8}[^\s]{1,255}\s{1,8})?password\s{1,8}(?P<secret>[^\s]{3,300}))",
        min_entropy=2.3, allow=PW_ALLOW, severity="high", tags=T,
        description="A `.netrc` / `_netrc` entry with a password (used by curl, git, pip, wandb, heroku...).",
        remediation="Change the password or revoke the token for that machine's account, remove the entry from the repository, and keep ~/.netrc outside version control with mode 0600.",
        references=["https://everything.curl.dev/usingcurl/netrc.html", "https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html"],
        positive=lambda g: [f"machine api.heroku.com\n  login ops@acme.io\n  password {g.uuid()}", f"machine nexus.corp.local login deploy password {pw(g)}"],
        negative=["machine example.com login user password secret", "machine host login user"]))
    R.append(rule(
        "pgpass-entry", "PostgreSQL .pgpass entry", keywords=[":5432:", ":*:"],
        regex=r"(?m:^[A-Za-z0-9._*\[\]:-]{1,255}:(?:5432|\*):[A-Za-z0-9_*.-]{1,63}:[A-Za-z0-9_*.@-]{1,63}:(?P<secret>[^\s:]{3,200})\r?$)",
        min_entropy=2.3, allow=PW_ALLOW, severity="high", tags=T,
        description="A PostgreSQL `.pgpass` line (`host:port:database:user:password`) on the default port or a `*` port.",
        remediation=ROTATE_DB.format(how="`ALTER ROLE name PASSWORD '...'`") + " Keep .pgpass out of repositories (mode 0600 in the home directory).",
        references=["https://www.postgresql.org/docs/current/libpq-pgpass.html"],
        positive=lambda g: [f"db-{g.lower(4)}.internal:5432:app:app_rw:{pw(g)}", f"*:*:*:replicator:{pw(g)}"],
        negative=["localhost:5432:app:postgres:password", "hostname:port:database:username:password"]))
    R.append(rule(
        "redis-requirepass", "Redis requirepass / masterauth in config", keywords=["requirepass", "masterauth"],
        regex=r"(?m:^[ \t]{0,8}(?:requirepass|masterauth)[ \t]{1,8}[\"']?(?P<secret>[^\s\"']{6,200}))",
        min_entropy=2.5, allow=PW_ALLOW, severity="high", tags=T,
        description="A Redis server password (`requirepass` / `masterauth`) in redis.conf or a command line.",
        remediation="Set a new password (`CONFIG SET requirepass` plus ACL users), update clients and replicas, then remove it from the committed config.",
        references=["https://redis.io/docs/latest/operate/oss_and_stack/management/security/"],
        positive=lambda g: [f"requirepass {pw(g)}", f"masterauth \"{pw(g)}\""],
        negative=["# requirepass foobared", "requirepass ${REDIS_PASSWORD}"]))
    return R

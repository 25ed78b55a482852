# METADATA
# title: Database port published on all interfaces
# description: A service publishes a well-known database or cache port (PostgreSQL 5432, MySQL 3306, MongoDB 27017, Redis 6379, Elasticsearch 9200, Memcached 11211, Cassandra 9042, CouchDB 5984, MSSQL 1433, ClickHouse 8123, etcd 2379, Neo4j 7687, ArangoDB 8529, CockroachDB 26257, Oracle 1521) without binding it to a specific host address.
# custom:
#   id: compose-database-port-public
#   severity: medium
#   kinds: [compose]
#   cwe: [668]
#   owasp: ["A05:2021"]
#   owasp_llm: []
#   ssdf: ["PW.9.1"]
#   rationale: Docker publishes such ports on every host interface and inserts firewall rules that bypass ufw/firewalld, so the database is reachable from the network - a leading cause of ransomed MongoDB, Redis and Elasticsearch instances.
#   remediation: Do not publish database ports (services on the same network reach each other by name), or bind them to 127.0.0.1.
#   references: ["https://docs.docker.com/reference/compose-file/services/#ports", "https://docs.docker.com/engine/network/packet-filtering-firewalls/"]
#   examples:
#     fail:
#       - |
#         services:
#           db:
#             image: postgres:16.4
#             ports:
#               - "5432:5432"
#       - |
#         services:
#           cache:
#             image: redis:7.4
#             ports:
#               - target: 6379
#                 published: 6379
#     pass:
#       - |
#         services:
#           db:
#             image: postgres:16.4
#             ports:
#               - "127.0.0.1:5432:5432"
#           web:
#             image: nginx:1.27
#             ports: ["8080:80"]
package rampart.compose.database_port_public

import data.rampart.lib.ci_compose as dc
import rego.v1

db_ports := {5432, 3306, 27017, 27018, 6379, 9200, 9300, 11211, 9042, 5984, 1433, 8123, 2379, 7687, 8529, 26257, 5433, 1521}

deny contains result if {
	some p in dc.ports
	dc.all_interfaces(p)
	some n in db_ports
	dc.covers(p.target, n)
	result := {"msg": sprintf("%s publishes database port %d on all interfaces", [p.resource.address, n]), "resource": p.resource.address, "attribute": p.attribute}
}

//! The rules of the `image` scanner, one data entry each: checks of the image config and of
//! what the final file view ships.

use rampart_core::{Confidence, Rule, Severity};

pub const RUNS_AS_ROOT: &str = "image/runs-as-root";
pub const SENSITIVE_ENV: &str = "image/sensitive-env";
pub const BUILD_ARG_SECRET: &str = "image/build-arg-secret";
pub const ADD_REMOTE_URL: &str = "image/add-remote-url";
pub const SSH_PORT: &str = "image/ssh-port-exposed";
pub const COMPILER: &str = "image/compiler-in-runtime-image";
pub const CUDA_DEVEL: &str = "image/cuda-devel-content";
pub const PACKAGE_MANAGER: &str = "image/package-manager-in-final-image";

struct Spec {
    id: &'static str,
    title: &'static str,
    severity: Severity,
    confidence: Confidence,
    cwe: &'static [u32],
    owasp: &'static [&'static str],
    ssdf: &'static [&'static str],
    description: &'static str,
    rationale: &'static str,
    example: &'static str,
    remediation: &'static str,
    references: &'static [&'static str],
}

const SPECS: &[Spec] = &[
    Spec {
        id: RUNS_AS_ROOT,
        title: "Container runs as root",
        severity: Severity::Medium,
        confidence: Confidence::High,
        cwe: &[250],
        owasp: &["A05:2021"],
        ssdf: &["PW.9.1"],
        description: "The image config sets no `User`, or sets `root` / `0`: the container's main \
process runs as root unless the platform overrides it.",
        rationale: "A process that is compromised (a deserialisation bug, a malicious model file, \
an RCE in the web framework) has root inside the container: it can change any file of the image, \
install tools, and it is one kernel or runtime bug away from root on the node.",
        example: "FROM python:3.12-slim\nCOPY app /app\nCMD [\"python\", \"/app/main.py\"]   # no USER",
        remediation: "Create an unprivileged user and switch to it: `RUN useradd -r -u 10001 app` then \
`USER 10001` (a numeric id lets Kubernetes `runAsNonRoot` verify it). Distroless images offer a \
`:nonroot` variant.",
        references: &[
            "https://docs.docker.com/build/building/best-practices/#user",
            "https://cwe.mitre.org/data/definitions/250.html",
            "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        ],
    },
    Spec {
        id: SENSITIVE_ENV,
        title: "Credential-like value in the image environment",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[798, 538],
        owasp: &["A07:2021", "A05:2021"],
        ssdf: &["PS.1.1"],
        description: "An `ENV` variable whose name says it holds a credential (`*PASSWORD*`, \
`*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*ACCESS_KEY*`, `*PRIVATE_KEY*`) has a non-empty value baked \
into the image config. Known token formats in any variable are reported by the secrets rules too.",
        rationale: "The image config is readable by anyone who can pull the image (`docker inspect`, \
the registry API); every container also exposes it to every process in `/proc/1/environ`.",
        example: "ENV DB_PASSWORD=hunter2-prod",
        remediation: "Remove the variable from the Dockerfile, rotate the credential, and inject it at \
run time (orchestrator secrets, a mounted file, a secrets manager). Use `RUN --mount=type=secret` \
for build-time needs.",
        references: &[
            "https://docs.docker.com/build/building/secrets/",
            "https://cwe.mitre.org/data/definitions/798.html",
        ],
    },
    Spec {
        id: BUILD_ARG_SECRET,
        title: "Credential-like build argument recorded in the image history",
        severity: Severity::High,
        confidence: Confidence::Medium,
        cwe: &[798, 538],
        owasp: &["A07:2021"],
        ssdf: &["PS.1.1"],
        description: "A `RUN` step of the image history records a build argument whose name says it \
holds a credential (`|2 NPM_TOKEN=… PIP_PASSWORD=… /bin/sh -c …`): docker and BuildKit write the \
values of the `ARG`s a `RUN` used into the history.",
        rationale: "`docker history --no-trunc` shows the value to anyone who can pull the image, even \
though no layer file contains it.",
        example: "ARG NPM_TOKEN\nRUN npm ci   # history: |1 NPM_TOKEN=npm_abc… /bin/sh -c npm ci",
        remediation: "Rotate the credential. Pass it with `RUN --mount=type=secret,id=npm_token` \
instead of `ARG`, so it is never recorded.",
        references: &[
            "https://docs.docker.com/reference/dockerfile/#arg",
            "https://docs.docker.com/build/building/secrets/",
        ],
    },
    Spec {
        id: ADD_REMOTE_URL,
        title: "ADD of a remote URL in the image history",
        severity: Severity::Medium,
        confidence: Confidence::High,
        cwe: &[494, 829],
        owasp: &["A08:2021"],
        ssdf: &["PW.4.1"],
        description: "A layer was made by `ADD https://…`: the file was downloaded at build time \
without a checksum the history shows.",
        rationale: "Whatever the URL served at build time is in the image; a compromised or changed \
server silently changes the image, and the build cannot be reproduced or verified.",
        example: "ADD https://example.com/tool.tar.gz /opt/",
        remediation: "Download with a pinned checksum (`ADD --checksum=sha256:… URL`, or `RUN curl … && \
echo \"<sha256>  file\" | sha256sum -c`), or copy a vendored, verified file.",
        references: &[
            "https://docs.docker.com/reference/dockerfile/#add",
            "https://cwe.mitre.org/data/definitions/494.html",
        ],
    },
    Spec {
        id: SSH_PORT,
        title: "Image exposes the SSH port",
        severity: Severity::Low,
        confidence: Confidence::High,
        cwe: &[284],
        owasp: &["A05:2021"],
        ssdf: &["PW.9.1"],
        description: "The image config exposes port 22/tcp.",
        rationale: "An SSH daemon in a container is an extra, rarely patched login surface with its own \
credentials; `docker exec` / `kubectl exec` already give audited access.",
        example: "EXPOSE 22",
        remediation: "Remove `EXPOSE 22` and the SSH server; use `kubectl exec` or `docker exec`.",
        references: &["https://docs.docker.com/reference/dockerfile/#expose"],
    },
    Spec {
        id: COMPILER,
        title: "Compiler toolchain shipped in the image",
        severity: Severity::Low,
        confidence: Confidence::High,
        cwe: &[1164],
        owasp: &["A05:2021"],
        ssdf: &["PW.9.1"],
        description: "The final file view contains a compiler toolchain (gcc/g++, clang/LLVM, the Go \
toolchain, rustc/cargo). The finding gives the bytes its files add and the layers that added them.",
        rationale: "A runtime image needs the built program, not the tools that built it. Compilers \
add hundreds of megabytes and their own advisories, and let an attacker who gets a shell build \
exploits inside the container.",
        example: "FROM python:3.12\nRUN apt-get install -y build-essential && pip install -r requirements.txt",
        remediation: "Build in a first stage and copy only the results into a runtime stage \
(`FROM … AS build` then `COPY --from=build`), on a slim or distroless base.",
        references: &["https://docs.docker.com/build/building/multi-stage/"],
    },
    Spec {
        id: CUDA_DEVEL,
        title: "CUDA development content shipped in an inference image",
        severity: Severity::Low,
        confidence: Confidence::High,
        cwe: &[1164],
        owasp: &["A05:2021"],
        ssdf: &["PW.9.1"],
        description: "The final file view contains CUDA `-devel` content: the `nvcc` compiler, the CUDA \
headers (`/usr/local/cuda*/include`) or static libraries (`lib*_static.a`). The finding gives the \
bytes each part adds.",
        rationale: "Inference needs the CUDA runtime libraries only. `-devel` content typically adds \
gigabytes, slows every pull and cold start, and carries advisories for tools never used at run time.",
        example: "FROM nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04\nCOPY model /model",
        remediation: "Compile in a `-devel` stage and run on the matching `-runtime` (or `-base`) image, \
copying only the built artefacts.",
        references: &[
            "https://docs.nvidia.com/cuda/cuda-installation-guide-linux/",
            "https://docs.docker.com/build/building/multi-stage/",
        ],
    },
    Spec {
        id: PACKAGE_MANAGER,
        title: "Package manager in the final image",
        severity: Severity::Info,
        confidence: Confidence::High,
        cwe: &[1164],
        owasp: &["A05:2021"],
        ssdf: &["PW.9.1"],
        description: "The final file view contains a package manager (pip, npm, apt/dpkg, apk, \
dnf/yum/microdnf), with the bytes it adds.",
        rationale: "A package manager lets anyone with a shell in the container install tools; \
distroless and scratch-based images leave it out.",
        example: "FROM python:3.12-slim   # ships pip and apt",
        remediation: "Use a distroless or minimal runtime base, or remove the package manager in the \
last stage when nothing needs it at run time.",
        references: &["https://github.com/GoogleContainerTools/distroless"],
    },
];

/// Every rule of the image scanner.
pub fn rules() -> Vec<Rule> {
    SPECS
        .iter()
        .map(|s| Rule {
            rationale: s.rationale.to_string(),
            example: Some(s.example.to_string()),
            remediation: s.remediation.to_string(),
            references: s.references.iter().map(|r| r.to_string()).collect(),
            cwe: s.cwe.to_vec(),
            owasp: s.owasp.iter().map(|r| r.to_string()).collect(),
            ssdf: s.ssdf.iter().map(|r| r.to_string()).collect(),
            tags: vec!["container".into()],
            ..Rule::new(
                s.id,
                "image",
                s.title,
                s.severity,
                s.confidence,
                s.description,
            )
        })
        .collect()
}

/// The rule with `id`; ids come from the constants above.
pub fn rule(id: &str) -> Rule {
    rules()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| Rule::new(id, "image", id, Severity::Info, Confidence::Low, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_documented_and_unique() {
        let rules = rules();
        let mut reg = rampart_core::RuleRegistry::new();
        for r in &rules {
            assert!(r.id.starts_with("image/"));
            assert!(!r.rationale.is_empty() && !r.remediation.is_empty() && !r.cwe.is_empty());
            assert!(!r.owasp.is_empty() && !r.ssdf.is_empty() && !r.references.is_empty());
            reg.insert(r.clone()).unwrap();
        }
        assert_eq!(rules.len(), SPECS.len());
    }
}

# rampart as a small container image: one static (musl) binary on an empty base image.
#
#   docker build -t rampart .
#   docker run --rm -v "$PWD:/src:ro" rampart scan /src
#
# The builder is pinned by digest (the readable tag is kept beside it; Renovate or Dependabot
# keep both current). The final image is `scratch`: no shell, no package manager, no libc, and
# nothing else for a scanner to find. rampart's own IaC rules check this file in
# crates/rampart/tests/cli_dockerfile.rs.
FROM rust:1.95-alpine@sha256:606fd313a0f49743ee2a7bd49a0914bab7deedb12791f3a846a34a4711db7ed2 AS build
RUN apk add --no-cache musl-dev gcc
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates ./crates
# musl is the default target on Alpine, so the binary links statically.
RUN cargo build --release --locked -p rampart \
    && cp target/release/rampart /rampart

FROM scratch
COPY --from=build /rampart /rampart
# The distroless "nonroot" ids: no user database is needed for a numeric USER.
USER 65532:65532
WORKDIR /src
# A command-line scanner has no service to probe; the check proves the binary still runs
# (exec form: the image has no shell).
HEALTHCHECK --interval=5m --timeout=10s CMD ["/rampart", "--version"]
ENTRYPOINT ["/rampart"]
CMD ["--help"]

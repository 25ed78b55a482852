"""Private keys: PEM (RSA, EC, DSA, PKCS#8, encrypted), OpenSSH, PGP, PuTTY, keys in JSON/XML/JWK,
WireGuard, OpenVPN, wallet keys."""
import base64
import json

from rulegen import END_B64, END_B64URL, G, SEP, NAME, contextual, rule

TITLE = "private keys (private-keys)"
T = ["private-key"]
BODY = r"[A-Za-z0-9+/=\s:,-]{64,}?"
KEY_REVOKE = ("Treat the key as compromised: remove it from wherever it is trusted (authorized_keys, the CA / "
              "certificate — revoke the certificate, cloud IAM, GitHub deploy keys, TLS endpoints), generate a new "
              "key pair, deploy the new public key / certificate, and purge the private key from the repository "
              "history. Never commit private keys; load them from a secret store at runtime.")


def lines(s: str, width=64) -> str:
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def pem(label: str, body: str) -> str:
    return f"-----BEGIN {label}-----\n{lines(body)}\n-----END {label}-----\n"


def rsa_body(g: G) -> str:
    return "MIIEpAIBAAKCAQEA" + g.b64(1570) + "=="


def pkcs8_body(g: G) -> str:
    return "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + g.b64(1540) + "="


def openssh_body(g: G) -> str:
    raw = b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + g.bytes(260)
    return base64.b64encode(raw).decode()


def pem_rule(id, title, label, make, *, severity="critical", extra_desc="", keyword=None, extra_neg=()):
    kw = keyword or f"BEGIN {label}"
    return rule(
        id, title, keywords=[kw],
        regex=f"(-----BEGIN {label}-----{BODY}-----END {label}-----)",
        severity=severity, confidence="high", tags=T,
        description=f"A PEM `{label}` block with its body.{extra_desc}",
        rationale="A private key lets anyone impersonate its owner: decrypt TLS traffic, sign code or tokens, log in over SSH.",
        remediation=KEY_REVOKE, references=["https://datatracker.ietf.org/doc/html/rfc7468", "https://cwe.mitre.org/data/definitions/321.html"],
        positive=lambda g: [pem(label, make(g)), f'key = """\n{pem(label, make(g))}"""'],
        negative=[f"-----BEGIN {label}-----\n...\n-----END {label}-----",
                  f"-----BEGIN {label}-----\n<your key here>\n-----END {label}-----",
                  f"# paste the -----BEGIN {label}----- block into the secret store",
                  *extra_neg])


def rules():
    R = []
    R.append(pem_rule("private-key-rsa", "RSA private key (PKCS#1 PEM)", "RSA PRIVATE KEY", rsa_body,
                      extra_desc=" Legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED`) is included; it is still crackable offline.",
                      extra_neg=[lambda g: pem("PUBLIC KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + g.b64(320))]))
    R.append(pem_rule("private-key-ec", "EC private key (SEC1 PEM)", "EC PRIVATE KEY", lambda g: "MHcCAQEEI" + g.b64(150) + "=="))
    R.append(pem_rule("private-key-dsa", "DSA private key (PEM)", "DSA PRIVATE KEY", lambda g: "MIIBuwIBAAKBgQ" + g.b64(570) + "=", severity="high"))
    R.append(pem_rule("private-key-pkcs8", "PKCS#8 private key (PEM)", "PRIVATE KEY", pkcs8_body, keyword="BEGIN PRIVATE KEY",
                      extra_desc=" This is the form used by most tools (OpenSSL 3, GCP service accounts, Java keystores exports).",
                      extra_neg=[lambda g: pem("CERTIFICATE", "MIIDXTCCAkWgAwIBAgIJA" + g.b64(800))]))
    R.append(pem_rule("private-key-pkcs8-encrypted", "Encrypted PKCS#8 private key (PEM)", "ENCRYPTED PRIVATE KEY",
                      lambda g: "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI" + g.b64(1700) + "=", severity="high",
                      extra_desc=" The key is passphrase-protected, but weak passphrases are cracked offline and the passphrase often sits next to it."))
    R.append(pem_rule("private-key-openssh", "OpenSSH private key", "OPENSSH PRIVATE KEY", openssh_body,
                      extra_desc=" (`openssh-key-v1` format; may or may not be passphrase-protected).",
                      extra_neg=["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0pWq2f9x7s3GkqTZb8eYw9HvV3c2LkQm1nPrS5tUvW deploy@ci"]))
    R.append(pem_rule("private-key-ssh2", "SSH2 (ssh.com / Tectia) private key", "SSH2 ENCRYPTED PRIVATE KEY",
                      lambda g: "P2/56wAAA" + g.b64(900) + "=", severity="high"))

    def pgp(g: G) -> str:
        body = "lQOYBGZ" + g.b64(1400)
        return f"-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: GPGTools - https://gpgtools.org\n\n{lines(body)}\n={g.b64(4)}\n-----END PGP PRIVATE KEY BLOCK-----\n"
    R.append(rule(
        "private-key-pgp", "PGP private key block", keywords=["BEGIN PGP PRIVATE KEY BLOCK"],
        regex=r"(-----BEGIN PGP PRIVATE KEY BLOCK-----[A-Za-z0-9+/=\s:,.()@<>_'!?-]{64,}?-----END PGP PRIVATE KEY BLOCK-----)",
        severity="critical", tags=T,
        description="An ASCII-armored OpenPGP secret key block.",
        remediation="Revoke the key: publish its revocation certificate (`gpg --gen-revoke` / `gpg --import revoke.asc && gpg --send-keys`), remove it from package-signing and git-signing configuration, create a new key and re-sign what must stay trusted.",
        references=["https://datatracker.ietf.org/doc/html/rfc4880#section-6.2", "https://www.gnupg.org/gph/en/manual/c14.html"],
        positive=lambda g: [pgp(g), "gpg_private_key: |\n  " + pgp(g).replace("\n", "\n  ")],
        negative=["-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBGZ\n-----END PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----"]))

    def ppk(g: G, enc="none") -> str:
        pub = g.b64(68)
        priv = g.b64(44)
        return (f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: {enc}\nComment: eddsa-key-2025\nPublic-Lines: 2\n"
                f"AAAAC3NzaC1lZDI1NTE5AAAAI{pub[:39]}\n{pub[39:]}\nPrivate-Lines: 1\nAAAAI{priv}\nPrivate-MAC: {g.hex(64)}\n")
    R.append(rule(
        "private-key-putty", "PuTTY private key (PPK)", keywords=["PuTTY-User-Key-File-"],
        regex=r"PuTTY-User-Key-File-[23]: [^\r\n]{1,100}[\s\S]{0,8000}?Private-Lines: [0-9]{1,3}\r?\n(?P<secret>[A-Za-z0-9+/=\r\n]{20,}?)\r?\nPrivate-MAC:",
        severity="critical", tags=T,
        description="A PuTTY `.ppk` private key file (v2 or v3); the finding is the private part.",
        remediation=KEY_REVOKE,
        references=["https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html"],
        positive=lambda g: [ppk(g), ppk(g, "aes256-cbc").replace("\nPublic-Lines", "\nKey-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 21\nArgon2-Parallelism: 1\nArgon2-Salt: " + g.hex(32) + "\nPublic-Lines")],
        negative=["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: docs\nPublic-Lines: 2\nAAAA\nAAAA\n"]))

    def json_key(g: G) -> str:
        body = "\\n".join(lines(pkcs8_body(g)).split("\n"))
        return f"-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n"
    R.append(rule(
        "private-key-json-escaped", "Private key inside a JSON / env string (escaped newlines)", keywords=["PRIVATE KEY-----\\n"],
        regex=r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----(?:\\r)?\\n[A-Za-z0-9+/=\\]{64,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----)",
        severity="critical", tags=T,
        description="A PEM private key stored on one line with `\\n` escapes, as in JSON key files, `.env` values and YAML strings.",
        remediation=KEY_REVOKE,
        references=["https://datatracker.ietf.org/doc/html/rfc7468", "https://cloud.google.com/iam/docs/keys-create-delete"],
        positive=lambda g: ['{"client_email": "svc@proj.iam.gserviceaccount.com", "private_key": "%s"}' % json_key(g),
                            'JWT_PRIVATE_KEY="%s"' % json_key(g).replace("BEGIN PRIVATE", "BEGIN RSA PRIVATE").replace("END PRIVATE", "END RSA PRIVATE")],
        negative=['"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"', '"private_key": "-----BEGIN PRIVATE KEY-----\\n<key>\\n-----END PRIVATE KEY-----"']))
    R.append(rule(
        "private-key-xml-rsa", ".NET XML RSA private key", keywords=["<RSAKeyValue>"],
        regex=r"<RSAKeyValue>[\s\S]{0,3000}?<D>(?P<secret>[A-Za-z0-9+/=\s]{100,})</D>",
        severity="critical", tags=T,
        description="An RSA private key in .NET `RSAKeyValue` XML (the `<D>` private exponent is present).",
        remediation=KEY_REVOKE, references=["https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.rsa.toxmlstring"],
        positive=lambda g: [f"<RSAKeyValue><Modulus>{g.b64(342)}==</Modulus><Exponent>AQAB</Exponent><P>{g.b64(171)}=</P><D>{g.b64(342)}==</D></RSAKeyValue>",
                            f"<RSAKeyValue>\n  <Modulus>{g.b64(170)}=</Modulus>\n  <Exponent>AQAB</Exponent>\n  <D>{g.b64(170)}=</D>\n</RSAKeyValue>"],
        negative=[lambda g: f"<RSAKeyValue><Modulus>{g.b64(342)}==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"]))
    R.append(rule(
        "private-key-jwk", "Private JSON Web Key (JWK)", keywords=['"kty"'],
        regex=r'''"kty"\s{0,3}:\s{0,3}"(?:RSA|EC|OKP)"[^{}]{0,3000}?"d"\s{0,3}:\s{0,3}"(?P<secret>[A-Za-z0-9_-]{40,})"''',
        severity="critical", tags=T,
        description="A JSON Web Key with its private member `d` (RSA, EC or OKP/Ed25519).",
        remediation=KEY_REVOKE + " Remove the key id (`kid`) from the published JWKS so tokens signed with it stop validating.",
        references=["https://datatracker.ietf.org/doc/html/rfc7517", "https://datatracker.ietf.org/doc/html/rfc7518#section-6.2.2.1"],
        positive=lambda g: [json.dumps({"kty": "EC", "crv": "P-256", "x": g.b64url(43), "y": g.b64url(43), "d": g.b64url(43), "kid": g.hex(8)}),
                            json.dumps({"kty": "OKP", "crv": "Ed25519", "x": g.b64url(43), "d": g.b64url(43)}, indent=2)],
        negative=[lambda g: json.dumps({"kty": "EC", "crv": "P-256", "x": g.b64url(43), "y": g.b64url(43)})]))
    R.append(rule(
        "wireguard-private-key", "WireGuard private key", keywords=["privatekey"],
        regex=r"(?i:privatekey)\s{0,3}=\s{0,3}(?P<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)" + END_B64,
        severity="critical", tags=T,
        description="A WireGuard interface private key (`PrivateKey = ...` in a wg-quick config).",
        remediation="Generate a new key pair (`wg genkey | tee priv | wg pubkey`), replace the peer's public key on every other peer, and remove the old config from the repository.",
        references=["https://www.wireguard.com/quickstart/"],
        positive=lambda g: [f"[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = {g.b64(42)}A=\nDNS = 1.1.1.1", f"privatekey={g.b64(42)}Q="],
        negative=[lambda g: f"[Peer]\nPublicKey = {g.b64(42)}A=", "PrivateKey = <client-private-key>"]))
    R.append(rule(
        "openvpn-static-key", "OpenVPN static key", keywords=["BEGIN OpenVPN Static key"],
        regex=r"(-----BEGIN OpenVPN Static key V1-----[0-9a-f\s]{256,}?-----END OpenVPN Static key V1-----)",
        severity="high", tags=T,
        description="An OpenVPN static key (`tls-auth` / `tls-crypt` / static-key mode).",
        remediation="Generate a new key (`openvpn --genkey secret ta.key`), distribute it to server and clients, and remove the old one from the repository.",
        references=["https://openvpn.net/community-resources/reference-manual-for-openvpn-2-6/"],
        positive=lambda g: ["-----BEGIN OpenVPN Static key V1-----\n" + "\n".join(g.hex(32) for _ in range(16)) + "\n-----END OpenVPN Static key V1-----",
                            "<tls-crypt>\n-----BEGIN OpenVPN Static key V1-----\n" + "\n".join(g.hex(32) for _ in range(16)) + "\n-----END OpenVPN Static key V1-----\n</tls-crypt>"],
        negative=["-----BEGIN OpenVPN Static key V1-----\n...\n-----END OpenVPN Static key V1-----"]))
    R.append(contextual(
        "crypto-wallet-private-key", "Cryptocurrency wallet private key (hex)", r"(?:wallet|eth|ethereum|evm|signer|deployer|mnemonic|solana|bitcoin|btc)[A-Za-z0-9_.-]{0,20}priv(?:ate)?",
        r"(?:0x)?[a-f0-9]{64}", lambda g: "0x" + g.hex(64), env="DEPLOYER_PRIVATE_KEY", words=r"[_.-]?key|key",
        keywords=["priv"], severity="critical", confidence="medium", min_entropy=3.5,
        what="A 32-byte hex private key of an Ethereum/EVM (or similar) wallet or signer.",
        remediation="Move every asset to a new wallet generated offline immediately (the old key cannot be revoked), rotate contract roles held by the address, and use a hardware wallet / KMS signer.",
        references=["https://ethereum.org/en/developers/docs/accounts/#account-creation"], tags=T))
    return R

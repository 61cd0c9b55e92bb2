"""Signed checkpoints: the C2SP checkpoint body in a C2SP signed note, signed with Ed25519.

A checkpoint is the text ``<origin>\\n<tree size>\\n<base64 root hash>\\n``
followed by a blank line and signature lines ``— <key name> <base64(key id ‖
signature)>``. Keys use the signed-note encodings: the verifier key
``<name>+<key id hex>+<base64(0x01 ‖ public key)>`` and the signer key
``PRIVATE+KEY+<name>+<key id hex>+<base64(0x01 ‖ seed)>``, where the key id
is the first 4 bytes of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import LedgerError, LedgerTampered

__all__ = [
    "Checkpoint",
    "KeyPair",
    "generate_keys",
    "key_name",
    "parse_checkpoint",
    "read_key",
    "sign_checkpoint",
    "verifier_of",
    "verify_checkpoint",
]

ED25519 = b"\x01"
DASH = "\u2014 "


@dataclass(frozen=True, slots=True)
class KeyPair:
    """A signer key (keep secret) and its verifier key (publish), both as text."""

    signer: str
    verifier: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A parsed checkpoint: what it commits to and its signature lines as written."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...]
    body: str
    signatures: tuple[tuple[str, bytes], ...]
    text: str


def _key_id(name: str, key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + key).digest()[:4]


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise LedgerError(
            f"key name {name!r} is not allowed",
            None,
            "Use a name without spaces or '+', e.g. newsroom.example.",
        )


def generate_keys(name: str) -> KeyPair:
    """A new Ed25519 key pair named ``name`` in signed-note encoding."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    _check_name(name)
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    public = ED25519 + private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    kid = _key_id(name, public).hex()
    return KeyPair(
        signer=f"PRIVATE+KEY+{name}+{kid}+{base64.b64encode(ED25519 + seed).decode()}",
        verifier=f"{name}+{kid}+{base64.b64encode(public).decode()}",
    )


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise LedgerError(f"{what} is not valid base64", None) from exc


def _parse_key(text: str, private: bool, where: str) -> tuple[str, bytes, bytes]:
    """(name, key id, key bytes without the algorithm byte)."""
    text = text.strip()
    if private:
        if not text.startswith("PRIVATE+KEY+"):
            raise LedgerError("this is not a signer key", where, "Make one with ledger keygen.")
        text = text.removeprefix("PRIVATE+KEY+")
    # The base64 key data may itself contain '+', so split only twice.
    parts = text.split("+", 2)
    if len(parts) != 3:
        raise LedgerError("this is not a verifier key", where, "Use the .pub file from keygen.")
    name, kid_hex, data = parts
    raw = _b64(data, "the key")
    if raw[:1] != ED25519 or len(raw) != 33:
        raise LedgerError("the key is not an Ed25519 key", where)
    try:
        kid = bytes.fromhex(kid_hex)
    except ValueError as exc:
        raise LedgerError("the key id is not hex", where) from exc
    return name, kid, raw[1:]


def key_name(verifier: str) -> str:
    return verifier.strip().split("+")[0]


def sign_checkpoint(origin: str, size: int, root: bytes, signer: str) -> str:
    """The signed note for a tree of ``size`` leaves with ``root``, signed by ``signer``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    name, kid, seed = _parse_key(signer, True, "in the signer key")
    private = Ed25519PrivateKey.from_private_bytes(seed)
    public = private.public_key().public_bytes_raw()
    if _key_id(name, ED25519 + public) != kid:
        raise LedgerError("the signer key's id does not match its key", "in the signer key")
    body = f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"
    signature = private.sign(body.encode())
    return f"{body}\n{DASH}{name} {base64.b64encode(kid + signature).decode()}\n"


def parse_checkpoint(text: str, where: str = "in the checkpoint") -> Checkpoint:
    """Read a signed checkpoint; raises ``LedgerTampered`` when its form is broken."""
    body, sep, sigs = text.partition("\n\n")
    if not sep or not body:
        raise LedgerTampered("the checkpoint has no signature block", where)
    lines = body.split("\n")
    if len(lines) < 3 or not lines[1].isdigit():
        raise LedgerTampered("the checkpoint body is not origin, size, root", where)
    try:
        root = base64.b64decode(lines[2], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise LedgerTampered("the checkpoint's root hash is not base64", where) from exc
    signatures: list[tuple[str, bytes]] = []
    for line in sigs.split("\n"):
        if not line:
            continue
        if not line.startswith(DASH) or line.count(" ") != 2:
            raise LedgerTampered(f"malformed signature line {line!r}", where)
        name, data = line[len(DASH) :].split(" ")
        try:
            signatures.append((name, base64.b64decode(data, validate=True)))
        except (binascii.Error, ValueError) as exc:
            raise LedgerTampered("a checkpoint signature is not base64", where) from exc
    if not sigs.endswith("\n") or not signatures:
        raise LedgerTampered("the checkpoint has no signature", where)
    return Checkpoint(
        origin=lines[0],
        size=int(lines[1]),
        root=root,
        extensions=tuple(lines[3:]),
        body=body + "\n",
        signatures=tuple(signatures),
        text=text,
    )


def verify_checkpoint(text: str, verifier: str, where: str = "in the checkpoint") -> Checkpoint:
    """Parse ``text`` and check it carries a valid signature by ``verifier``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    checkpoint = parse_checkpoint(text, where)
    name, kid, public = _parse_key(verifier, False, "in the verifier key")
    if _key_id(name, ED25519 + public) != kid:
        raise LedgerError("the verifier key's id does not match its key", "in the verifier key")
    key = Ed25519PublicKey.from_public_bytes(public)
    for sig_name, data in checkpoint.signatures:
        if sig_name != name or data[:4] != kid:
            continue
        try:
            key.verify(data[4:], checkpoint.body.encode())
        except InvalidSignature:
            raise LedgerTampered(
                f"the signature by {name} does not match the checkpoint", where
            ) from None
        return checkpoint
    raise LedgerTampered(f"the checkpoint is not signed by {name}", where)


def read_key(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise LedgerError(
            f"cannot read the {what} ({exc.strerror})",
            str(path),
            "Make a key pair with claimledger ledger keygen.",
        ) from exc


def verifier_of(signer: str) -> str:
    """The verifier key matching a signer key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    name, kid, seed = _parse_key(signer, True, "in the signer key")
    public = ED25519 + Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    return f"{name}+{kid.hex()}+{base64.b64encode(public).decode()}"

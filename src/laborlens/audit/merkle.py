"""Merkle tree hashing as in RFC 9162 (Certificate Transparency 2.0), and signed tree heads.

Pure functions, no Django. Hashes are raw ``bytes`` (32 bytes of SHA-256):

- ``leaf_hash(data) = SHA-256(0x00 || data)``, ``node_hash(l, r) = SHA-256(0x01 || l || r)``;
- ``tree_root`` is MTH of RFC 9162 section 2.1.1 (the empty tree's root is SHA-256 of nothing);
- ``inclusion_proof`` / ``verify_inclusion`` follow sections 2.1.3.1 and 2.1.3.2;
- ``consistency_proof`` / ``verify_consistency`` follow sections 2.1.4.1 and 2.1.4.2;
- a ``Frontier`` (the "compact range" of the tree: one hash per complete subtree on the
  right edge, at most log2(n) of them) lets the sealer append leaves and compute the new
  root without reading earlier leaves.

Tree heads are signed with Ed25519. The private key lives outside the database
(``LABORLENS_AUDIT_SIGNING_KEY``: 32 raw bytes, url-safe base64).
"""

from __future__ import annotations

import base64
import hashlib
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()
TREE_HEAD_CONTEXT = b"laborlens-audit-tree-head-v1\n"


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2)."""
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def tree_root(leaves: Sequence[bytes]) -> bytes:
    """MTH(D[n]) over leaf *hashes*."""
    if not leaves:
        return EMPTY_ROOT
    level = list(leaves)
    # Bottom-up is the same as RFC 9162's recursive definition: an odd node at the end of a
    # level is carried up unchanged.
    while len(level) > 1:
        nxt = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]


def inclusion_proof(index: int, leaves: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]) for leaf ``index`` of the tree made of ``leaves`` (leaf hashes)."""
    n = len(leaves)
    if not 0 <= index < n:
        raise ValueError(f"leaf {index} is not in a tree of size {n}")
    if n == 1:
        return []
    k = _split(n)
    if index < k:
        return [*inclusion_proof(index, leaves[:k]), tree_root(leaves[k:])]
    return [*inclusion_proof(index - k, leaves[k:]), tree_root(leaves[:k])]


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 2.1.3.2: does ``proof`` show leaf hash ``leaf`` at ``index`` under ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn = index, size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def consistency_proof(old_size: int, leaves: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]): the tree of ``old_size`` leaves is a prefix of ``leaves``."""
    n = len(leaves)
    if not 0 < old_size <= n:
        raise ValueError(f"no consistency proof from size {old_size} to {n}")
    return _subproof(old_size, leaves, True)


def _subproof(m: int, leaves: Sequence[bytes], complete: bool) -> list[bytes]:
    n = len(leaves)
    if m == n:
        return [] if complete else [tree_root(leaves)]
    k = _split(n)
    if m <= k:
        return [*_subproof(m, leaves[:k], complete), tree_root(leaves[k:])]
    return [*_subproof(m - k, leaves[k:], False), tree_root(leaves[:k])]


def verify_consistency(old_size: int, size: int, old_root: bytes, root: bytes,
                       proof: Sequence[bytes]) -> bool:
    """RFC 9162 2.1.4.2."""
    if old_size == size:
        return not proof and old_root == root
    if not 0 < old_size < size or not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is the first node
        path.insert(0, old_root)
    fn, sn = old_size - 1, size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == root


@dataclass
class Frontier:
    """The right edge of a tree: (subtree size, subtree hash), sizes strictly decreasing."""

    size: int = 0
    nodes: list[tuple[int, bytes]] = field(default_factory=list)

    def append(self, leaf: bytes) -> None:
        self.nodes.append((1, leaf))
        while len(self.nodes) > 1 and self.nodes[-1][0] == self.nodes[-2][0]:
            (width, left), (_, right) = self.nodes[-2], self.nodes[-1]
            self.nodes[-2:] = [(width * 2, node_hash(left, right))]
        self.size += 1

    def root(self) -> bytes:
        if not self.nodes:
            return EMPTY_ROOT
        result = self.nodes[-1][1]
        for _, left in reversed(self.nodes[:-1]):
            result = node_hash(left, result)
        return result

    def to_json(self) -> list[str]:
        return [node.hex() for _, node in self.nodes]

    @classmethod
    def from_json(cls, size: int, hashes: Sequence[str]) -> Frontier:
        widths = [1 << bit for bit in reversed(range(size.bit_length())) if size >> bit & 1]
        if len(widths) != len(hashes):
            raise ValueError(f"a tree of size {size} has {len(widths)} frontier nodes, not {len(hashes)}")
        return cls(size, [(width, bytes.fromhex(h)) for width, h in zip(widths, hashes, strict=True)])

    def copy(self) -> Frontier:
        return Frontier(self.size, list(self.nodes))


# --- signed tree heads -------------------------------------------------------------------


def tree_head_message(size: int, timestamp_ms: int, root: bytes) -> bytes:
    """What is signed: a context string, the size, the time and the root."""
    if len(root) != 32:
        raise ValueError("a tree root is 32 bytes")
    return TREE_HEAD_CONTEXT + struct.pack(">QQ", size, timestamp_ms) + root


def new_signing_key() -> str:
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return base64.urlsafe_b64encode(raw).decode()


def load_signing_key(text: str) -> Ed25519PrivateKey:
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode())
    except (ValueError, TypeError) as error:
        raise ValueError("the audit signing key is not url-safe base64") from error
    if len(raw) != 32:
        raise ValueError("the audit signing key must be 32 bytes (make one with `laborlens keys new`)")
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign_tree_head(key: Ed25519PrivateKey, size: int, timestamp_ms: int, root: bytes) -> bytes:
    return key.sign(tree_head_message(size, timestamp_ms, root))


def verify_tree_head(public_key: bytes, size: int, timestamp_ms: int, root: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, tree_head_message(size, timestamp_ms, root))
    except (InvalidSignature, ValueError):
        return False
    return True

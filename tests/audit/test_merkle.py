"""RFC 9162 hashing, proofs and signed tree heads (pure, no database)."""

from __future__ import annotations

import hashlib

import pytest

from laborlens.audit import merkle


def leaves(n: int) -> list[bytes]:
    return [merkle.leaf_hash(f"event {i}".encode()) for i in range(n)]


def reference_root(hashes: list[bytes]) -> bytes:
    """MTH written exactly as RFC 9162 2.1.1 defines it (recursive split)."""
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return merkle.node_hash(reference_root(hashes[:k]), reference_root(hashes[k:]))


def test_domain_separated_hashes():
    assert merkle.leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()
    assert merkle.node_hash(b"a", b"b") == hashlib.sha256(b"\x01ab").digest()
    assert merkle.tree_root([]) == hashlib.sha256(b"").digest()


def test_rfc6962_test_vector():
    # The 8-leaf vector of the Certificate Transparency reference implementation.
    data = [bytes.fromhex(h) for h in ["", "00", "10", "2021", "3031", "40414243",
                                       "5051525354555657", "606162636465666768696a6b6c6d6e6f"]]
    root = merkle.tree_root([merkle.leaf_hash(d) for d in data])
    assert root.hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"


@pytest.mark.parametrize("n", range(1, 40))
def test_root_frontier_and_reference_agree(n):
    hashes = leaves(n)
    frontier = merkle.Frontier()
    for h in hashes:
        frontier.append(h)
    assert merkle.tree_root(hashes) == reference_root(hashes) == frontier.root()
    again = merkle.Frontier.from_json(n, frontier.to_json())
    assert again.root() == frontier.root()


@pytest.mark.parametrize("n", [1, 2, 3, 5, 7, 8, 13, 32, 33])
def test_inclusion_proofs_verify_and_reject(n):
    hashes = leaves(n)
    root = merkle.tree_root(hashes)
    for index in range(n):
        proof = merkle.inclusion_proof(index, hashes)
        assert merkle.verify_inclusion(index, n, hashes[index], proof, root)
        assert not merkle.verify_inclusion(index, n, merkle.leaf_hash(b"forged"), proof, root)
        if n > 1:
            assert not merkle.verify_inclusion((index + 1) % n, n, hashes[index], proof, root)


@pytest.mark.parametrize(("m", "n"), [(1, 2), (1, 8), (3, 7), (4, 8), (5, 13), (8, 33), (7, 7)])
def test_consistency_proofs_verify_and_reject(m, n):
    hashes = leaves(n)
    old_root, root = merkle.tree_root(hashes[:m]), merkle.tree_root(hashes)
    proof = merkle.consistency_proof(m, hashes)
    assert merkle.verify_consistency(m, n, old_root, root, proof)
    if m < n:
        rewritten = hashes[:m - 1] + [merkle.leaf_hash(b"rewritten")] + hashes[m:]
        assert not merkle.verify_consistency(m, n, merkle.tree_root(rewritten[:m]), root, proof)
        assert not merkle.verify_consistency(m, n, old_root, merkle.tree_root(rewritten), proof)


def test_signed_tree_heads():
    key = merkle.load_signing_key(merkle.new_signing_key())
    public = merkle.public_key_bytes(key)
    root = merkle.tree_root(leaves(5))
    signature = merkle.sign_tree_head(key, 5, 1_700_000_000_000, root)
    assert merkle.verify_tree_head(public, 5, 1_700_000_000_000, root, signature)
    assert not merkle.verify_tree_head(public, 6, 1_700_000_000_000, root, signature)
    assert not merkle.verify_tree_head(public, 5, 1_700_000_000_001, root, signature)
    other = merkle.public_key_bytes(merkle.load_signing_key(merkle.new_signing_key()))
    assert not merkle.verify_tree_head(other, 5, 1_700_000_000_000, root, signature)
    with pytest.raises(ValueError):
        merkle.load_signing_key("dG9vIHNob3J0")

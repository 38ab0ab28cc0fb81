"""Small typed records passed between pipeline stages, and their JSON form.

Every stage consumes and produces these; no stage reaches into another's internals.
The JSON shape (see ``Report.to_json``) is a public contract read by other tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("minor", "major", "critical")
#: 0 for the worst severity: the order views list findings in.
SEVERITY_RANK = {s: len(SEVERITIES) - 1 - k for k, s in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Document:
    """One article as read from disk: decoded text and detected language. ``folded`` counts the
    presentation-form characters (text copied out of a PDF) read as the plain letters,
    ``dropped`` the formatting characters left out (soft hyphens, zero-width spaces, direction
    marks, tatweel), ``references`` the HTML character references decoded (&nbsp; in text
    scraped from a web page). ``url`` is a web page's canonical address ("" for a file that
    is not a page); its ``text`` is then the page's extracted main text."""

    path: str
    lang: str
    text: str
    encoding: str = "utf-8"
    folded: int = 0
    dropped: int = 0
    references: int = 0
    url: str = ""


@dataclass(frozen=True)
class Segment:
    """A sentence (or headline, byline, caption) with character offsets into the original text.

    ``text == document.text[start:end]`` always holds.
    """

    text: str
    start: int
    end: int
    paragraph: int = 0
    # sentence | line (headline, byline, caption: a one-line paragraph) | chrome (the site's
    # "0 Comment(s)", share and newsletter prompts: segment.chrome)
    kind: str = "sentence"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "paragraph": self.paragraph, "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Segment:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]),
                   paragraph=int(data.get("paragraph", 0)), kind=data.get("kind", "sentence"))


@dataclass(frozen=True)
class Link:
    """An alignment bead: source segment ids linked to target segment ids (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float

    @property
    def is_null(self) -> bool:
        return not self.src or not self.tgt

    def to_json(self) -> dict[str, Any]:
        return {"src": list(self.src), "tgt": list(self.tgt), "score": round(float(self.score), 4)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Link:
        return cls(tuple(int(i) for i in data["src"]), tuple(int(j) for j in data["tgt"]),
                   float(data["score"]))


@dataclass(frozen=True)
class Span:
    """A piece of evidence: which side, which segment, and character offsets into the document."""

    side: str  # "src" | "tgt"
    segment: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"side": self.side, "segment": self.segment, "start": self.start,
                "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Finding:
    """One QA observation on an aligned pair or on an unaligned run of segments."""

    kind: str
    severity: str  # minor | major | critical
    confidence: float
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    missing_in: str | None  # "src" | "tgt" | None
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    id: str = ""  # stable across reruns: see checks.run.finding_id
    #: set when a reviewer accepted it: {"comment", "at", "by"} (see ``aligner.baseline``)
    accepted: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        evidence = {k: ([s.to_json() if isinstance(s, Span) else s for s in v]
                        if isinstance(v, list) else (v.to_json() if isinstance(v, Span) else v))
                    for k, v in self.evidence.items()}
        out = {"kind": self.kind, "severity": self.severity,
               "confidence": round(float(self.confidence), 3), "src": list(self.src),
               "tgt": list(self.tgt), "missing_in": self.missing_in, "message": self.message,
               "evidence": evidence}
        if self.id:
            out["id"] = self.id
        if self.accepted is not None:
            out["accepted"] = dict(self.accepted)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        return cls(kind=data["kind"], severity=data["severity"],
                   confidence=float(data["confidence"]), src=tuple(data["src"]),
                   tgt=tuple(data["tgt"]), missing_in=data.get("missing_in"),
                   message=data["message"], evidence=dict(data.get("evidence", {})),
                   id=str(data.get("id", "")),
                   accepted=None if data.get("accepted") is None else dict(data["accepted"]))


@dataclass(frozen=True)
class Side:
    """A document and its segmentation, as aligned."""

    document: Document
    segments: tuple[Segment, ...]

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.segments]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.document.path, "lang": self.document.lang}
        if self.document.url:
            out["url"] = self.document.url
        out["segments"] = [s.to_json() for s in self.segments]
        return out


@dataclass
class Report:
    """An aligned document pair, optionally with QA findings: what every output is built from."""

    signature: dict[str, Any]
    src: Side
    tgt: Side
    links: list[Link]
    findings: list[Finding] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"signature": self.signature, "src": self.src.to_json(),
                               "tgt": self.tgt.to_json(),
                               "links": [link.to_json() for link in self.links]}
        if self.findings is not None:
            out["findings"] = [f.to_json() for f in self.findings]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], texts: tuple[str, str] | None = None) -> Report:
        """Rebuild a report; document text is recovered from segments unless ``texts`` is given."""

        def side(d: dict[str, Any], text: str | None) -> Side:
            segs = tuple(Segment.from_json(s) for s in d["segments"])
            if text is None:
                end = max((s.end for s in segs), default=0)
                buf = [" "] * end
                for s in segs:
                    buf[s.start:s.end] = list(s.text)
                text = "".join(buf)
            return Side(Document(d["path"], d["lang"], text, url=str(d.get("url", ""))), segs)

        src_text, tgt_text = texts if texts else (None, None)
        findings = data.get("findings")
        return cls(signature=dict(data.get("signature", {})), src=side(data["src"], src_text),
                   tgt=side(data["tgt"], tgt_text),
                   links=[Link.from_json(x) for x in data["links"]],
                   findings=None if findings is None else [Finding.from_json(f) for f in findings])


class AlignerError(Exception):
    """A user-facing problem with an input or output: the CLI prints it as one line, exit 2."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def __reduce__(self) -> tuple[type[AlignerError], tuple[str | None, str]]:
        # rebuilt from both fields when it crosses from a worker process to the driver
        return AlignerError, (self.path, self.problem)

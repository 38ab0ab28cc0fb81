"""The seed articles as an outlet publishes them: a page with a header, menus, breadcrumbs, a
share bar, a comment form, related links and a footer around the article, in its language."""

from __future__ import annotations

import html
from pathlib import Path

from conftest import SEEDS

#: The seed pair: the Arabic 004 and its English 000 (both scraped from Diyaruna).
SEED_AR = next(SEEDS.glob("004_*.txt"))
SEED_EN = next(SEEDS.glob("000_*.txt"))
#: Where each seed's article ends and the page's comment widget begins.
_TAIL = {"en": "Do you like this article?", "ar": "هل أعجبك هذا المقال؟"}
_CHROME = {
    "en": {"home": "Home", "share": "Share this article", "comments": "0 Comment(s)",
           "policy": "Comment Policy * Denotes Required Field", "submit": "Submit",
           "related": "Related articles", "newsletter": "Subscribe to our newsletter",
           "rights": "© 2020 Diyaruna. All rights reserved.",
           "other": "US forces strike Iran-backed militia sites in eastern Syria"},
    "ar": {"home": "الرئيسية", "share": "شارك هذا المقال", "comments": "0 تعليق",
           "policy": "سياسة ديارنا بشأن التعليقات * معلومات ضرورية", "submit": "إرسال",
           "related": "مقالات ذات صلة", "newsletter": "اشترك في نشرتنا الإخبارية",
           "rights": "© 2020 ديارنا. جميع الحقوق محفوظة.",
           "other": "القوات الأميركية تقصف مواقع لميليشيات مدعومة من إيران شرقي سوريا"},
}


def seed_paragraphs(seed: Path) -> tuple[list[str], list[str], str, list[str]]:
    """(breadcrumbs, title and byline, article paragraphs, chrome tail) of a seed text."""
    blocks = [b.strip() for b in seed.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    lang = "ar" if seed == SEED_AR else "en"
    end = next(n for n, b in enumerate(blocks) if b.startswith(_TAIL[lang]))
    return blocks[0].splitlines(), blocks[1:3], "\n\n".join(blocks[3:end]), blocks[end:]


def outlet_page(seed: Path, url: str) -> str:
    """The seed article inside realistic outlet markup; a paragraph the seed repeats (an image
    caption scraped with its alt text) becomes a figure with its caption. The article ends with
the outlet's "Do you like this article?", inside the article as outlets place it."""
    lang = "ar" if seed == SEED_AR else "en"
    words = _CHROME[lang]
    crumbs, (title, byline), body, tail = seed_paragraphs(seed)
    e = html.escape
    parts: list[str] = []
    previous = ""
    for paragraph in body.split("\n\n"):
        if paragraph == previous:
            continue
        if body.count(paragraph) > 1:
            parts.append(f'<figure><img src="/img/{len(parts)}.jpg" alt="{e(paragraph)}">'
                         f"<figcaption>{e(paragraph)}</figcaption></figure>")
        elif len(paragraph) < 60 and not paragraph.endswith((".", "؟", "?")):
            parts.append(f"<h2>{e(paragraph)}</h2>")
        else:
            parts.append(f"<p>{e(paragraph)}</p>")
        previous = paragraph
    menu = "".join(f'<li><a href="/{lang}/{n}">{e(c)}</a></li>' for n, c in enumerate(crumbs))
    direction = ' dir="rtl"' if lang == "ar" else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"{direction}><head><meta charset="utf-8">
<title>{e(title)} | Diyaruna</title>
<link rel="canonical" href="{e(url)}">
<meta property="og:title" content="{e(title)}">
<script>window.dataLayer = [];</script>
<style>.share {{ display: flex; }}</style>
</head><body>
<header class="site-header"><a class="logo" href="/{lang}">Diyaruna</a>
<nav class="main-menu"><ul><li><a href="/{lang}">{e(words["home"])}</a></li>{menu}</ul></nav>
</header>
<div class="breadcrumbs">{" › ".join(e(c) for c in crumbs)}</div>
<main><article>
<h1>{e(title)}</h1>
<p class="byline">{e(byline)}</p>
{chr(10).join(parts)}
<p class="rate-article">{e(tail[0])}</p>
</article>
<div class="share-bar"><span>{e(words["share"])}</span>
<a href="https://facebook.com/sharer">Facebook</a> <a href="https://twitter.com/share">Twitter</a>
<a href="mailto:?body={e(url)}">Email</a></div>
<section id="comments" class="comments"><h3>{e(words["comments"])}</h3>
<form action="/comment" method="post"><p>{e(words["policy"])}</p>
<textarea name="comment" maxlength="1500"></textarea><span>1500 / 1500</span>
<button type="submit">{e(words["submit"])}</button></form></section>
<aside class="related"><h3>{e(words["related"])}</h3>
<ul><li><a href="/{lang}/articles/other">{e(words["other"])}</a></li></ul></aside>
</main>
<footer><form class="newsletter"><label>{e(words["newsletter"])}</label><input type="email">
</form><p>{e(words["rights"])}</p></footer>
</body></html>
"""

"""A small synthetic bilingual collection for corpus-run tests: short Arabic/English article pairs
on distinct topics, written as files by the test that needs them."""

from __future__ import annotations

import hashlib
from pathlib import Path

ARTICLES: list[list[tuple[str, str]]] = [
    [("The city council approved a new budget for public schools.",
      "وافق مجلس المدينة على ميزانية جديدة للمدارس العامة."),
     ("Teachers will receive higher salaries starting next year.",
      "سيحصل المعلمون على رواتب أعلى اعتبارا من العام المقبل."),
     ("Parents welcomed the decision at a crowded meeting.",
      "رحب أولياء الأمور بالقرار في اجتماع مزدحم.")],
    [("Heavy rain flooded several villages in the north.",
      "أغرقت الأمطار الغزيرة عدة قرى في الشمال."),
     ("Rescue teams evacuated hundreds of families by boat.",
      "أجلت فرق الإنقاذ مئات العائلات بالقوارب."),
     ("The weather service expects more storms this week.",
      "تتوقع هيئة الأرصاد الجوية مزيدا من العواصف هذا الأسبوع.")],
    [("The national football team won the championship final.",
      "فاز المنتخب الوطني لكرة القدم بنهائي البطولة."),
     ("The captain scored twice in the second half.",
      "سجل القائد هدفين في الشوط الثاني."),
     ("Thousands of fans celebrated in the streets until dawn.",
      "احتفل آلاف المشجعين في الشوارع حتى الفجر.")],
    [("Scientists discovered a new species of frog in the rainforest.",
      "اكتشف العلماء نوعا جديدا من الضفادع في الغابة المطيرة."),
     ("The tiny animal is smaller than a coin.",
      "هذا الحيوان الصغير أصغر من قطعة نقدية."),
     ("Researchers warn that its habitat is shrinking fast.",
      "يحذر الباحثون من أن موطنه يتقلص بسرعة.")],
    [("The central bank raised interest rates again.",
      "رفع البنك المركزي أسعار الفائدة مرة أخرى."),
     ("Inflation reached its highest level in a decade.",
      "بلغ التضخم أعلى مستوى له منذ عقد."),
     ("Economists fear that growth will slow down.",
      "يخشى الاقتصاديون أن يتباطأ النمو.")],
    [("A new museum of modern art opened downtown.",
      "افتتح متحف جديد للفن الحديث في وسط المدينة."),
     ("Its first exhibition shows paintings by young artists.",
      "يعرض معرضه الأول لوحات لفنانين شباب."),
     ("Entry will be free for students on weekends.",
      "سيكون الدخول مجانيا للطلاب في عطلات نهاية الأسبوع.")],
    [("The hospital opened a new wing for children.",
      "افتتح المستشفى جناحا جديدا للأطفال."),
     ("Doctors say waiting times will be much shorter.",
      "يقول الأطباء إن أوقات الانتظار ستكون أقصر بكثير."),
     ("The project was funded by private donations.",
      "تم تمويل المشروع من تبرعات خاصة.")],
    [("Farmers expect a record wheat harvest this summer.",
      "يتوقع المزارعون محصولا قياسيا من القمح هذا الصيف."),
     ("Good rainfall in the spring helped the crops.",
      "ساعدت الأمطار الجيدة في الربيع المحاصيل."),
     ("Prices of bread may fall later in the year.",
      "قد تنخفض أسعار الخبز في وقت لاحق من العام.")],
]


def write_collection(root: Path, n: int = len(ARTICLES)) -> list[tuple[Path, Path]]:
    """Write ``n`` article pairs as ``root/ar/NN.txt`` and ``root/en/NN.txt``; return the pairs."""
    pairs = []
    for k, article in enumerate(ARTICLES[:n]):
        ar = root / "ar" / f"{k:02d}.txt"
        en = root / "en" / f"{k:02d}.txt"
        for path, side in ((ar, 1), (en, 0)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n\n".join(s[side] for s in article) + "\n", encoding="utf-8")
        pairs.append((ar, en))
    return pairs


def digest_outputs(out: Path, names: tuple[str, ...] = (
        "corpus.jsonl", "corpus.tsv", "corpus.ar", "corpus.en", "corpus.tmx",
        "pairs.json")) -> dict[str, str]:
    """sha256 of each derived output, to compare two runs byte for byte."""
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in names}

#!/usr/bin/env python3
"""Write the Wikinews articles of the evaluation data as plain text files, one per article,
for `dyad bench` and `dyad code` on whole news articles.

Run from the repository root:

    python3 scripts/news_articles.py [--shared ../shared] [--output /tmp/news]
    dyad bench /tmp/news/meantime/*.txt
    dyad bench /tmp/news/gum/*.txt

MEANTIME dev articles (eval/meantime-en/dev.jsonl) come as tokens: each sentence is written on
its own line with its tokens joined by spaces. GUM news documents (eval/gum-news/GUM_news_*)
are written from their `# text` lines, one sentence a line. The files are evaluation data:
they are written outside the repository and never committed. Python 3.11, standard library.
"""

import argparse
import json
import sys
from pathlib import Path


def write_meantime(source: Path, output: Path) -> int:
    """Writes one file per MEANTIME article; returns how many."""
    output.mkdir(parents=True, exist_ok=True)
    count = 0
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                doc = json.loads(line)
                sentences = [" ".join(s["tokens"]) for s in doc["sentences"]]
                name = doc["doc_id"]
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                print(f"{source}:{number}: skipped, not a MEANTIME document ({e})", file=sys.stderr)
                continue
            (output / f"{name}.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
            count += 1
    return count


def write_gum(folder: Path, output: Path) -> int:
    """Writes one file per GUM news document; returns how many."""
    output.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(folder.glob("GUM_news_*.conllu")):
        with path.open(encoding="utf-8") as lines:
            text = [line[len("# text = ") :].rstrip("\n") for line in lines if line.startswith("# text = ")]
        (output / f"{path.stem}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
        count += 1
    return count


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    ap.add_argument("--output", type=Path, default=Path("/tmp/news"), help="where to write the articles")
    args = ap.parse_args()
    meantime = args.shared / "eval/meantime-en/dev.jsonl"
    gum = args.shared / "eval/gum-news"
    for needed in (meantime, gum):
        if not needed.exists():
            print(f"{needed}: not found", file=sys.stderr)
            return 1
    m = write_meantime(meantime, args.output / "meantime")
    g = write_gum(gum, args.output / "gum")
    print(f"wrote {m} MEANTIME articles to {args.output / 'meantime'} and {g} GUM news documents to {args.output / 'gum'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

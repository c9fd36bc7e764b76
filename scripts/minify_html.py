#!/usr/bin/python3
"""Copies web/index.html into the build without what only its readers need: the indentation of every line and
the lines that are only a `//` comment (the page has no template literals or multi-line strings, so this changes
no behaviour). About 10 % of the page's gzip size. Usage: minify_html.py IN OUT"""
import sys

lines = []
for line in open(sys.argv[1], encoding="utf-8"):
    text = line.strip()
    if text and not text.startswith("// "):
        lines.append(text)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")

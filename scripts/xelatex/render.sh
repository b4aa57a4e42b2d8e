#!/bin/sh
# scripts/xelatex/render.sh [NAME...]: fixtures/pdf-src/corpus-NAME.json set by XeLaTeX (ctex, its
# Fandol fonts) into fixtures/pdf/corpus-NAME.xelatex.pdf, as a document typeset in TeX is: the
# source laid out by scripts/itext/to-ir.mjs, that layout written as LaTeX by ir-to-tex.mjs.
# Needs Debian's texlive-xetex, texlive-lang-chinese and texlive-latex-recommended.
# What it carries: xdvipdfmx's text (CID fonts, each glyph placed by TeX), every rule a filled
# rectangle, vertical rules in pieces row by row, wide tables on pages /Rotate'd by pdflscape.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ $# -gt 0 ] || set -- guizhou-office-2023-final haidong-city-2025-budget linxia-city-2023-final qinghai-province-2023-final weihai-huancui-2023-final
for n in "$@"; do
  node "$ROOT/scripts/itext/to-ir.mjs" "$ROOT/fixtures/pdf-src/corpus-$n.json" > "$WORK/$n.ir"
  node "$HERE/ir-to-tex.mjs" "$WORK/$n.ir" > "$WORK/$n.tex"
  # twice: longtable settles its columns' widths on the second run
  for run in 1 2; do (cd "$WORK" && xelatex -interaction=nonstopmode -halt-on-error "$n.tex" > "$n.log" 2>&1) || { tail -20 "$WORK/$n.log"; exit 1; }; done
  cp "$WORK/$n.pdf" "$ROOT/fixtures/pdf/corpus-$n.xelatex.pdf"
  echo "fixtures/pdf/corpus-$n.xelatex.pdf"
done
# and a page whose note is set up its margin, a quarter turn from its text
(cd "$WORK" && xelatex -interaction=nonstopmode -halt-on-error "$HERE/sideways-note.tex" > sideways-note.log 2>&1) || { tail -20 "$WORK/sideways-note.log"; exit 1; }
cp "$WORK/sideways-note.pdf" "$ROOT/fixtures/pdf/sideways-note.xelatex.pdf"
echo "fixtures/pdf/sideways-note.xelatex.pdf"

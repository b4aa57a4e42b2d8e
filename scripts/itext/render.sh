#!/bin/sh
# scripts/itext/render.sh [NAME...]: fixtures/pdf-src/corpus-NAME.json rendered by iText 2.1.7, the
# Java library report engines (JasperReports, FineReport) and finance systems' exports are built on,
# into fixtures/pdf/corpus-NAME.itext.pdf. Needs Debian's libitext-java, a JDK and fonts-wqy-zenhei.
# to-ir.mjs lays a source out line by line; ItextRender.java draws it as a report engine would
# (PdfPTable grids with colspan/rowspan, 0.5 pt borders, repeated headers, landscape pages for wide
# tables, titles in fake bold). What it carries: each Paragraph ends with a space glyph drawn 2 pt
# under its last line at the page's middle, and rows set 1.4 line heights apart.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${ITEXT_JAR:-/usr/share/java/itext.jar}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
javac -nowarn -cp "$JAR" -d "$WORK" "$HERE/ItextRender.java"
[ $# -gt 0 ] || set -- guizhou-office-2023-final haidong-city-2025-budget linxia-city-2023-final qinghai-province-2023-final weihai-huancui-2023-final
for n in "$@"; do
  node "$HERE/to-ir.mjs" "$ROOT/fixtures/pdf-src/corpus-$n.json" > "$WORK/$n.ir"
  java -cp "$JAR:$WORK" ItextRender "$WORK/$n.ir" "$ROOT/fixtures/pdf/corpus-$n.itext.pdf"
  # columns sized by their contents: a column left empty is a few characters wide, so its header
  # wraps two characters a line over six lines, and figures stand flush right in wide cells
  WIDTHS=content node "$HERE/to-ir.mjs" "$ROOT/fixtures/pdf-src/corpus-$n.json" > "$WORK/$n.fitted.ir"
  java -cp "$JAR:$WORK" ItextRender "$WORK/$n.fitted.ir" "$ROOT/fixtures/pdf/corpus-$n.itext-fitted.pdf"
  echo "fixtures/pdf/corpus-$n.itext{,-fitted}.pdf"
done

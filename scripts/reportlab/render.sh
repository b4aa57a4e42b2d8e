#!/bin/sh
# scripts/reportlab/render.sh: the corpus sources rendered by ReportLab (Python; Debian's
# python3-reportlab), as web back ends export report tables, into fixtures/pdf:
#  - corpus-NAME.reportlab.pdf: in STSong-Light, ReportLab's own CJK font, not embedded (the reader
#    has only the CMap, UniGB-UCS2-H; PDFium gives such text boxes of no height);
#  - corpus-NAME.reportlab-narrow.pdf: the same with name columns at most 64 pt wide, so that names
#    wrap and the figure columns grow wide: figures set flush right stand nearer the next column's
#    header than their own, and only the cells' rules say whose they are.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
for n in guizhou-office-2023-final haidong-city-2025-budget linxia-city-2023-final qinghai-province-2023-final weihai-huancui-2023-final; do
  /usr/bin/python3 "$HERE/render.py" "$ROOT/fixtures/pdf-src/corpus-$n.json" "$ROOT/fixtures/pdf/corpus-$n.reportlab.pdf" cid
  RL_NAMECAP=64 /usr/bin/python3 "$HERE/render.py" "$ROOT/fixtures/pdf-src/corpus-$n.json" "$ROOT/fixtures/pdf/corpus-$n.reportlab-narrow.pdf" cid
  echo "fixtures/pdf/corpus-$n.reportlab{,-narrow}.pdf"
done

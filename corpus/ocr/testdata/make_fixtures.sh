#!/usr/bin/env bash
# Makes the OCR test fixtures from the Vietnamese texts in src/ (written for this repo) with the
# producers a scanned archive comes from: LibreOffice prints the text to PDF, pdftoppm rasterises
# it at 300 dpi, ImageMagick degrades the page as a cheap office scanner would (grey, rotated,
# Gaussian noise, 200 dpi, JPEG quality 55), img2pdf wraps the scans as image-only PDFs and
# ImageMagick as a multi-page TIFF; pdfunite joins text pages and scanned pages into one PDF.
# Needs: libreoffice, poppler-utils, imagemagick, img2pdf. Run from anywhere; writes next to itself.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# degrade IN OUT ANGLE [NOISE QUALITY]: a page as a poor scanner and a 200 dpi JPEG make it.
degrade() {
	convert "$1" -colorspace Gray -background white -rotate "$3" -resize 66.667% \
		-attenuate "${4:-0.5}" +noise Gaussian -units PixelsPerInch -density 200 -quality "${5:-55}" "$2"
}

# 1. One contribution, printed by LibreOffice from plain text.
soffice --headless --convert-to pdf --outdir "$tmp" src/trang1.txt >/dev/null
pdftoppm -r 300 -gray -png "$tmp/trang1.pdf" "$tmp/clean"
img2pdf --output scan-clean.pdf "$tmp"/clean-*.png
i=0
for p in "$tmp"/clean-*.png; do
	i=$((i + 1))
	degrade "$p" "$tmp/degraded-$i.jpg" "$( ((i % 2)) && echo 1.5 || echo -2.5)"
done
img2pdf --output scan-degraded.pdf "$tmp"/degraded-*.jpg
cp "$tmp/degraded-1.jpg" page-degraded.jpg
# The worst of the archive: 3° and heavy noise at JPEG quality 50.
degrade "$tmp/clean-1.png" page-harsh.jpg 3 1.2 50

# 2. A two-column page: LibreOffice lays out an HTML table of two text columns.
{
	echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
	head -n1 src/cot.txt | sed 's|.*|<h2>&</h2>|'
	echo '<table width="100%" cellpadding="12"><tr><td width="50%" valign="top">'
	awk 'NR>2 && NF' src/cot.txt | head -n2 | sed 's|.*|<p>&</p>|'
	echo '</td><td width="50%" valign="top">'
	awk 'NR>2 && NF' src/cot.txt | tail -n +3 | sed 's|.*|<p>&</p>|'
	echo '</td></tr></table></body></html>'
} >"$tmp/cot.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$tmp" "$tmp/cot.html" >/dev/null
pdftoppm -r 300 -gray -png -f 1 -l 1 "$tmp/cot.pdf" "$tmp/cot"
cp "$tmp"/cot-1.png two-column.png

# 3. A PDF mixing text pages and a scanned page: LibreOffice prints a document whose last page
# is a scan pasted in as a picture.
degrade "$tmp"/cot-1.png "$tmp/cot-degraded.jpg" 1
{
	echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
	awk 'NF' src/trang1.txt | sed 's|.*|<p>&</p>|'
	echo '<p style="page-break-before: always"><img src="cot-degraded.jpg" width="640"></p></body></html>'
} >"$tmp/mixed.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf --outdir "$tmp" "$tmp/mixed.html" >/dev/null
cp "$tmp/mixed.pdf" mixed.pdf

# 4. A two-page TIFF (one document, a page per frame), as a fax-grade archive keeps it.
convert "$tmp/degraded-1.jpg" "$tmp/cot-degraded.jpg" -threshold 55% -compress Group4 scan.tif
cat src/trang1.txt src/cot.txt >scan.tif.txt

# 5. Bad input: a scan whose JPEG data is damaged halfway (img2pdf only reads the header).
cp page-degraded.jpg "$tmp/broken.jpg"
size=$(stat -c %s "$tmp/broken.jpg")
dd if=/dev/urandom of="$tmp/broken.jpg" bs=1 seek=$((size / 2)) count=4096 conv=notrunc status=none
img2pdf --output corrupt-jpeg.pdf "$tmp/broken.jpg"
: >empty.tif

ls -l corrupt-jpeg.pdf scan-clean.pdf scan-degraded.pdf scan.tif page-degraded.jpg page-harsh.jpg two-column.png mixed.pdf

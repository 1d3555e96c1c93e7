#!/bin/sh
# Regenerates the PDF fixtures of corpus/pdf from the original Vietnamese texts in src/ (written
# for this project). Needs LibreOffice (soffice), Chromium and python3:
#   apt-get install -y libreoffice-writer-nogui chromium fonts-dejavu-core
# Run from this folder: sh make_fixtures.sh; then refresh the goldens with
#   go test ./corpus/pdf -run TestFixtures -update
set -eu
cd "$(dirname "$0")"
out=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. LibreOffice from a UTF-8 .txt.
cp src/baocao.txt "$tmp/lo-txt.txt"
soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf --outdir "$tmp" "$tmp/lo-txt.txt" >/dev/null
cp "$tmp/lo-txt.pdf" "$out/lo-txt.pdf"

# 2. LibreOffice from a flat ODT with a running header and a "Trang N" footer, three pages.
python3 src/make_fodt.py src/body.html "$tmp/lo-hf.fodt"
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/lo-hf.fodt" >/dev/null
cp "$tmp/lo-hf.pdf" "$out/lo-hf.pdf"

# 3. Chromium print-to-pdf with @page header and "Trang N / M" footer.
page() { # $1 extra CSS, $2 output
	{
		printf '<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>\n'
		cat src/common.css
		printf '%s\n</style></head><body>\n' "$1"
		cat src/body.html
		printf '</body></html>\n'
	} >"$tmp/page.html"
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$out/$2" "file://$tmp/page.html" 2>/dev/null
}
page '@page { size: A5; margin: 22mm 16mm;
  @top-center { content: "Hội thảo xây dựng Đảng ở cơ sở"; font: 9pt "DejaVu Sans"; }
  @bottom-center { content: "Trang " counter(page) " / " counter(pages); font: 9pt "DejaVu Sans"; } }' chromium-hf.pdf
page '@page { size: A4; margin: 18mm; } body { columns: 2; column-gap: 10mm; } h1 { column-span: all; }' chromium-twocol.pdf
# 4. Encrypted copies with an owner password only (they open with the empty user password):
# 40-bit RC4, which the parser keys wrongly, 128-bit AES, and 256-bit AES, which it lacks.
qpdf --allow-weak-crypto --encrypt "" owner-secret 40 -- lo-txt.pdf "$out/lo-txt-rc4-40.pdf"
qpdf --encrypt "" owner-secret 128 --use-aes=y -- lo-txt.pdf "$out/lo-txt-aes128.pdf"
qpdf --encrypt "" owner-secret 256 -- lo-txt.pdf "$out/lo-txt-aes256.pdf"
qpdf --encrypt user-secret owner-secret 256 -- lo-txt.pdf "$out/lo-txt-userpw.pdf"
ls -l "$out"/*.pdf

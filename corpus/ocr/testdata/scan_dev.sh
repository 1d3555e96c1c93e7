#!/usr/bin/env bash
# Prints labelled text documents as a scanner would give them back, for scoring OCR with
# ../shared/eval/score: each NAME.gold.json's text file is printed to PDF by LibreOffice,
# rasterised at 300 dpi by pdftoppm, degraded by ImageMagick (grey, rotated 1.5°, Gaussian noise,
# 200 dpi, JPEG quality 55; "clean" keeps the 300 dpi page) and wrapped as an image-only PDF by
# img2pdf. The gold file is copied beside it, naming the PDF. Nothing is written into the repo.
# usage: scan_dev.sh SRC_DIR OUT_DIR [degraded|clean]
set -euo pipefail
src=$1 out=$2 mode=${3:-degraded}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for gold in "$src"/*.gold.json; do
	file=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["file"])' "$gold")
	name=${file%.*}
	soffice --headless --convert-to pdf --outdir "$tmp" "$src/$file" >/dev/null 2>&1
	pdftoppm -r 300 -gray -png "$tmp/$name.pdf" "$tmp/$name"
	pages=()
	for p in "$tmp/$name"-*.png; do
		if [ "$mode" = clean ]; then
			pages+=("$p")
			continue
		fi
		convert "$p" -colorspace Gray -background white -rotate 1.5 -resize 66.667% \
			-attenuate 0.5 +noise Gaussian -units PixelsPerInch -density 200 -quality 55 "${p%.png}.jpg"
		pages+=("${p%.png}.jpg")
	done
	img2pdf --output "$out/$name.pdf" "${pages[@]}"
	python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); g["file"]=sys.argv[2]; json.dump(g, open(sys.argv[3],"w"), ensure_ascii=False)' \
		"$gold" "$name.pdf" "$out/$(basename "$gold")"
done

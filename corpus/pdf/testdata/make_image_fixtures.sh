#!/bin/sh
# Regenerates the scanned-page fixtures of corpus/pdf (images.go, the pdfunite page tree): a
# strip of lo-txt.pdf (the project's own Vietnamese text) rasterised by pdftoppm, stored in a
# PDF by real producers in every form a scanner or converter writes it. Needs poppler-utils,
# imagemagick, img2pdf, libtiff-tools, chromium and python3:
#   apt-get install -y poppler-utils imagemagick img2pdf libtiff-tools chromium
# Run from anywhere: sh corpus/pdf/testdata/make_image_fixtures.sh (writes next to itself, img-*.pdf
# and united.pdf). `pdfimages -list FILE` shows the filter each producer chose.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The page strip: 827×420 grey pixels at 100 dpi.
pdftoppm -r 100 -gray -f 1 -l 1 -singlefile lo-txt.pdf "$tmp/page"
convert "$tmp/page.pgm" -crop 827x420+0+60 +repage "$tmp/grey.png"
convert "$tmp/grey.png" -quality 40 "$tmp/grey.jpg"
convert "$tmp/grey.png" -fill '#8b0000' -tint 60 -type TrueColor "PNG24:$tmp/rgb.png"
convert "$tmp/rgb.png" -quality 40 "$tmp/rgb.jpg"
convert "$tmp/grey.png" -threshold 60% -type Bilevel "$tmp/mono.png"
convert "$tmp/grey.png" -colors 4 -define png:bit-depth=2 -define png:color-type=3 "$tmp/palette.png" 2>/dev/null
convert "$tmp/rgb.png" -colors 8 "PNG8:$tmp/palette-rgb.png"
convert "$tmp/mono.png" -units PixelsPerInch -density 100 -compress Group4 "$tmp/g4.tif"

# img2pdf stores JPEG as DCTDecode, PNG as FlateDecode with PNG predictors (grey, RGB, 1-bit,
# palette), a Group 4 TIFF as CCITTFaxDecode, JPEG 2000 as JPXDecode.
i2p() { img2pdf -s 100dpi --output "$1" "$2"; }
i2p img-dct-grey.pdf "$tmp/grey.jpg"
i2p img-dct-rgb.pdf "$tmp/rgb.jpg"
i2p img-flate-grey.pdf "$tmp/grey.png"
i2p img-flate-rgb.pdf "$tmp/rgb.png"
i2p img-flate-1bit.pdf "$tmp/mono.png"
i2p img-flate-palette.pdf "$tmp/palette.png"
i2p img-flate-palette-rgb.pdf "$tmp/palette-rgb.png"
i2p img-ccitt-img2pdf.pdf "$tmp/g4.tif"
convert "$tmp/grey.png" -resize 50% -quality 25 "$tmp/grey.jp2"
i2p img-jpx.pdf "$tmp/grey.jp2"
img2pdf -s 100dpi --rotation 90 --output img-rotated.pdf "$tmp/grey.jpg"
img2pdf -s 100dpi --rotation 270 --output img-ccitt-rot270.pdf "$tmp/g4.tif"

# libtiff's tiff2pdf: a Group 4 TIFF (CCITT), a Deflate TIFF with the TIFF predictor. (It
# re-encodes Group 3 TIFFs as Group 4, so no producer here writes Group 3 CCITT data.)
convert "$tmp/grey.png" -units PixelsPerInch -density 100 -compress Zip -define tiff:predictor=2 "$tmp/zip.tif"
tiff2pdf -o img-ccitt-tiff2pdf.pdf "$tmp/g4.tif"
tiff2pdf -o img-zip-tiff2pdf.pdf "$tmp/zip.tif"

# Chromium: the strip as a picture beside a line of text, on one page.
printf '<!doctype html><html lang="vi"><meta charset="utf-8"><body><p>Trang có chữ và ảnh quét.</p><img src="grey.png" width="600"></body></html>' >"$tmp/mixed.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=img-text-and-image.pdf \
	"file://$tmp/mixed.html" 2>/dev/null

# Damaged: a JPEG cut halfway (img2pdf reads only its header), a Flate scan with 64 bytes of
# its image data zeroed (a disk error).
size=$(wc -c <"$tmp/grey.jpg")
head -c $((size / 2)) "$tmp/grey.jpg" >"$tmp/broken.jpg"
i2p img-corrupt-jpeg.pdf "$tmp/broken.jpg"
cp img-flate-grey.pdf img-damaged-flate.pdf
head -c 64 /dev/zero | dd of=img-damaged-flate.pdf bs=1 seek=$(($(wc -c <img-flate-grey.pdf) / 2)) conv=notrunc 2>/dev/null

# A 30000×30000 bi-level scan (900 million pixels, 4 KB as Group 4): the TIFF is written here
# (all white: one vertical-mode code per row), img2pdf stores it as CCITTFaxDecode.
python3 - "$tmp/huge.tif" <<'EOF'
import struct, sys
w = h = 30000
bits = "1" * h + "000000000001" * 2  # V0 for every row, then EOFB
bits += "0" * (-len(bits) % 8)
data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
tags = [(256, 4, w), (257, 4, h), (258, 3, 1), (259, 3, 4), (262, 3, 0), (273, 4, 0),
        (277, 3, 1), (278, 4, h), (279, 4, len(data)), (282, 5, 0), (283, 5, 0), (296, 3, 2)]
ifd = 8 + len(data)
rational = ifd + 2 + 12 * len(tags) + 4
out = bytearray(b"II*\0" + struct.pack("<I", ifd) + data + struct.pack("<H", len(tags)))
for tag, typ, val in tags:
    if tag == 273:
        val = 8
    if typ == 5:
        val = rational
    out += struct.pack("<HHI", tag, typ, 1) + (struct.pack("<HH", val, 0) if typ == 3 else struct.pack("<I", val))
out += struct.pack("<I", 0) + struct.pack("<II", 300, 1)
open(sys.argv[1], "wb").write(out)
EOF
img2pdf --pillow-limit-break --output img-huge-ccitt.pdf "$tmp/huge.tif"

# poppler's pdfunite: a text page and a scanned page. Its trailer's /Size is that of its first
# input, smaller than the cross-reference table (the page tree fix in trailer.go).
pdfunite lo-txt.pdf img-ccitt-tiff2pdf.pdf united.pdf

for f in img-*.pdf united.pdf; do
	printf '%s: ' "$f"
	pdfimages -list "$f" 2>/dev/null | awk 'NR > 2 { printf "%s %sx%s %s %sbpc; ", $9, $4, $5, $6, $8 }'
	echo
done

#!/bin/sh
# Regenerates the encoded copies of original.txt (our own Vietnamese text) that the plain-text
# reader tests decode. Real producers where one exists: glibc iconv writes UTF-16LE, CP1258,
# TCVN3 (iconv's TCVN5712-1; the text has no accented capitals, so its codes are the ABC ones),
# VISCII and the two mojibake files. iconv has no VNI or VIQR: those two are written by vntext's
# own encoder through a Go test, which also checks the iconv files against vntext.Encode.
# Run from this folder: sh make_fixtures.sh
set -eu
cd "$(dirname "$0")"
cp original.txt utf8.txt
{ printf '\357\273\277'; cat original.txt; } >utf8_bom.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE original.txt; } >utf16le.txt
iconv -f UTF-8 -t CP1258 original.txt >cp1258.txt
iconv -f UTF-8 -t TCVN5712-1 original.txt >tcvn3.txt
iconv -f UTF-8 -t VISCII original.txt >viscii.txt
# Mojibake: TCVN3 bytes shown as Windows-1252 and saved as UTF-8; UTF-8 bytes read as Latin-1.
iconv -f CP1252 -t UTF-8 tcvn3.txt >tcvn3_as_cp1252.txt
iconv -f LATIN1 -t UTF-8 original.txt >utf8_as_latin1.txt
THAMLUAN_WRITE_FIXTURES=1 go test -count=1 -run 'TestTextFixturesEncoded' ../../vntext

#!/bin/sh
# Regenerates the derived HTML fixtures of package htmldoc from news.html, the hand-written
# saved-newspaper page beside this script:
#   news-cp1258.html  the same page in Windows-1258 (glibc iconv, which writes tone marks as
#                     combining characters as that code page requires), meta charset changed
#   tcvn3.html        ../../docx/testdata/tcvn3.fodt (TCVN3 text in .VnTime fonts) saved as HTML
#                     by LibreOffice, which writes <font face=".VnTime">
# and the fuzz seeds in fuzz/FuzzHTML. Needs iconv, soffice and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sed 's/<meta charset="utf-8">/<meta http-equiv="Content-Type" content="text\/html; charset=windows-1258">/' "$here/news.html" |
	iconv -f UTF-8 -t CP1258 >"$here/news-cp1258.html"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/../../docx/testdata/tcvn3.fodt" "$tmp/"
soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to html --outdir "$tmp" "$tmp/tcvn3.fodt" >/dev/null 2>&1
cp "$tmp/tcvn3.html" "$here/tcvn3.html"

python3 - "$here" <<'PY'
import sys, os
here = sys.argv[1]
seeds = os.path.join(here, "fuzz", "FuzzHTML")
os.makedirs(seeds, exist_ok=True)
def golit(b):
    return "".join(chr(x) if 32 <= x < 127 and x not in (34, 92) else "\\x%02x" % x for x in b)
def write(name, data):
    with open(os.path.join(seeds, name), "w") as f:
        f.write('go test fuzz v1\n[]byte("%s")\n' % golit(data))
news = open(os.path.join(here, "news.html"), "rb").read()
write("news", news)
write("cp1258", open(os.path.join(here, "news-cp1258.html"), "rb").read())
write("tcvn3", open(os.path.join(here, "tcvn3.html"), "rb").read())
write("truncated", news[:1500])
write("unclosed", b"<html><body><div class=detail-content><p>M\xe1\xbb\x99t <b>c\xc3\xa2u <p>kh\xc3\xb4ng \xc4\x91\xc3\xb3ng<table><tr><td>x<td>y")
write("nested", b"<div>" * 300 + b"text" + b"</div>" * 10)
write("empty", b"<!doctype html><html><head><title></title></head><body></body></html>")
PY
echo "fixtures written to $here"

#!/bin/sh
# Regenerates c7_kyyeu_yenthanh.docx from its original HTML source with LibreOffice.
set -e
cd "$(dirname "$0")"
soffice --headless --convert-to 'docx:MS Word 2007 XML' c7_kyyeu_yenthanh.html >/dev/null

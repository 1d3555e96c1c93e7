#!/bin/sh
# Regenerates e8_thamluan_thaibinh.docx from its original HTML source with LibreOffice.
set -e
cd "$(dirname "$0")"
soffice --headless --convert-to 'docx:MS Word 2007 XML' e8_thamluan_thaibinh.html >/dev/null

#!/bin/sh
# Regenerates e15_thamluan_hagiang.pdf from its original HTML source with LibreOffice.
set -e
cd "$(dirname "$0")"
soffice --headless --convert-to 'pdf:writer_web_pdf_Export' e15_thamluan_hagiang.html >/dev/null

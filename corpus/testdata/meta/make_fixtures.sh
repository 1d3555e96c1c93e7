#!/bin/sh
# Regenerates the metadata fixtures from meta.fodt (an original text written for thamluan, with a
# title and a creation date in its office:meta): meta.pdf by LibreOffice as PDF/A-2 (document
# information dictionary and XMP packet; the PDF's creation date is the time of export) and
# meta.docx by LibreOffice (docProps/core.xml with dc:title and dcterms:created).
#   apt-get install -y libreoffice-writer-nogui
# Run from this folder: sh make_fixtures.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp meta.fodt "$tmp/"
(cd "$tmp" &&
	soffice --headless --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' meta.fodt >/dev/null &&
	soffice --headless --convert-to docx meta.fodt >/dev/null)
cp "$tmp/meta.pdf" "$tmp/meta.docx" .
pdfinfo meta.pdf | grep -E '^(Title|CreationDate)' || true

#!/bin/sh
# Regenerates legacy_tables.tsv, the compact table vntext embeds, from the shared reference's
# data/legacy_encodings.tsv (keeping its provenance header). Run: sh gen_tables.sh [path]
set -eu
src=${1:-../../../shared/vietnamese/data/legacy_encodings.tsv}
out=legacy_tables.tsv
{
	echo "# Compact form of data/legacy_encodings.tsv of the thamluan shared reference: encoding, legacy bytes (hex), Unicode."
	echo "# Only the rows vntext decodes with: TCVN3 (ABC), TCVN5712-1 (VN1 capitals, a superset of TCVN3), VNI-Windows, VISCII."
	echo "# CP1258 comes from golang.org/x/text; VIQR is decoded by rule. Header of the source file follows."
	grep '^# PROVENANCE' "$src"
	grep -v '^#' "$src" | awk -F'\t' 'NR > 1 && ($1 == "TCVN3" || $1 == "TCVN5712-1" || $1 == "VNI-Windows" || $1 == "VISCII") { print $1 "\t" $2 "\t" $4 }'
} >"$out"

#!/bin/sh
# Builds words_vi.txt.gz, the Vietnamese word list (key-phrase segmentation in index, OCR repair in corpus/ocr), from the shared Vietnamese data
# (../shared/vietnamese/data): the pyvi word list (MIT, see LICENSE-words_vi.txt; its provenance
# lines are kept at the top of the file) and the multi-word cue terms of theme_lexicon.tsv (own
# work of the shared reference, free to use) that the list lacks, except terms that start with a
# function word (chưa tương xứng, còn khiêm tốn), which are phrases rather than words.
# Run from this folder: sh gen_words.sh [path/to/shared/vietnamese/data]
set -eu
cd "$(dirname "$0")"
data=${1:-../../../../shared/vietnamese/data}
{
	grep '^#' "$data/words_vi_pyvi.txt"
	echo "# Added: multi-word cue terms of theme_lexicon.tsv (shared reference, own work, free to use) and a few domain terms."
	grep -v '^#' "$data/words_vi_pyvi.txt"
	awk -F'\t' '!/^#/ && $3 == "term" && $2 ~ / / && $2 !~ /^(chưa|còn|kém) / && $2 !~ /[A-Z0-9]/ { print $2 }' "$data/theme_lexicon.tsv"
	printf '%s\n' "xây dựng đảng" "ngoài nhà nước" "kinh tế tư nhân" "chuyển đổi số" "đảng viên điện tử" "tổ chức đảng" \
		"cấp uỷ" "chi uỷ" "đảng uỷ" "sinh hoạt chi bộ" "hệ thống chính trị" "dân vận" "khu dân cư"
} | awk '!seen[$0]++' | gzip -9n >words_vi.txt.gz
zcat words_vi.txt.gz | grep -vc '^#'

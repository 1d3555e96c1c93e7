package structure

// Organisations read as speakers: where a name ends and a predicate begins.

// placeUnitWords name, folded, the administrative units an organisation's name may end with in
// lower case: "Hội Nông dân huyện", "Trung tâm Y tế huyện miền núi".
var placeUnitWords = setOf("xa", "huyen", "tinh", "pho", "phuong", "tran", "thon", "ap", "xom", "khom", "vung", "mien")

// endsWithPredicate reports words of an organisation that end, after their last capitalised
// word, with a run of four or more lower-case words naming no place: a predicate, "Bộ X phát đi
// thông tin". A name ends with at most a few lower-case words ("... và Môi trường", "... nông thôn").
func endsWithPredicate(words []string, kwWords int) bool {
	last := -1
	for i := kwWords; i < len(words); i++ {
		if startsUpper(words[i]) || isDigitByte(words[i][0]) {
			last = i
		}
	}
	if last < 0 || len(words)-last-1 < 4 {
		return false
	}
	for _, w := range words[last+1:] {
		if placeUnitWords[foldLower(w)] {
			return false
		}
	}
	return true
}

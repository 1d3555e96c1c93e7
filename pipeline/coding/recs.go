package coding

// compiledMood holds the mood lists of a codebook as phrase sets.
type compiledMood struct {
	proposal, modals, weak, strength, causalNext, narrative *phraseSet
	notAfter, notBefore, past, metaSubj, metaVerb, metaObj  *phraseSet
	metaFill, action, openers, addr, causal, purpose        *phraseSet
	negators, events, attend, attendLists, reporting        *phraseSet
	lay                                                     *phraseSet
}

func compileMood(m *Mood) compiledMood {
	return compiledMood{
		proposal: newPhraseSet(m.ProposalVerbs), modals: newPhraseSet(m.Modals),
		weak: newPhraseSet(m.WeakModals), strength: newPhraseSet(m.Strengtheners),
		causalNext: newPhraseSet(m.CausalNext), narrative: newPhraseSet(m.NarrativeBefore),
		notAfter: newPhraseSet(m.NotModalAfter), notBefore: newPhraseSet(m.NotModalBefore),
		past: newPhraseSet(m.PastMarkers), metaSubj: newPhraseSet(m.MetaSubjects),
		metaVerb: newPhraseSet(m.MetaVerbs), metaObj: newPhraseSet(m.MetaObjects),
		metaFill: newPhraseSet(m.MetaFillers), action: newPhraseSet(m.ActionVerbs),
		openers: newPhraseSet(m.ListOpeners), addr: newPhraseSet(m.AddresseeHeads),
		causal: newPhraseSet(m.Causal), purpose: newPhraseSet(m.Purpose),
		negators: newPhraseSet(m.Negators), events: newPhraseSet(m.EventNouns),
		attend: newPhraseSet(m.Attendance), attendLists: newPhraseSet(m.AttendanceLists),
		reporting: newPhraseSet(m.ReportingVerbs), lay: newPhraseSet(m.LaySubjects),
	}
}

// moodResult says whether a sentence puts a proposal forward.
type moodResult struct {
	prescriptive  bool
	rec           bool
	trig, trigEnd int    // tokens of the first prescriptive trigger
	weak, weakEnd int    // a weak modal that did not decide alone, -1 when none
	causal        int    // first token of a reason clause after the trigger, -1 when none
	addressee     string // to whom the proposal is made, when stated
}

// metaSpans marks the statements about a text or a discussion: "bài viết đề xuất một số giải
// pháp", "các ý kiến thẳng thắn chỉ ra những hạn chế", and a proposal verb whose object is only
// a generic noun ("đề xuất các giải pháp"). The marked tokens (verb to object) count for nothing.
func (m *compiledMood) metaSpans(toks []token) []bool {
	mask := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		_, n := m.metaSubj.at(toks, i)
		if n == 0 || attributionSubject(toks, i, n) {
			continue
		}
		if selfReference(toks, i, n) {
			for j := range mask {
				mask[j] = true
			}
			return mask
		}
		// every meta verb of the subject in the sentence: "khái quát kết quả ... và chỉ ra những
		// vướng mắc", "nêu bật ..., đồng thời thẳng thắn chỉ rõ các hạn chế"
		// a proposal verb with a concrete object ("tác giả kiến nghị nghiên cứu mô hình ...")
		// proposes; with a generic one ("đề xuất một số giải pháp") it announces
		for v := i + n; v < len(toks) && v <= i+n+20; v++ {
			if _, vn := m.metaVerb.at(toks, v); vn > 0 {
				m.markObject(toks, v, vn, mask, !m.proposal.has(toks, v))
				v += vn - 1
			}
		}
	}
	for i := range toks {
		if _, n := m.proposal.at(toks, i); n > 0 {
			m.markObject(toks, i, n, mask, false)
		}
	}
	return mask
}

// selfReference reports a sentence opening with the document speaking of itself ("Báo cáo này
// tổng hợp ...", "Bài viết này trình bày ..."): it describes what the text holds, and its words
// code nothing.
func selfReference(toks []token, i, n int) bool {
	if i != 0 {
		return false
	}
	if toks[i+n-1].norm == "này" {
		return true
	}
	return i+n < len(toks) && toks[i+n].norm == "này" && !toks[i+n].pause
}

// attributionSubject reports a meta subject in an attribution ("Theo tác giả, ..."): the words after
// the comma are the author's proposal, not a statement about a text.
func attributionSubject(toks []token, i, n int) bool {
	return i > 0 && toks[i-1].norm == "theo" && i+n < len(toks) && toks[i+n].pause
}

// markObject marks verb [v, v+vn) and its object when the object, after fillers, is a generic
// meta noun; with anyObject it marks the verb alone even without such an object.
func (m *compiledMood) markObject(toks []token, v, vn int, mask []bool, anyObject bool) {
	k := v + vn
	for k < len(toks) {
		if _, fn := m.metaFill.at(toks, k); fn > 0 {
			k += fn
			continue
		}
		if toks[k].num && k > v+vn-1 {
			k++ // "đề xuất 5 nhóm giải pháp"
			continue
		}
		if _, fn := m.metaVerb.at(toks, k); fn > 0 && anyObject {
			k += fn // "tập trung làm rõ", "phân tích, chỉ ra"
			continue
		}
		break
	}
	end := v + vn
	if _, on := m.metaObj.at(toks, k); on > 0 {
		end = k + on
		// coordinated objects: "các hạn chế, bất cập và nguyên nhân"
		for end < len(toks) {
			j := end
			if toks[j].norm == "và" {
				j++
			}
			if _, on2 := m.metaObj.at(toks, j); on2 > 0 && (j > end || toks[j].pause) {
				end = j + on2
				continue
			}
			break
		}
	} else if !anyObject {
		return
	}
	for j := v; j < end; j++ {
		mask[j] = true
	}
}

// analyze decides the mood of a sentence. underSolutions says the section heading is a
// solutions heading: there weak modals ("phải") and imperative list items propose too.
//
// described is the first token of a strong cue of a damped theme ("Khó khăn lớn nhất là ..."),
// or -1: a weak modal after it narrates ("chi bộ phải lùi lịch") rather than prescribes.
func (m *compiledMood) analyze(toks []token, meta []bool, underSolutions bool, described int) moodResult {
	res := moodResult{trig: -1, causal: -1, weak: -1}
	if len(toks) < 4 {
		return res
	}
	weakAt, weakEnd := -1, -1
	start := m.sentenceStart(toks)
	for i := 0; i < len(toks) && res.trig < 0; i++ {
		// inside a meta statement, right after one ("những vướng mắc cần được tháo gỡ"), or
		// a capitalised word inside the sentence (the city of Cần Thơ)
		if meta[i] || i > 0 && meta[i-1] || i > start && toks[i].upper && !toks[i].pause {
			continue
		}
		if n := m.proposalAt(toks, i); n > 0 {
			res.trig, res.trigEnd = i, i+n
			res.addressee = m.addresseeAt(toks, m.skipWith(toks, i+n))
			break
		}
		strong, n := m.modalAt(toks, i)
		if n == 0 || placeName(toks, i, start) {
			continue
		}
		if strong {
			res.trig, res.trigEnd = i, i+n
			if !cautions.has(toks, i) { // "Đồng chí Bí thư lưu ý không để ...": the speaker
				res.addressee = m.subjectOf(toks, i)
			}
		} else if weakAt < 0 {
			weakAt, weakEnd = i, i+n
		}
		i += n - 1
	}
	if res.trig < 0 {
		if c := m.commitment(toks, meta); c >= 0 {
			res.trig, res.trigEnd = c, c+1
			res.addressee = m.subjectOf(toks, c)
		}
	}
	if res.trig < 0 {
		if c, e := m.directive(toks, meta); c >= 0 {
			res.trig, res.trigEnd = c, e
			res.addressee = m.addresseeAt(toks, m.skipFor(toks, e))
		}
	}
	if res.trig < 0 {
		if c, e := m.solutionIs(toks, meta); c >= 0 {
			res.trig, res.trigEnd = c, e
		}
	}
	if res.trig < 0 && underSolutions {
		if weakAt >= 0 && (described < 0 || weakAt < described) {
			res.trig, res.trigEnd = weakAt, weakEnd
			res.addressee = m.subjectOf(toks, weakAt)
		} else if s, e := m.itemStart(toks); s >= 0 && !meta[s] && !m.narrated(toks) && !consequence(toks, s) &&
			(described < 0 || s < described) {
			res.trig, res.trigEnd = s, e
		}
	}
	if res.trig < 0 {
		if weakAt >= 0 && (described < 0 || weakAt < described) {
			res.weak, res.weakEnd = weakAt, weakEnd
		}
		return res
	}
	if m.laySubject(toks, res.trig) {
		return moodResult{trig: -1, causal: -1, weak: -1} // advice or a rule for the public
	}
	res.prescriptive, res.rec = true, true
	if i, _ := m.causal.find(toks, res.trigEnd, len(toks)); i >= 0 {
		res.causal = i
	}
	if i := presentClause(toks, res.trigEnd); i >= 0 && (res.causal < 0 || i < res.causal) {
		res.causal = i
	}
	return res
}

// causedModal reports a modal that a cause brings about, a few words after "khiến", "làm cho"
// in its clause: "thành tích khiến nhiều người phải ngưỡng mộ", "cổ phần hóa khiến tổ chức đảng
// ở đó phải điều chỉnh" narrate a consequence.
func causedModal(toks []token, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 6; k-- {
		if toks[k].norm == "khiến" || toks[k].norm == "cho" && k > 0 && toks[k-1].norm == "làm" {
			return true
		}
		if toks[k].pause {
			break
		}
	}
	return false
}

// laySubject reports a trigger whose subject is one of the people of general news
// (Mood.LaySubjects): "thí sinh cần lưu ý", "HLV phải từ chức", and a subject left before a
// clause it governs ("Khi dự thi, thí sinh có thể ra ngoài ..., phải nộp bài"). The nearest of a
// lay subject and a body that proposals address ("chi bộ", "Ban Tổ chức") before the trigger,
// within layWindow tokens, decides.
func (m *compiledMood) laySubject(toks []token, trig int) bool {
	for s := trig - 1; s >= 0 && trig-s <= layWindow; s-- {
		if m.addr.has(toks, s) || m.metaSubj.has(toks, s) {
			return false
		}
		if _, n := m.lay.at(toks, s); n > 0 && s+n <= trig {
			return true
		}
	}
	return false
}

// layWindow is how far before a trigger its subject is looked for, in tokens.
const layWindow = 60

// commitment returns the "sẽ" of a body that undertakes to advise or study ("Ban Tổ chức
// Tỉnh ủy sẽ tham mưu ban hành ..."), or -1: such a commitment carries a proposal upwards. A
// plan announced ("Huyện đoàn sẽ mở lớp ...") and a prediction ("Công nhân sẽ gắn bó ...") do
// not.
func (m *compiledMood) commitment(toks []token, meta []bool) int {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].norm != "sẽ" || meta[i] || !advisory.has(toks, i+1) {
			continue
		}
		if m.subjectOf(toks, i) != "" && !m.causalBefore(toks, i) {
			return i
		}
	}
	return -1
}

// advisory are the verbs of a commitment to propose: to advise, to study, to consider.
var advisory = newPhraseSet([]string{"tham mưu", "nghiên cứu", "xem xét", "đề xuất", "kiến nghị",
	"báo cáo", "trình"})

// consequence reports an item that states what an action leads to ("Làm tốt công tác kiểm
// tra, giám sát sẽ góp phần ..."): the action is its subject, not an instruction. "Tăng cường
// ..., qua đó sẽ ..." instructs and names the gain.
func consequence(toks []token, s int) bool {
	for k := s + 1; k < len(toks) && k <= s+15; k++ {
		if linkers.endingAt(toks, k) {
			return false
		}
		if toks[k].norm == "sẽ" {
			return true
		}
	}
	return false
}

var linkers = newPhraseSet([]string{"qua đó", "từ đó", "để", "nhằm", "như vậy", "khi đó", "nhờ đó", "giúp"})

// proposalAt returns the length of a proposal verb at i that puts a proposal forward: not a
// past report ("đã đề xuất"), not a noun ("các kiến nghị", "theo đề nghị của"), and followed by
// an addressee, an action or a modal, or opening the sentence.
func (m *compiledMood) proposalAt(toks []token, i int) int {
	_, n := m.proposal.at(toks, i)
	if n == 0 || m.pastBefore(toks, i) || habitualBefore(toks, i) {
		return 0
	}
	if i > 0 && toks[i-1].norm == "được" && m.action.has(toks, i+n) && !honours.has(toks, i+n) && !definitional.has(toks, i+n) {
		return n // "Các doanh nghiệp viễn thông được đề nghị ưu tiên ...": a proposal in the passive
	}
	if nounMarkers.endingAt(toks, i) || definitional.has(toks, i+n) {
		return 0
	}
	if i > 0 && toks[i-1].norm == "là" && !toks[i].pause {
		return 0 // "... là đề xuất chính thức": a noun after a copula; "Hai là, đề nghị ..." proposes
	}
	k := m.skipWith(toks, i+n)
	if k >= len(toks) {
		return 0
	}
	if _, tn := timePhrases.at(toks, k); tn > 0 && k+tn < len(toks) {
		k += tn // "đề xuất mỗi quý chọn ...", "kiến nghị hằng năm tổ chức ..."
	}
	if m.addr.has(toks, k) || toks[k].upper || i == m.sentenceStart(toks) ||
		determiners.has(toks, k) && m.addr.has(toks, k+1) {
		return n
	}
	if toks[k].norm == "của" {
		return 0 // "yêu cầu của ...": a noun
	}
	// "kiến nghị huyện có chính sách ...": an action or a modal soon after, in the same clause;
	// "yêu cầu từ nay đến cuối năm, các đảng ủy ...": an addressee after a time phrase
	pauses := 0
	for j := k; j < len(toks) && j <= k+8; j++ {
		if j > k && toks[j].pause {
			if pauses++; pauses > 1 {
				break
			}
		}
		if pauses == 0 && j <= k+4 && (m.action.has(toks, j) || m.modals.has(toks, j)) {
			return n
		}
		if pauses == 1 && toks[j].pause && (m.addr.has(toks, j) || determiners.has(toks, j) && m.addr.has(toks, j+1)) {
			return n
		}
	}
	return 0
}

// timePhrases are the frequency and time adverbials that may stand between a proposal verb and
// the action proposed.
var timePhrases = newPhraseSet([]string{"mỗi quý", "mỗi tháng", "mỗi năm", "mỗi tuần", "hằng quý",
	"hằng tháng", "hằng năm", "hằng tuần", "hàng quý", "hàng tháng", "hàng năm", "hàng tuần",
	"định kỳ", "từ nay", "thời gian tới", "trong thời gian tới", "ngay", "sớm"})

// honours follow "được đề nghị" of a nomination, not a proposal: "được đề nghị khen thưởng".
var honours = newPhraseSet([]string{"khen thưởng", "tặng", "truy tặng", "công nhận", "kỷ luật",
	"xét", "xem xét kỷ luật", "cấp", "phong tặng", "bổ nhiệm", "kết nạp", "miễn nhiệm", "xóa tên"})

// definitional follows a proposal verb used as a noun being defined: "Đề nghị được hiểu là ...".
var definitional = newPhraseSet([]string{"là", "được hiểu", "được định nghĩa", "được xem là", "được coi là", "có nghĩa"})

var alsoShould = map[string]bool{"cũng": true, "không": true, "thì": true, "vẫn": true, "rất": true}

var determiners = newPhraseSet([]string{"các", "những", "mỗi", "từng", "tất cả", "toàn thể"})

var nounMarkers = newPhraseSet([]string{"các", "những", "nhiều", "một số", "mọi", "theo", "được",
	"có", "của", "đáp ứng", "đặt ra", "trên cơ sở", "tiếp nhận", "tổng hợp", "ghi nhận", "giải quyết",
	"hồ sơ", "tờ trình", "văn bản", "giấy", "phiếu", "danh sách", "công văn", "mẫu"})

// pastBefore reports a past marker up to three words before i in the same clause: "đã đề
// xuất", "đã chủ động đề nghị".
func (m *compiledMood) pastBefore(toks []token, i int) bool {
	for k := i; k >= 0 && k >= i-3; k-- {
		if m.past.endingAt(toks, k) {
			return true
		}
		if toks[k].pause {
			break
		}
	}
	return false
}

// skipWith skips "với", "lên" after a proposal verb: "kiến nghị với Trung ương".
func (m *compiledMood) skipWith(toks []token, k int) int {
	for k < len(toks) && (toks[k].norm == "với" || toks[k].norm == "lên" || toks[k].norm == "rằng") {
		k++
	}
	return k
}

// modalAt reports a modal at i: strong (cần, nên + action) or weak (phải, nên), and its length.
func (m *compiledMood) modalAt(toks []token, i int) (bool, int) {
	_, n := m.modals.at(toks, i)
	if n == 0 || i+n >= len(toks) {
		return false, 0
	}
	if m.notBefore.endingAt(toks, i) || m.notAfter.has(toks, i+n) || m.past.endingAt(toks, i) ||
		m.narrative.endingAt(toks, i) || necessaryAdj(toks, i+n) || causedModal(toks, i) {
		return false, 0
	}
	w := toks[i].norm
	if only, ok := accentOnly[toks[i].fold]; ok && n == 1 && only != w {
		return false, 0 // "noi dung" typed without diacritics is not "đừng"
	}
	switch {
	case n == 1 && w == "nên":
		if i > 0 && alsoShould[toks[i-1].norm] {
			return true, n // "cũng nên", "không nên", "thì nên"
		}
		if m.causalBefore(toks, i) {
			return false, 0
		}
		if toks[i].pause {
			// "..., nên khó ...": therefore; "Theo ông, nên xây dựng ...", "Hai là, nên giao
			// ...": should
			if m.action.has(toks, i+1) && (attributed(toks, i) || i == m.sentenceStart(toks) || addressedClause(toks, m.sentenceStart(toks), i)) {
				return true, n
			}
			// "Sau mỗi chuyên đề, nên có bài kiểm tra ...": an adverbial opener, then should have
			if toks[i+1].norm == "có" && adverbialClause(toks, m.sentenceStart(toks), i) {
				return true, n
			}
			// "Đại diện X cho rằng, ...; nên quán triệt ...": the speaker's next proposal
			if toks[i].semi && m.reportedBy(toks, i) && (m.action.has(toks, i+1) || !m.causalNext.has(toks, i+1)) {
				return true, n
			}
			return false, 0
		}
		// "các chi bộ nên hướng dẫn", "mô hình nên được nhân rộng": should; "... nên rất
		// khó": therefore
		if m.action.has(toks, i+1) || toks[i+1].norm == "được" && m.action.has(toks, i+2) {
			return true, n
		}
		// "mỗi chi bộ nên có ít nhất ...", "nên có cơ chế ...": should have; "nên có nhiều khó
		// khăn": therefore
		if toks[i+1].norm == "có" && shouldHave.has(toks, i+2) {
			return true, n
		}
		if m.causalNext.has(toks, i+1) {
			return false, 0
		}
		if opinionBefore(toks, m.sentenceStart(toks), i) {
			return true, n // "Ông cho rằng nội dung sinh hoạt nên bám vào ..."
		}
		return m.subjectOf(toks, i) != "", n
	case n == 1 && w == "phải":
		if next := toks[i+1].norm; next == "chăng" || next == "không" {
			return false, 0
		}
		if i > 0 && (toks[i-1].norm == "chưa" || toks[i-1].norm == "chẳng" || toks[i-1].norm == "không" || toks[i-1].norm == "chứ" || toks[i-1].norm == "vẫn" || toks[i-1].norm == "còn") {
			return false, 0 // "vẫn phải xuất ra giấy", "còn phải chờ": a burden still borne
		}
		return m.strengthened(toks, i) || m.eachBody(toks, i) || m.scopedBody(toks, i), n
	}
	return true, n
}

// placeName reports a capitalised modal opening the sentence with a capitalised word right
// after it: a place name ("Cần Giuộc là huyện ...", "Cần Thơ có ..."), not "cần".
func placeName(toks []token, i, start int) bool {
	return i == start && toks[i].upper && i+1 < len(toks) && toks[i+1].upper && !toks[i+1].pause
}

// reportedBy reports a reporting verb in the first clause of the sentence, before token i: its
// subject is a speaker whose words follow ("Đảng bộ Y chia sẻ ...", "Đại diện X cho rằng, ...").
func (m *compiledMood) reportedBy(toks []token, i int) bool {
	s := m.sentenceStart(toks)
	for k := s; k < i; k++ {
		if k > s && toks[k].pause {
			return false
		}
		if _, n := m.reporting.at(toks, k); n > 0 {
			return true
		}
	}
	return false
}

// attributed reports a sentence that opens with an attribution ("Theo ông, ...") ending right
// before token i.
func attributed(toks []token, i int) bool {
	if len(toks) == 0 || toks[0].norm != "theo" {
		return false
	}
	for k := 1; k < i; k++ {
		if toks[k].pause {
			return false
		}
	}
	return true
}

// eachBody reports "mỗi chi bộ phải ...", "từng cấp ủy phải ...": an obligation put on each body.
func (m *compiledMood) eachBody(toks []token, i int) bool {
	for s := i - 1; s >= 0 && s >= i-6; s-- {
		if (toks[s].norm == "mỗi" || toks[s].norm == "từng") && m.addr.has(toks, s+1) {
			return true
		}
		if toks[s].pause {
			break
		}
	}
	return false
}

// causalBefore reports a reason word (vì, do, bởi) earlier in the sentence.
func (m *compiledMood) causalBefore(toks []token, i int) bool {
	at, _ := m.causal.find(toks, 0, i)
	return at >= 0
}

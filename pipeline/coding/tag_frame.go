package coding

import "strings"

// framedSpans marks the words of a sentence that name rather than discuss: the quoted title of
// an event or a publication ("hội thảo “Đổi mới ... gắn với chuyển đổi số”") and the attendee
// list of an event ("Dự hội thảo có lãnh đạo ..., chủ doanh nghiệp trên địa bàn"). Their cues
// count for nothing, as in a meta statement.
func (m *compiledMood) framedSpans(text string, toks []token, mask []bool) {
	m.quotedTitles(text, toks, mask)
	m.eventBackdrop(toks, mask)
	if m.proposes(toks) {
		return // "cần có sự tham gia của doanh nghiệp tư nhân" proposes
	}
	for i := 0; i < len(toks); i++ {
		if n := m.attendanceAt(toks, i); n > 0 {
			m.markAttendees(toks, i, n, mask)
			return
		}
	}
}

// quotedTitles marks the words inside quotation marks opened within three words of an event or
// publication noun.
func (m *compiledMood) quotedTitles(text string, toks []token, mask []bool) {
	for _, q := range quoteSpans(text) {
		first := -1
		for k := range toks {
			if toks[k].bstart >= q[0] && toks[k].bend <= q[1] {
				if first < 0 {
					first = k
				}
			} else if first >= 0 {
				break
			}
		}
		if first < 0 || !m.eventBefore(toks, first, 4) {
			continue
		}
		for k := first; k < len(toks) && toks[k].bend <= q[1]; k++ {
			mask[k] = true
		}
	}
}

// eventBackdrop marks the backdrop of an event a sentence reports: "hội thảo ... trong bối cảnh cả
// hệ thống chính trị đẩy mạnh chuyển đổi số" sets the scene of the workshop, it does not discuss
// the theme. The span runs from "trong bối cảnh" to the end of its clause.
func (m *compiledMood) eventBackdrop(toks []token, mask []bool) {
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].norm != "trong" || toks[i+1].norm != "bối" || toks[i+2].norm != "cảnh" {
			continue
		}
		if !m.eventBefore(toks, i, i) {
			return
		}
		for k := i; k < len(toks) && (k == i || !toks[k].pause); k++ {
			mask[k] = true
		}
		return
	}
}

// quoteSpans returns the byte ranges inside curly or straight double quotes.
func quoteSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		open, close := "“", "”"
		j := strings.Index(s[i:], open)
		k := strings.IndexByte(s[i:], '"')
		if k >= 0 && (j < 0 || k < j) {
			j, open, close = k, `"`, `"`
		}
		if j < 0 {
			break
		}
		start := i + j + len(open)
		end := strings.Index(s[start:], close)
		if end < 0 {
			break
		}
		out = append(out, [2]int{start, start + end})
		i = start + end + len(close)
	}
	return out
}

// eventBefore reports an event noun starting within w words before token i.
func (m *compiledMood) eventBefore(toks []token, i, w int) bool {
	for k := max(i-w, 0); k < i; k++ {
		if m.events.has(toks, k) {
			return true
		}
	}
	return false
}

// proposes reports a modal or a proposal verb anywhere in the sentence.
func (m *compiledMood) proposes(toks []token) bool {
	at, _ := m.modals.find(toks, 0, len(toks))
	if at >= 0 {
		return true
	}
	at, _ = m.proposal.find(toks, 0, len(toks))
	return at >= 0
}

// attendanceAt returns the length of an attendance phrase at i: an attendance verb followed by
// an event ("dự hội thảo"), a list opener ("với sự tham dự của"), or "thu hút", "quy tụ" right
// after an event ("Hội thảo thu hút ..."); not after a negation ("chưa tham dự hội nghị").
func (m *compiledMood) attendanceAt(toks []token, i int) int {
	for k := max(i-2, 0); k < i; k++ {
		if w := toks[k].norm; w == "chưa" || w == "không" || w == "ít" || w == "ngại" {
			return 0
		}
	}
	if _, n := m.attendLists.at(toks, i); n > 0 {
		w := toks[i].norm
		if (w == "thu" || w == "quy") && !m.eventBefore(toks, i, 3) {
			return 0
		}
		return n
	}
	_, n := m.attend.at(toks, i)
	if n > 0 && i+n == len(toks) && i > 0 {
		return n // "... khoảng 80 chủ doanh nghiệp tham dự.": the subject lists who came
	}
	if n == 0 || i+n >= len(toks) || toks[i+n].pause {
		return 0
	}
	if m.events.has(toks, i+n) || i+n+1 < len(toks) && eventClassifiers[toks[i+n].norm] && m.events.has(toks, i+n+1) {
		return n // "dự hội nghị", "dự buổi tọa đàm"; not "dự kiến tọa đàm"
	}
	return 0
}

var eventClassifiers = map[string]bool{"các": true, "buổi": true, "cuộc": true, "phiên": true, "lễ": true}

// markAttendees marks the attendee list of the attendance phrase [i, i+n): what follows it to
// the sentence end and, when the phrase is the predicate, its subject from the clause start.
// "Tham dự hội nghị, các đại biểu ..." opens the sentence with a clause of its own: only that
// clause is marked.
func (m *compiledMood) markAttendees(toks []token, i, n int, mask []bool) {
	s := i
	for s > 0 && !toks[s].pause {
		s--
	}
	end := len(toks)
	if s == i || i == m.sentenceStart(toks) {
		// the phrase opens its clause: "Dự hội thảo có ..." lists; "Tham dự hội nghị, ..." frames
		listed := false
		for k := i + n; k < len(toks) && !toks[k].pause; k++ {
			if toks[k].norm == "có" || toks[k].norm == "gồm" {
				listed = true
				break
			}
		}
		if !listed {
			for end = i + n; end < len(toks) && !toks[end].pause; end++ {
			}
		}
	}
	for k := s; k < end; k++ {
		mask[k] = true
	}
}

// formerly and since mark a sentence that tells of a difficulty overcome: "Trước đây công nhân
// ca đêm khó dự sinh hoạt; từ khi có phần mềm, số người vắng giảm hẳn".
var (
	formerly = newPhraseSet([]string{"trước đây", "trước kia", "thời gian đầu", "lúc đầu",
		"ban đầu", "khi mới", "những năm trước", "thời gian trước"})
	since = newPhraseSet([]string{"từ khi", "kể từ khi", "nay", "đến nay", "hiện nay", "giờ đây",
		"bây giờ", "sau khi", "nhưng sau", "về sau", "dần dần"})
	stillSo = newPhraseSet([]string{"vẫn", "còn", "chưa", "vẫn còn", "tiếp tục"})
)

// overcome reports a sentence that tells of a difficulty overcome: a "formerly" marker, later a
// "since" marker, and no "still" after it ("nay vẫn còn ..." is not overcome).
func overcome(toks []token) bool {
	if resolvedAt(toks) {
		return true
	}
	b, bn := formerly.find(toks, 0, len(toks))
	if b < 0 {
		return false
	}
	n, nn := since.find(toks, b+bn, len(toks))
	if n < 0 {
		return false
	}
	at, _ := stillSo.find(toks, n+nn, len(toks))
	return at < 0
}

// resolvedPhrases say a problem has been dealt with: "những bất cập ... đã cơ bản được khắc
// phục", "vướng mắc này đã được tháo gỡ".
var resolvedPhrases = newPhraseSet([]string{"được khắc phục", "được tháo gỡ", "được giải quyết",
	"được xử lý dứt điểm", "khắc phục được", "tháo gỡ được", "giải quyết được", "khắc phục xong",
	"giải quyết xong", "tháo gỡ xong", "được khắc phục cơ bản", "được chấn chỉnh", "chấm dứt"})

// resolvedAt reports a sentence that says its problem is resolved: a resolved phrase with
// "đã" shortly before it (not "chưa", "không", "từng bước", "một phần" in between) and no "still"
// after it ("..., song vẫn còn ..." is not resolved).
func resolvedAt(toks []token) bool {
	for i := range toks {
		_, n := resolvedPhrases.at(toks, i)
		if n == 0 {
			continue
		}
		done := false
		for k := i - 1; k >= 0 && k >= i-3 && !toks[k].pause; k-- {
			if w := toks[k].norm; w == "chưa" || w == "không" || w == "bước" || w == "phần" {
				done = false
				break
			} else if w == "đã" {
				done = true
			}
		}
		if done {
			at, _ := stillSo.find(toks, i+n, len(toks))
			return at < 0
		}
	}
	return false
}

// asksWhat reports a question that asks what or which the problem is ("khó nhất ... là gì?",
// "Phường gặp những vướng mắc nào?"): an interviewer's question states no shortcoming. A
// question ending otherwise ("Vì sao tỷ lệ còn thấp?") presumes the problem and keeps it.
//
// An interviewer's turn, opened with a dash or "Thưa ...", asks whatever it ends with: "– Còn
// những điều anh chưa hài lòng?".
func asksWhat(text string, toks []token) bool {
	text = strings.TrimSpace(text)
	if !strings.HasSuffix(text, "?") {
		return false
	}
	if strings.HasPrefix(text, "–") || strings.HasPrefix(text, "-") || len(toks) > 0 && toks[0].norm == "thưa" {
		return true
	}
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-2; k-- {
		if whatWords[toks[k].norm] {
			return true
		}
	}
	return false
}

var whatWords = map[string]bool{"gì": true, "nào": true, "đâu": true}

// dropOvercome removes the cue and rule hits of the damped themes (shortcomings) from a
// sentence that tells of a difficulty overcome.
func (t *Tagger) dropOvercome(a *analysis) {
	if !overcome(a.toks) && !asksWhat(a.text, a.toks) {
		return
	}
	out := a.hits[:0]
	for _, h := range a.hits {
		if h.fixed || !t.themes[h.theme].damped {
			out = append(out, h)
		}
	}
	a.hits = out
}

// strengthened reports a strengthener before token i that is not a "cần" in another sense:
// "khi cần đối chiếu vẫn phải ..." means "when needed", it strengthens nothing.
func (m *compiledMood) strengthened(toks []token, i int) bool {
	for k := 0; k < i; k++ {
		_, n := m.strength.at(toks, k)
		if n == 0 {
			continue
		}
		if !(m.modals.has(toks, k) && m.notBefore.endingAt(toks, k)) {
			return true
		}
		k += n - 1
	}
	return false
}

// necessaryAdj reports "cần thiết" used as an adjective after a bare "cần" ending at k-1: "vì rất
// cần thiết với cơ sở" evaluates; "cần thiết kế", "cần thiết lập" are "need to design, set up".
func necessaryAdj(toks []token, k int) bool {
	if k == 0 || k >= len(toks) || toks[k-1].norm != "cần" || toks[k].norm != "thiết" {
		return false
	}
	return k+1 >= len(toks) || toks[k+1].pause || !thietWords[toks[k+1].norm]
}

// solutionIs returns the action of a sentence that names the remedy with a copula ("Giải
// pháp căn cơ là xây dựng ...", "Một trong những biện pháp quan trọng là tăng cường ..."), and
// its end, or -1, -1: the noun, up to four words, "là", then an action verb. A past marker
// between ("giải pháp mà huyện đã chọn là ...") narrates.
func (m *compiledMood) solutionIs(toks []token, meta []bool) (int, int) {
	for i := range toks {
		if _, n := remedyNouns.at(toks, i); n == 0 || meta[i] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+5; k++ {
			if toks[k].pause || m.past.has(toks, k) {
				break
			}
			if toks[k].norm == "là" && !toks[k].pause {
				if e := m.actionAt(toks, k+1); e > 0 && !toks[k+1].pause {
					return k + 1, e
				}
				break
			}
		}
	}
	return -1, -1
}

// presentClause returns the start of a clause after token from that states the present
// situation ("Kiến nghị ... bổ sung biên chế, hiện chỉ có 5 cán bộ ...", "..., trong khi số đảng
// viên tăng gấp đôi"), or -1: the shortcoming it states backs the proposal and stays one.
func presentClause(toks []token, from int) int {
	for k := from + 1; k < len(toks); k++ {
		if toks[k].pause && presentState.has(toks, k) {
			return k
		}
	}
	return -1
}

// habitualBefore reports a habit marker up to three words before i in the same clause: "các
// doanh nghiệp ... thường chủ động đề nghị thành lập chi bộ" tells what they do.
func habitualBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].pause && k < i-1 {
			break
		}
		if habitual[toks[k].norm] {
			return true
		}
	}
	return false
}

var thietWords = map[string]bool{"kế": true, "lập": true, "thực": true, "bị": true, "chế": true, "phải": true}

// accentOnly maps the folded form of a modal to the only spelling that counts: typed without
// diacritics, "dung" is mostly "dung" (nội dung), not "đừng".
var accentOnly = map[string]string{"dung": "đừng"}

var remedyNouns = newPhraseSet([]string{"giải pháp", "biện pháp", "việc cần làm", "điều cần làm", "cách làm cần"})

var presentState = newPhraseSet([]string{"hiện", "hiện nay", "hiện tại", "trong khi", "thực tế", "trên thực tế"})

var habitual = map[string]bool{"thường": true, "luôn": true, "hay": true, "thường xuyên": true}

// shouldHave are the objects of a "nên có" that prescribes: a rule, a plan, a minimum.
var shouldHave = newPhraseSet([]string{"ít nhất", "tối thiểu", "quy định", "quy chế", "cơ chế",
	"kế hoạch", "hướng dẫn", "chính sách", "chế độ", "đề án", "chương trình", "lộ trình", "sự",
	"giải pháp", "biện pháp", "bộ phận", "tiêu chí"})

// directive returns the assigning verb of a superior body that opens the sentence and gives a
// named body a task ("Tỉnh ủy giao Sở Khoa học và Công nghệ phối hợp ..."), and its end, or
// -1, -1: the assignment puts a measure forward. A cell assigning its own members ("chi bộ
// giao đảng viên trẻ ...") and a past assignment ("đã giao") narrate.
func (m *compiledMood) directive(toks []token, meta []bool) (int, int) {
	s := m.sentenceStart(toks)
	if !superiorBodies.has(toks, s) {
		return -1, -1
	}
	e := m.addresseeEnd(toks, s)
	if e <= s || e >= len(toks) || meta[e] || toks[e].pause || m.narrated(toks) {
		return -1, -1
	}
	_, n := assigning.at(toks, e)
	if n == 0 {
		return -1, -1
	}
	k := m.skipFor(toks, e+n)
	if k < len(toks) && (toks[k].upper || m.addr.has(toks, k) || determiners.has(toks, k) && m.addr.has(toks, k+1)) {
		return e, e + n
	}
	return -1, -1
}

// skipFor skips the "cho" of "giao cho".
func (m *compiledMood) skipFor(toks []token, k int) int {
	if k < len(toks) && toks[k].norm == "cho" {
		return k + 1
	}
	return k
}

// superiorBodies are the bodies whose assignments are measures: party committees from the
// district up, the people's committees, the central bodies.
var superiorBodies = newPhraseSet([]string{"tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy",
	"ban thường vụ", "ban chấp hành", "thường trực tỉnh ủy", "thường trực huyện ủy", "thường trực thành ủy",
	"ủy ban nhân dân", "ubnd", "bộ chính trị", "ban bí thư", "chính phủ", "thủ tướng"})

// assigning are the verbs of an assignment.
var assigning = newPhraseSet([]string{"giao", "phân công", "giao nhiệm vụ"})

// opinionVerbs report a speaker's view: "Ông cho rằng nội dung sinh hoạt nên bám vào ..."
// proposes; "cho biết", "chia sẻ" may report a consequence ("... nên ...").
var opinionVerbs = newPhraseSet([]string{"cho rằng", "nhấn mạnh", "lưu ý", "gợi ý", "góp ý",
	"nêu ý kiến", "đề nghị", "kiến nghị", "đề xuất", "khuyến nghị"})

// opinionBefore reports an opinion verb in the first clause of the sentence, before token i.
func opinionBefore(toks []token, start, i int) bool {
	for k := start; k < i; k++ {
		if k > start && toks[k].pause {
			return false
		}
		if opinionVerbs.has(toks, k) {
			return true
		}
	}
	return false
}

// addressedClause reports a sentence that opens with "Với ..."/"Đối với ..." and whose first
// pause is at token i: "Với những doanh nghiệp chưa đủ điều kiện lập chi bộ, nên giao ...".
func addressedClause(toks []token, start, i int) bool {
	if start >= len(toks) || toks[start].norm != "với" && !(toks[start].norm == "đối" && start+1 < len(toks) && toks[start+1].norm == "với") {
		return false
	}
	for k := start + 1; k < i; k++ {
		if toks[k].pause {
			return false
		}
	}
	return true
}

// adverbialClause reports a sentence whose first clause, ending at the pause at token i, is an
// adverbial of time, place or scope ("Sau mỗi chuyên đề,", "Ở các xã vùng cao,", "Với ...,").
func adverbialClause(toks []token, start, i int) bool {
	if start >= len(toks) || !adverbialOpeners[toks[start].norm] {
		return addressedClause(toks, start, i)
	}
	for k := start + 1; k < i; k++ {
		if toks[k].pause {
			return false
		}
	}
	return true
}

var adverbialOpeners = map[string]bool{"sau": true, "trước": true, "trong": true, "ở": true, "tại": true, "khi": true, "hằng": true, "mỗi": true}

// cautions open the modals of a speaker's warning ("lưu ý không để ..."): their subject is the
// speaker, not the addressee.
var cautions = newPhraseSet([]string{"lưu ý", "chú ý", "nhắc nhở"})

// scopedBody reports a weak modal right after a body that follows a fronted scope of plural
// targets ("Với các xưởng chế biến ..., các chi bộ phải đến tận nơi", "Đối với những đảng viên
// cao tuổi, chi bộ phải ..."): the scope names whom the body is to reach.
func (m *compiledMood) scopedBody(toks []token, i int) bool {
	s := m.sentenceStart(toks)
	if s < i && toks[s].norm == "đối" {
		s++
	}
	if s+3 >= i || toks[s].norm != "với" || !determiners.has(toks, s+1) || toks[s+1].norm == "mỗi" {
		return false
	}
	p := i - 1
	for p > s+2 && !toks[p].pause {
		p--
	}
	if !toks[p].pause || p-s > 20 {
		return false
	}
	b := p
	if determiners.has(toks, b) && m.addr.has(toks, b+1) {
		b++
	}
	_, n := m.addr.at(toks, b)
	return n > 0 && b+n == i
}

// scopeEnd returns the action verb that ends a body's scope opened at j ("trong doanh nghiệp
// nhà nước", "ở vùng cao"), looking at most six words ahead within the clause, or j.
func (m *compiledMood) scopeEnd(toks []token, j int) int {
	for e := j + 2; e < len(toks) && e <= j+6 && !toks[e].pause; e++ {
		if m.action.has(toks, e) || itemAdverbs.has(toks, e) {
			return e
		}
	}
	return j
}

package msg

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"thamluan/index"
	"thamluan/pipeline"
)

// QueryProblem is a malformed query explained in Vietnamese: what is wrong, where (Pos counts
// characters of Query from 1; 0 when the query as a whole is at fault) and a query with the
// problem removed (Fixed; empty when there is none to offer).
type QueryProblem struct {
	Query string
	Pos   int
	Msg   string
	Fixed string
}

// Error implements error.
func (p *QueryProblem) Error() string {
	s := fmt.Sprintf("truy vấn «%s» %s", p.Query, p.Msg)
	if p.Pos > 0 {
		s += fmt.Sprintf(" (ở ký tự thứ %d)", p.Pos)
	}
	if p.Fixed != "" {
		s += fmt.Sprintf(". Thử: %s", p.Fixed)
	}
	return s
}

// Parts splits the query around the problem: the text before it, the characters at fault and
// the rest. At is empty when the query as a whole is at fault.
func (p *QueryProblem) Parts() (before, at, after string) {
	rs := []rune(p.Query)
	if p.Pos <= 0 || p.Pos > len(rs) {
		return p.Query, "", ""
	}
	i := p.Pos - 1
	n := 1
	if i+2 <= len(rs) && string(rs[i:i+2]) == "OR" {
		n = 2
	}
	return string(rs[:i]), string(rs[i : i+n]), string(rs[i+n:])
}

// queryKinds maps the parser's English messages (index.QueryError.Msg) to Vietnamese, with what
// to do, and to a repair of the query. The index package words them for developers; the
// interface speaks to researchers.
var queryKinds = []struct {
	prefix string
	vi     string
	fix    func(rs []rune, pos int) string
}{
	{"unclosed quote", "có dấu ngoặc kép mở mà không đóng: thêm dấu \" ở cuối cụm từ, hoặc bỏ dấu này", dropRunes(1)},
	{"'(' is never closed", "có dấu ngoặc đơn «(» không được đóng: thêm «)» hoặc bỏ dấu này", dropRunes(1)},
	{"')' without a matching '('", "có dấu «)» không có «(» tương ứng: bỏ dấu này", dropRunes(1)},
	{"OR needs a term on both sides", "có OR thiếu từ ở một bên: viết «a OR b», hoặc bỏ OR", dropRunes(2)},
	{"empty parentheses", "có cặp ngoặc rỗng «()»: bỏ cặp ngoặc, hoặc viết từ cần tìm vào giữa", dropPair('(', ')')},
	{"empty phrase", "có cặp ngoặc kép rỗng: viết cụm từ vào giữa, hoặc bỏ cặp ngoặc", dropQuotes},
	{"'*' must end a word", "có dấu * không ở cuối từ: dấu * chỉ đứng cuối một từ (chuyen*)", dropStars},
	{"a prefix needs at least two letters", "có tiền tố quá ngắn trước dấu *: cần ít nhất hai chữ cái (chuyen*)", dropStars},
	{"a query cannot only exclude", "chỉ có điều kiện loại trừ (-từ): thêm một từ, cụm từ hoặc bộ lọc cần tìm", dropMinus},
	{"nothing to search for here", "có chỗ trống không có gì để tìm: bỏ dấu thừa", dropRunes(1)},
	{"nothing to search for", "không có gì để tìm: gõ một từ, cụm từ hoặc bộ lọc", nil},
	{"unexpected", "có ký tự không đúng chỗ: bỏ ký tự này", dropRunes(1)},
}

// filterKinds explain the errors the index reports about a filter's value, without a position.
var filterKinds = []struct{ contains, vi string }{
	{"needs a value", "có bộ lọc thiếu giá trị: viết tên:GIÁ-TRỊ, ví dụ year:2023"},
	{"not a year or range of years", "có bộ lọc năm không hợp lệ: viết year:2023 hoặc year:2019-2023"},
	{"unknown filter", "có bộ lọc không được hỗ trợ: dùng theme:, speaker:, org:, workshop:, year:, doc: hoặc lang:"},
}

// Query explains err when it is about a malformed query (index.ErrQuery); ok is false for any
// other error. valid, when not nil, is asked whether a repaired query parses, and the repair is
// repeated (up to four times) until it does.
func Query(err error, valid func(string) error) (*QueryProblem, bool) {
	var qe *index.QueryError
	if !errors.As(err, &qe) {
		return nil, false
	}
	p := &QueryProblem{Query: qe.Query, Pos: qe.Pos, Msg: "không hợp lệ: xem «Cú pháp tìm kiếm»"}
	fixed := ""
	for _, k := range queryKinds {
		if strings.HasPrefix(qe.Msg, k.prefix) {
			p.Msg = k.vi
			if k.fix != nil {
				fixed = k.fix([]rune(qe.Query), qe.Pos)
			}
			break
		}
	}
	if tok, _, ok := strings.Cut(qe.Msg, ": "); ok && qe.Pos == 0 {
		// A filter the index refused: "year:abc: not a year…". The query as the user typed it
		// holds the token; the problem is marked there.
		for _, k := range filterKinds {
			if strings.Contains(qe.Msg, k.contains) {
				p.Msg = k.vi
				p.Pos = tokenPos(qe.Query, tok)
				fixed = dropToken(qe.Query, tok)
				break
			}
		}
	}
	if i := strings.Index(qe.Msg, ": needs a value"); i > 0 && qe.Pos > 0 {
		p.Msg = filterKinds[0].vi
		fixed = dropWordAt([]rune(qe.Query), qe.Pos)
	}
	for i := 0; i < 4 && fixed != "" && valid != nil; i++ {
		err := valid(fixed)
		if err == nil {
			break
		}
		next, ok := Query(err, nil)
		if !ok || next.Fixed == "" || next.Fixed == fixed {
			fixed = ""
			break
		}
		fixed = next.Fixed
	}
	p.Fixed = strings.Join(strings.Fields(fixed), " ")
	return p, true
}

func dropRunes(n int) func([]rune, int) string {
	return func(rs []rune, pos int) string {
		i := pos - 1
		if i < 0 || i >= len(rs) {
			return ""
		}
		return string(rs[:i]) + " " + string(rs[min(i+n, len(rs)):])
	}
}

func dropPair(open, close rune) func([]rune, int) string {
	return func(rs []rune, pos int) string {
		i := pos - 1
		if i < 0 || i >= len(rs) || rs[i] != open {
			return ""
		}
		j := i + 1
		for j < len(rs) && rs[j] != close {
			j++
		}
		return string(rs[:i]) + " " + string(rs[min(j+1, len(rs)):])
	}
}

func dropQuotes(rs []rune, pos int) string {
	i := pos - 1
	if i < 0 || i >= len(rs) {
		return ""
	}
	j := i + 1
	for j < len(rs) && !strings.ContainsRune("\"“”„", rs[j]) {
		j++
	}
	return string(rs[:i]) + " " + string(rs[min(j+1, len(rs)):])
}

func dropStars(rs []rune, pos int) string {
	i := pos - 1
	if i < 0 || i >= len(rs) {
		return ""
	}
	out := append([]rune(nil), rs[:i]...)
	j := i
	for ; j < len(rs) && !unicode.IsSpace(rs[j]); j++ {
		if rs[j] != '*' {
			out = append(out, rs[j])
		}
	}
	return string(out) + string(rs[j:])
}

func dropMinus(rs []rune, pos int) string {
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == '-' && (i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == '(') {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func dropWordAt(rs []rune, pos int) string {
	i := pos - 1
	if i < 0 || i >= len(rs) {
		return ""
	}
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) {
		j++
	}
	return string(rs[:i]) + " " + string(rs[j:])
}

// tokenPos is the character position (from 1) of tok in q, ignoring case; 0 when absent.
func tokenPos(q, tok string) int {
	i := strings.Index(strings.ToLower(q), strings.ToLower(tok))
	if i < 0 {
		return 0
	}
	return len([]rune(q[:i])) + 1
}

// dropToken removes tok from q (ignoring case), and any sign in front of it.
func dropToken(q, tok string) string {
	i := strings.Index(strings.ToLower(q), strings.ToLower(tok))
	if i < 0 {
		return ""
	}
	before := strings.TrimRight(q[:i], "+-")
	return before + " " + q[i+len(tok):]
}

// ThemeFilters returns the values of the theme: filters of a query (also -theme:, +theme:,
// (theme:…) and theme:"…").
func ThemeFilters(q string) []string {
	var out []string
	rs := []rune(q)
	for i := 0; i+6 <= len(rs); i++ {
		if !strings.EqualFold(string(rs[i:i+6]), "theme:") {
			continue
		}
		if i > 0 && !unicode.IsSpace(rs[i-1]) && !strings.ContainsRune("+-(", rs[i-1]) {
			continue
		}
		j := i + 6
		if j < len(rs) && strings.ContainsRune("\"“”„", rs[j]) {
			k := j + 1
			for k < len(rs) && !strings.ContainsRune("\"“”„", rs[k]) {
				k++
			}
			out = append(out, strings.TrimSpace(string(rs[j+1:min(k, len(rs))])))
			i = k
			continue
		}
		k := j
		for k < len(rs) && !unicode.IsSpace(rs[k]) && rs[k] != ')' && rs[k] != '(' {
			k++
		}
		out = append(out, string(rs[j:k]))
		i = k
	}
	return out
}

// UnknownThemeError names theme ids the codebook does not have, and lists the valid ones.
type UnknownThemeError struct {
	Unknown []string
	Valid   []pipeline.Theme
}

// Error implements error.
func (e *UnknownThemeError) Error() string {
	return fmt.Sprintf("không có chủ đề %s trong bộ mã. Các chủ đề hợp lệ: %s", quoteList(e.Unknown), ValidThemes(e.Valid))
}

// ValidThemes lists themes for a person: `id` (label), one after another.
func ValidThemes(themes []pipeline.Theme) string {
	var parts []string
	for _, t := range themes {
		parts = append(parts, fmt.Sprintf("`%s` (%s)", t.ID, t.Label))
	}
	return strings.Join(parts, "; ")
}

func quoteList(xs []string) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, "«"+x+"»")
	}
	return strings.Join(parts, ", ")
}

// CheckThemes returns an *UnknownThemeError when a theme id given as a parameter or written as
// theme:ID in the query is not a theme of the codebook. Ids are compared ignoring case.
func CheckThemes(cb *pipeline.Codebook, query string, ids []string) error {
	known := map[string]bool{}
	for _, t := range cb.Themes() {
		known[strings.ToLower(t.ID)] = true
	}
	var bad []string
	seen := map[string]bool{}
	for _, id := range append(append([]string(nil), ids...), ThemeFilters(query)...) {
		l := strings.ToLower(strings.TrimSpace(id))
		if l == "" || known[l] || seen[l] {
			continue
		}
		seen[l] = true
		bad = append(bad, id)
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	return &UnknownThemeError{Unknown: bad, Valid: cb.Themes()}
}

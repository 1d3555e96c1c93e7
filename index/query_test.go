package index

import (
	"errors"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q, want string
	}{
		{"chuyển", "chuyển"},
		{"chuyen doi so", "(and chuyen doi so)"},
		{`"chuyển đổi số"`, `"chuyển đổi số"`},
		{`“chuyển   đổi số”`, `"chuyển đổi số"`},
		{`doanh nghiệp "tư nhân"`, `(and doanh nghiệp "tư nhân")`},
		{"+đảng -viên", "(and +đảng -viên)"},
		{`+"chi bộ" -"đảng viên"`, `(and +"chi bộ" -"đảng viên")`},
		{"a OR b", "(or a b)"},
		{"a b OR c", "(or (and a b) c)"},
		{"(a OR b) c", "(and (or a b) c)"},
		{"+(a OR b) -c", "(and +(or a b) -c)"},
		{"((a))", "a"},
		{"chuyen*", "chuyen*"},
		{"chuyển* số", "(and chuyển* số)"},
		{"theme:solutions số", "(and theme:solutions số)"},
		{`speaker:"Hợp Lực" chi bộ`, `(and speaker:"Hợp Lực" chi bộ)`},
		{"org:HTX year:2019-2023", "(and org:HTX year:2019-2023)"},
		{"Theme:solutions", "theme:solutions"},
		{"workshop:khanh-hoa doc:d1", "(and workshop:khanh-hoa doc:d1)"},
		{"-theme:shortcomings đảng", "(and -theme:shortcomings đảng)"},
		{"10:30 họp", "(and 10:30 họp)"},                     // not a filter name: a word
		{"giai đoạn 2019-2023", "(and giai đoạn 2019-2023)"}, // dash inside a word
		{"kinh tế – xã hội", "(and kinh tế xã hội)"},         // a lone dash is skipped
		{"or and", "(and or and)"},                           // lower-case or is a word
		{"a - b", "(and a b)"},
		{"ORGAN", "ORGAN"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			n, err := parseQuery(tt.q)
			if err != nil {
				t.Fatalf("parseQuery(%q): %v", tt.q, err)
			}
			if got := n.String(); got != tt.want {
				t.Errorf("parseQuery(%q) = %s, want %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		q, want string // want: part of the message
	}{
		{"", "nothing to search for"},
		{"   ", "nothing to search for"},
		{`"chuyển đổi`, "unclosed quote (at character 1)"},
		{`đảng "chi bộ`, "unclosed quote (at character 6)"},
		{`""`, "empty phrase"},
		{"(a b", "'(' is never closed"},
		{"a b)", "')' without a matching '('"},
		{"()", "empty parentheses"},
		{"a OR", "OR needs a term on both sides"},
		{"OR a", "OR needs a term on both sides"},
		{"a OR OR b", "OR needs a term on both sides"},
		{"(a OR) b", "OR needs a term on both sides"},
		{"-đảng", "only exclude"},
		{`-"chi bộ" -x`, "only exclude"},
		{"a OR -b", "only exclude"},
		{"theme:", "theme: needs a value"},
		{`speaker:""`, "empty phrase"},
		{"ch*yen", "'*' must end a word"},
		{"*", "'*' must end a word"},
		{"c*", "at least two letters"},
		{"+", "nothing to search for"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			n, err := parseQuery(tt.q)
			if err == nil {
				t.Fatalf("parseQuery(%q) = %v, want an error", tt.q, n)
			}
			if !errors.Is(err, ErrQuery) {
				t.Errorf("parseQuery(%q) error %v does not wrap ErrQuery", tt.q, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseQuery(%q) error = %q, want it to mention %q", tt.q, err, tt.want)
			}
		})
	}
}

func TestYearQueryErrors(t *testing.T) {
	for _, v := range []string{"abc", "2023-2019", "20", "2019-", "2019..x"} {
		if _, err := yearQuery(v); !errors.Is(err, ErrQuery) {
			t.Errorf("yearQuery(%q) = %v, want an ErrQuery", v, err)
		}
	}
	for _, v := range []string{"2023", "2019-2023", "2019..2023"} {
		if _, err := yearQuery(v); err != nil {
			t.Errorf("yearQuery(%q): %v", v, err)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`chuyen doi so`, `"a b" +c -d`, `(a OR b) theme:x`, `year:2019-2023 chuyển*`, `((`, `"`, `a OR`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		n, err := parseQuery(q)
		if err != nil {
			if !errors.Is(err, ErrQuery) {
				t.Fatalf("parseQuery(%q): error %v does not wrap ErrQuery", q, err)
			}
			return
		}
		if n == nil {
			t.Fatalf("parseQuery(%q): nil tree without error", q)
		}
		if _, err := buildQuery(n, &Request{}); err != nil && !errors.Is(err, ErrQuery) {
			t.Fatalf("buildQuery(%q): %v", q, err)
		}
	})
}

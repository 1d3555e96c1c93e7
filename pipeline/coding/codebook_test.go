package coding

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultCodebook(t *testing.T) {
	cb := DefaultCodebook()
	var ids []string
	for _, th := range cb.Themes() {
		ids = append(ids, th.ID)
		if th.Label == "" || th.LabelEN == "" || th.Description == "" || len(th.Cues) == 0 {
			t.Errorf("theme %q is incomplete", th.ID)
		}
	}
	want := []string{"shortcomings", "solutions", "digital-transformation", "private-enterprise"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("themes %v, want %v", ids, want)
	}
	labels := map[string]string{"shortcomings": "Hạn chế, yếu kém", "solutions": "Giải pháp, kiến nghị",
		"digital-transformation": "Chuyển đổi số", "private-enterprise": "Kinh tế tư nhân, doanh nghiệp ngoài nhà nước",
		"no-such-theme": "no-such-theme"}
	for id, l := range labels {
		if got := cb.Label(id); got != l {
			t.Errorf("Label(%q) = %q, want %q", id, got, l)
		}
	}
	// the printed file is the embedded one and parses back to the same codebook
	if string(cb.TOML()) != string(defaultCodebookTOML) {
		t.Error("TOML() differs from the embedded file")
	}
	again, err := ParseCodebook(cb.TOML(), "printed.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Themes(), cb.Themes()) || !reflect.DeepEqual(again.Mood, cb.Mood) {
		t.Error("printed codebook parses to a different codebook")
	}
}

// minimal is a small valid codebook; the bad cases below break it one way each.
const minimal = `version = 1

[[theme]]
id = "shortcomings"
label = "Hạn chế"
cues = [
  { text = "hạn chế", weight = 1.2 },
]

[[theme]]
id = "solutions"
label = "Giải pháp"
cues = [
  { text = "giải pháp", weight = 1.0 },
]
`

func TestParseCodebookErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // the error must contain this
	}{
		{"syntax error", strings.Replace(minimal, `label = "Giải pháp"`, `label = "Giải pháp`, 1), "codebook bad.toml: line 12:"},
		{"duplicate id", strings.Replace(minimal, `id = "solutions"`, `id = "shortcomings"`, 1), `codebook bad.toml: line 11: duplicate theme id "shortcomings"`},
		{"empty cue", strings.Replace(minimal, `{ text = "giải pháp", weight = 1.0 }`, `{ text = "", weight = 1.0 }`, 1), "codebook bad.toml: line 14: theme \"solutions\": cue 1 is empty"},
		{"negative weight", strings.Replace(minimal, `weight = 1.2`, `weight = -1`, 1), `codebook bad.toml: line 7: theme "shortcomings": cue "hạn chế" has weight -1`},
		{"huge weight", strings.Replace(minimal, `weight = 1.2`, `weight = 99`, 1), `line 7: theme "shortcomings": cue "hạn chế" has weight 99`},
		{"weight of the wrong type", strings.Replace(minimal, `weight = 1.2`, `weight = "cao"`, 1), "codebook bad.toml: line 7:"},
		{"bad id", strings.Replace(minimal, `id = "solutions"`, `id = "Giải pháp"`, 1), "codebook bad.toml: line 10: theme 2: id"},
		{"no label", strings.Replace(minimal, `label = "Giải pháp"`, `label_en = "Solutions"`, 1), `line 10: theme "solutions": empty label`},
		{"unknown key", strings.Replace(minimal, `label = "Giải pháp"`, "label = \"Giải pháp\"\ncolour = \"red\"", 1), `codebook bad.toml: line 13: unknown key "theme.colour"`},
		{"unknown rule kind", minimal + "rules = [\n  { name = \"x\", kind = \"magic\", trigger = [\"a\"], weight = 1 },\n]\n", `line 17: theme "solutions": rule "x" has unknown kind "magic"`},
		{"rule without trigger", minimal + "rules = [\n  { name = \"y\", kind = \"before-word\", weight = 1 },\n]\n", `line 17: theme "solutions": rule "y" has no trigger`},
		{"no themes", "version = 1\n", "codebook bad.toml: line 1: no [[theme]] table"},
		{"empty mood word", minimal + "\n[mood]\nmodals = [\"cần\", \"\"]\n", "codebook bad.toml: line 18: [mood] modals: word 2 is empty"},
		{"bad damp factor", minimal + "\n[mood]\ndamp_factor = 3.0\n", "codebook bad.toml: line 18: damp_factor 3 out of range 0-1"},
		{"bad version", strings.Replace(minimal, "version = 1", "version = 7", 1), "codebook bad.toml: line 1: unsupported version 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCodebook([]byte(tt.data), "bad.toml")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
			var ce *CodebookError
			if !errors.As(err, &ce) || ce.File != "bad.toml" || ce.Line < 1 {
				t.Errorf("error %#v is not a CodebookError with a file and a line", err)
			}
		})
	}
}

func TestLoadCodebookUserTheme(t *testing.T) {
	user := string(defaultCodebookTOML) + `
[[theme]]
id = "kiem-tra-giam-sat"
label = "Kiểm tra, giám sát"
label_en = "Inspection and supervision"
description = "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng."
cues = [
  { text = "kiểm tra", weight = 0.8 },
  { text = "giám sát", weight = 0.8 },
  { text = "ủy ban kiểm tra", weight = 1.2 },
  { text = "thi hành kỷ luật", weight = 1.2 },
]
negative = ["kiểm tra sức khỏe"]
`
	path := filepath.Join(t.TempDir(), "my.toml")
	if err := os.WriteFile(path, []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	cb, err := LoadCodebook(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := cb.Label("kiem-tra-giam-sat"); got != "Kiểm tra, giám sát" {
		t.Errorf("label %q", got)
	}
	tg := NewTagger(cb)
	tests := []struct {
		text string
		want bool
	}{
		{"Ủy ban Kiểm tra Huyện ủy đã kiểm tra, giám sát 12 chi bộ trong năm 2023.", true},
		{"Công đoàn tổ chức kiểm tra sức khỏe định kỳ cho công nhân.", false},
	}
	for _, tt := range tests {
		ss := tagOne(t, tg, nil, tt.text)
		if got := containsString(ss[0].Themes, "kiem-tra-giam-sat"); got != tt.want {
			t.Errorf("%q: user theme %v, want %v (scores %v)", tt.text, got, tt.want, ss[0].Scores)
		}
	}
}

// TestUserCodebookInheritsMood checks that a codebook without [mood] still finds
// recommendations with the default word lists.
func TestUserCodebookInheritsMood(t *testing.T) {
	cb, err := ParseCodebook([]byte(minimal), "minimal.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cb.Mood, DefaultCodebook().Mood) {
		t.Error("the mood lists were not inherited from the default codebook")
	}
	ss := tagOne(t, NewTagger(cb), nil, "Đề nghị Huyện ủy có giải pháp tháo gỡ hạn chế trong công tác kết nạp.")
	if !ss[0].Recommendation || ss[0].Addressee != "Huyện ủy" {
		t.Errorf("recommendation %v addressee %q", ss[0].Recommendation, ss[0].Addressee)
	}
}

func TestLoadCodebookMissingFile(t *testing.T) {
	_, err := LoadCodebook(filepath.Join(t.TempDir(), "none.toml"))
	if err == nil || !strings.Contains(err.Error(), "none.toml") {
		t.Errorf("error %v should name the file", err)
	}
}

// FuzzParseCodebook checks that no input makes the parser panic.
func FuzzParseCodebook(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add(defaultCodebookTOML)
	f.Add([]byte("[[theme]]\nid = \"\"\n"))
	f.Add([]byte("version = \"x\"\n[[theme]]\ncues = [{ text = 1 }]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cb, err := ParseCodebook(data, "fuzz.toml")
		if err == nil {
			NewTagger(cb).TagSection(ptr(buildSection([]labelled{{Text: "Chi bộ còn hạn chế. Cần khắc phục."}})))
		} else if !strings.HasPrefix(err.Error(), "codebook fuzz.toml: ") {
			t.Errorf("error %q does not name the file", err)
		}
	})
}

func ptr[T any](v T) *T { return &v }

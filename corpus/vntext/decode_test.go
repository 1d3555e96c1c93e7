package vntext

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/corpustest"
)

// Our own sentences; every encoding test input is made from them with Encode.
var sentences = []string{
	"Đảng bộ tỉnh đã lãnh đạo thực hiện thắng lợi nghị quyết đại hội, giữ vững ổn định chính trị.",
	"Chi bộ cần nâng cao chất lượng sinh hoạt, đổi mới phương thức lãnh đạo và quản lý đảng viên.",
	"Người đứng đầu cấp uỷ phải gương mẫu, nói đi đôi với làm, giữ gìn sự đoàn kết nội bộ.",
	"Việc kết nạp đảng viên là chủ doanh nghiệp tư nhân còn gặp nhiều khó khăn, vướng mắc ở nước ta.",
	"Nhiều ý kiến đề xuất tăng cường ứng dụng công nghệ thông tin và chuyển đổi số trong công tác tổ chức.",
}

// capitals holds accented capitals, which the ABC (TCVN3) fonts cannot encode.
const capitals = "BÁO CÁO TỔNG KẾT CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2023 của Đảng uỷ Khối Doanh nghiệp tỉnh."

func TestDecodeLegacy(t *testing.T) {
	for _, enc := range []string{TCVN3, VNI, VISCII, CP1258, VIQR} {
		texts := append([]string{strings.Join(sentences, "\n")}, sentences...)
		if enc != TCVN3 {
			texts = append(texts, capitals+" "+sentences[0])
		}
		for i, want := range texts {
			data, err := Encode(want, enc)
			if err != nil {
				t.Fatalf("Encode %s: %v", enc, err)
			}
			got, gotEnc, err := Decode(data)
			if err != nil {
				t.Fatalf("%s #%d: %v", enc, i, err)
			}
			if got != want || gotEnc != enc {
				t.Errorf("%s #%d: Decode = %q (%s), want %q", enc, i, got, gotEnc, want)
			}
		}
	}
}

// english is ASCII text whose apostrophes and question marks follow vowels, as VIQR marks do.
const english = "I'm sure you're right: it's what we've done, isn't it? They'd agree (a^b) and so'd she."

func TestDecodeUnicode(t *testing.T) {
	text := sentences[0] + "\n" + sentences[1]
	utf16le := []byte{0xFF, 0xFE}
	utf16be := []byte{0xFE, 0xFF}
	var le, be []byte
	for _, r := range text { // all in the BMP
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	tests := []struct {
		name, want, enc string
		data            []byte
	}{
		{"utf-8", text, UTF8, []byte(text)},
		{"utf-8 BOM", text, UTF8BOM, append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"utf-16le BOM", text, UTF16LE, append(utf16le, le...)},
		{"utf-16be BOM", text, UTF16BE, append(utf16be, be...)},
		{"utf-16le no BOM", text, UTF16LE, le},
		{"utf-16be no BOM", text, UTF16BE, be},
		{"NFD", text, UTF8, []byte(norm.NFD.String(text))},
		{"NBSP zero-width soft hyphen CRLF", "Đảng viên gương mẫu\nđi đầu", UTF8, []byte("Đảng\u00a0viên gương\u200b mẫu\r\nđi đ\u00adầu")},
		{"eth for đ", "Đảng viên", UTF8, []byte("Ðảng viên")},
		{"ASCII", "plain text, no marks", UTF8, []byte("plain text, no marks")},
		{"English with apostrophes", english, UTF8, []byte(english)},
		{"Vietnamese without marks", "Dang Cong san Viet Nam, hoi thao ve cong tac dang.", UTF8,
			[]byte("Dang Cong san Viet Nam, hoi thao ve cong tac dang.")},
		{"empty", "", UTF8, nil},
		{"windows-1252 French", "Café crème à la française, déjà vu.", Windows1252,
			[]byte("Caf\xe9 cr\xe8me \xe0 la fran\xe7aise, d\xe9j\xe0 vu.")},
	}
	for _, tt := range tests {
		got, enc, err := Decode(tt.data)
		if err != nil || got != tt.want || enc != tt.enc {
			t.Errorf("%s: Decode = %q, %q, %v; want %q, %q", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
}

func TestDecodeBinary(t *testing.T) {
	for _, data := range [][]byte{
		{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
		[]byte("PK\x03\x04\x14\x00\x06\x00"),
		bytes.Repeat([]byte{1, 2, 3, 4, 'a'}, 50),
	} {
		if _, _, err := Decode(data); !errors.Is(err, ErrBinary) {
			t.Errorf("Decode(%q) error = %v, want ErrBinary", data[:8], err)
		}
	}
}

// cp1252View shows legacy bytes as a program reading them as Windows-1252 does.
func cp1252View(t *testing.T, s, enc string) string {
	t.Helper()
	b, err := Encode(s, enc)
	if err != nil {
		t.Fatal(err)
	}
	return decodeLegacy(b, Windows1252)
}

func TestRepair(t *testing.T) {
	want := strings.Join(sentences[:3], " ")
	for _, enc := range []string{TCVN3, VNI, VISCII, CP1258} {
		seen := cp1252View(t, want, enc)
		if got, gotEnc := Repair(seen); Clean(got) != want || gotEnc != enc {
			t.Errorf("Repair(%s as cp1252) = %q (%s), want %q", enc, got, gotEnc, want)
		}
		// The same mojibake inside a UTF-8 file decodes too, named after both encodings.
		if got, gotEnc, err := Decode([]byte(seen)); err != nil || got != want || gotEnc != UTF8+"+"+enc {
			t.Errorf("Decode(%s mojibake) = %q, %q, %v", enc, got, gotEnc, err)
		}
	}
	misread := decodeLegacy([]byte(want), Windows1252)
	if got, enc := Repair(misread); got != want || enc != MisreadUTF8 {
		t.Errorf("Repair(UTF-8 as cp1252) = %q (%s)", got, enc)
	}
	// One broken line among good ones.
	mixed := sentences[3] + "\n" + cp1252View(t, sentences[4], TCVN3) + "\n" + sentences[0]
	wantMixed := sentences[3] + "\n" + sentences[4] + "\n" + sentences[0]
	if got, enc := Repair(mixed); got != wantMixed || enc != TCVN3 {
		t.Errorf("Repair(mixed) = %q (%s)", got, enc)
	}
	for _, good := range append(sentences, "Café crème, déjà vu", "“Tôi là ai” – hoà", "") {
		if got, enc := Repair(good); got != good || enc != "" {
			t.Errorf("Repair(%q) changed good text to %q (%s)", good, got, enc)
		}
	}
}

// TestRepairReferenceExamples repairs the mojibake examples of the shared reference.
func TestRepairReferenceExamples(t *testing.T) {
	f, err := os.Open(corpustest.Shared(t, "vietnamese/data/mojibake_examples.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 3 || strings.HasPrefix(c[0], "#") || c[0] == "unicode" {
			continue
		}
		n++
		got, _, err := Decode([]byte(c[2]))
		if err != nil || got != c[0] {
			t.Errorf("%s: Decode(%q) = %q, %v; want %q", c[1], c[2], got, err, c[0])
		}
	}
	if n < 50 {
		t.Errorf("read %d examples, want at least 50", n)
	}
}

func TestFromLegacyRunes(t *testing.T) {
	tests := []struct{ in, enc, want string }{
		{"§¶ng Céng s¶n ViÖt Nam", TCVN3, "Đảng Cộng sản Việt Nam"},
		{"n\u00adíc → “tèt”", TCVN3, "nước → “tốt”"},
		{"Ñaûng Coäng saûn Vieät Nam", VNI, "Đảng Cộng sản Việt Nam"},
		{"nöôùc", VNI, "nước"},
		{"\uf0a7\uf0b6ng", TCVN3, "Đảng"}, // symbol-font code points
		{"Ðäng viên", VISCII, "Đảng viên"},
		{"ÐaÒng viên", CP1258, "Đảng viên"},
		{"dda?ng vie^n", VIQR, "đảng viên"},
		{"§¶NG CéNG S¶N", TCVN3, "ĐẢNG CỘNG SẢN"}, // .VnTimeH capitals font
		{"§¶ng", "", "§¶ng"},
	}
	for _, tt := range tests {
		if got := FromLegacyRunes(tt.in, tt.enc); got != tt.want {
			t.Errorf("FromLegacyRunes(%q, %q) = %q, want %q", tt.in, tt.enc, got, tt.want)
		}
	}
}

func TestFontEncoding(t *testing.T) {
	tests := []struct {
		font, enc string
		upper     bool
	}{
		{".VnTime", TCVN3, false}, {"ABCDEF+.VnTimeH", TCVN3, true}, {".VnArial Narrow", TCVN3, false},
		{"VNI-Times", VNI, false}, {"Times New Roman", "", false}, {"ABCDEF+TimesNewRomanPSMT", "", false},
	}
	for _, tt := range tests {
		if enc, upper := FontEncoding(tt.font); enc != tt.enc || upper != tt.upper {
			t.Errorf("FontEncoding(%q) = %q, %v; want %q, %v", tt.font, enc, upper, tt.enc, tt.upper)
		}
	}
}

func TestEncodeUnrepresentable(t *testing.T) {
	if _, err := Encode("Ở", TCVN3); err == nil {
		t.Error("Encode(Ở, TCVN3) succeeded; ABC fonts have no accented capitals in 0x80-0x9F")
	}
	if _, err := Encode("中文", VNI); err == nil {
		t.Error("Encode(中文, VNI) succeeded")
	}
	if _, err := Encode("x", "ebcdic"); err == nil {
		t.Error("Encode with an unknown encoding succeeded")
	}
}

// TestTextFixturesEncoded checks vntext.Encode against the fixtures of corpus/testdata/text that
// glibc iconv wrote (CP1258, TCVN5712-1, VISCII), and writes or checks the VNI and VIQR ones,
// which iconv cannot make (THAMLUAN_WRITE_FIXTURES=1 writes them: see make_fixtures.sh).
func TestTextFixturesEncoded(t *testing.T) {
	dir := "../testdata/text/"
	orig, err := os.ReadFile(dir + "original.txt")
	if err != nil {
		t.Fatal(err)
	}
	write := os.Getenv("THAMLUAN_WRITE_FIXTURES") != ""
	for _, f := range []struct{ file, enc string }{
		{"cp1258.txt", CP1258}, {"tcvn3.txt", TCVN3}, {"viscii.txt", VISCII}, {"vni.txt", VNI}, {"viqr.txt", VIQR},
	} {
		want, err := Encode(string(orig), f.enc)
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		if write && (f.enc == VNI || f.enc == VIQR) {
			if err := os.WriteFile(dir+f.file, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(dir + f.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: Encode(original, %s) differs from the fixture", f.file, f.enc)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range sentences[:2] {
		f.Add([]byte(s))
		for _, enc := range []string{TCVN3, VNI, VISCII, CP1258, VIQR} {
			b, _ := Encode(s, enc)
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(text) || !norm.NFC.IsNormalString(text) {
			t.Fatalf("Decode(%q) = %q (%s): not valid NFC", data, text, enc)
		}
		if enc == "" {
			t.Fatal("no encoding name")
		}
		_ = Quality(text)
		_ = NormalizeTones(text)
	})
}

func BenchmarkDecode(b *testing.B) {
	text := strings.Repeat(strings.Join(sentences, " ")+"\n", 100)
	for _, enc := range []string{UTF8, TCVN3, VNI, VISCII, CP1258, VIQR, UTF8 + "+" + TCVN3} {
		var data []byte
		switch enc {
		case UTF8:
			data = []byte(text)
		case UTF8 + "+" + TCVN3:
			raw, _ := Encode(text, TCVN3)
			data = []byte(decodeLegacy(raw, Windows1252))
		default:
			data, _ = Encode(text, enc)
		}
		b.Run(enc, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			_, _, _ = Decode(data) // build the tables outside the measurement
			for b.Loop() {
				if _, got, err := Decode(data); err != nil || got != enc {
					b.Fatalf("Decode = %s, %v", got, err)
				}
			}
		})
	}
}

// TestDecodeSharedCorpus encodes the real documents of the shared corpus in every legacy
// encoding (lines an encoding cannot represent are left out) and expects Decode to give them back.
func TestDecodeSharedCorpus(t *testing.T) {
	for _, name := range []string{"d1_kyyeu.txt", "d2_tinbai.txt", "d3_thamluan.txt"} {
		data, err := os.ReadFile(corpustest.Shared(t, "corpus/dev/"+name))
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(text, "\n")
		for _, enc := range []string{TCVN3, VNI, VISCII, CP1258, VIQR} {
			var kept []string
			for _, l := range lines {
				if _, err := Encode(l, enc); err == nil {
					kept = append(kept, l)
				}
			}
			if len(kept)*10 < len(lines)*8 {
				t.Errorf("%s %s: only %d of %d lines encodable", name, enc, len(kept), len(lines))
			}
			want := strings.Join(kept, "\n")
			b, _ := Encode(want, enc)
			got, gotEnc, err := Decode(b)
			if err != nil || gotEnc != enc {
				t.Errorf("%s %s: Decode gave %q, %v", name, enc, gotEnc, err)
				continue
			}
			if got != want {
				t.Errorf("%s %s: decoded text differs at %q", name, enc, firstDiff(got, want))
			}
			if enc == VIQR {
				continue
			}
			// The same bytes shown as Windows-1252 and saved as UTF-8: mojibake to repair.
			got, gotEnc, err = Decode([]byte(decodeLegacy(b, Windows1252)))
			if err != nil || gotEnc != UTF8+"+"+enc || got != want {
				t.Errorf("%s %s mojibake: Decode gave %q, %v; differs at %q", name, enc, gotEnc, err, firstDiff(got, want))
			}
		}
		got, gotEnc, err := Decode([]byte(decodeLegacy([]byte(text), Windows1252)))
		if err != nil || gotEnc != UTF8+"+"+MisreadUTF8 || got != text {
			t.Errorf("%s UTF-8 read as cp1252: Decode gave %q, %v; differs at %q", name, gotEnc, err, firstDiff(got, text))
		}
	}
}

// firstDiff returns a short excerpt of got where it first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-20)
	for lo > 0 && !utf8.RuneStart(got[lo]) {
		lo--
	}
	return got[lo:min(len(got), i+20)]
}

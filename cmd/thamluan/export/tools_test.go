package export

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
	"thamluan/pipeline"
)

func writeQDPX(t *testing.T) (data []byte, parts map[string][]byte) {
	t.Helper()
	var b bytes.Buffer
	when := time.Date(2024, 11, 20, 8, 30, 0, 0, time.UTC)
	if err := WriteQDPX(&b, pipeline.DefaultCodebook(), sections(), QDPXOptions{Name: "Hội thảo", Time: when}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), readZip(t, b.Bytes())
}

// TestWriteQDPX checks the project against itself: every source file is there, every selection
// covers the sentence it codes, every coding names a code of the codebook.
func TestWriteQDPX(t *testing.T) {
	data, parts := writeQDPX(t)
	again, _ := writeQDPX(t)
	if !bytes.Equal(data, again) {
		t.Errorf("two exports of the same sections differ")
	}
	qde, ok := parts["project.qde"]
	if !ok {
		t.Fatalf("no project.qde")
	}
	var p qdeProject
	if err := xml.Unmarshal(qde, &p); err != nil {
		t.Fatalf("project.qde: %v", err)
	}
	codes := map[string]string{}
	vi := map[string]string{}
	for _, t := range pipeline.DefaultCodebook().Themes() {
		vi[t.Label] = t.Description
	}
	for _, c := range p.Codes {
		codes[c.GUID] = c.Name
		if want, ok := vi[c.Name]; !ok || c.Description != want {
			t.Errorf("code %q described %q; want the codebook's Vietnamese label and description", c.Name, c.Description)
		}
	}
	if len(codes) != 4 || len(p.Sources) != 2 || len(p.Cases) != 2 {
		t.Fatalf("%d codes, %d sources, %d cases; want 4, 2, 2", len(codes), len(p.Sources), len(p.Cases))
	}
	var coded []string
	for _, src := range p.Sources {
		file := "sources/" + strings.TrimPrefix(src.Path, "internal://")
		text, ok := parts[file]
		if !ok {
			t.Errorf("%s: no %s in the archive", src.Name, file)
			continue
		}
		rs := []rune(string(text))
		for _, sel := range src.Selections {
			if sel.Start < 0 || sel.End > len(rs) || sel.Start >= sel.End {
				t.Errorf("selection %d-%d outside a text of %d characters", sel.Start, sel.End, len(rs))
				continue
			}
			for _, c := range sel.Codings {
				coded = append(coded, codes[c.Code.Target]+"="+string(rs[sel.Start:sel.End]))
			}
		}
		for _, c := range src.Codings {
			coded = append(coded, codes[c.Code.Target]+"=(cả phần) "+src.Name)
		}
	}
	want := []string{
		"Chuyển đổi số=Chi bộ đã dùng Sổ tay đảng viên điện tử.",
		"Hạn chế, yếu kém=Việc cập nhật dữ liệu còn chậm, nhiều hạn chế.",
		"Chuyển đổi số=(cả phần) Tham luận của Đảng ủy Cảng — phần 1: 1. Thực trạng",
		"Hạn chế, yếu kém=(cả phần) Tham luận của Đảng ủy Cảng — phần 1: 1. Thực trạng",
		"Kinh tế tư nhân, doanh nghiệp ngoài nhà nước=Doanh nghiệp tư nhân & hộ kinh doanh cần được hỗ trợ.",
		"Giải pháp, kiến nghị=Doanh nghiệp tư nhân & hộ kinh doanh cần được hỗ trợ.",
		"Kinh tế tư nhân, doanh nghiệp ngoài nhà nước=(cả phần) docs/tin-bai.html — phần 2: Ý kiến <doanh nghiệp>",
	}
	if strings.Join(coded, "\n") != strings.Join(want, "\n") {
		t.Errorf("codings:\n%s\nwant:\n%s", strings.Join(coded, "\n"), strings.Join(want, "\n"))
	}
	guidRE := regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`)
	for _, g := range []string{p.User, p.Sources[0].GUID, p.Codes[0].GUID} {
		if !guidRE.MatchString(g) {
			t.Errorf("GUID %q is not a version-5 UUID", g)
		}
	}
}

// TestQDPXSchema validates project.qde against the REFI-QDA schema with xmllint.
func TestQDPXSchema(t *testing.T) {
	xsd := corpustest.Shared(t, "refi-qda/Project-mrt2019.xsd")
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (Debian package libxml2-utils; `make test-export-tools` installs it): skipping schema validation")
	}
	_, parts := writeQDPX(t)
	qde := filepath.Join(t.TempDir(), "project.qde")
	if err := os.WriteFile(qde, parts["project.qde"], 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", xsd, qde).CombinedOutput()
	if err != nil {
		t.Fatalf("project.qde does not validate against %s: %v\n%s", xsd, err, out)
	}
	if !strings.Contains(string(out), "validates") {
		t.Errorf("xmllint said: %s", out)
	}
}

// TestDOCXOpensInLibreOffice converts the Word report to PDF with LibreOffice and reads the
// Vietnamese text back from the PDF.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice takes seconds: skipped under -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: skipping the Word → PDF check")
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteDOCX(&b, NewReport(pipeline.DefaultCodebook(), groups())); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "kien-nghi.docx")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "kien-nghi.pdf")
	st, err := os.Stat(pdf)
	if err != nil || st.Size() < 1000 {
		t.Fatalf("LibreOffice made no PDF from the docx: %v", err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	out, err := exec.Command(pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Tổng hợp kiến nghị, đề xuất", "Chuyển đổi số", "Đề nghị hỗ trợ *kinh phí* cho chi bộ <vùng xa>.", "Chi bộ Cảng, “a.pdf”, tr. 5", "Tệp: docs/a.pdf, phần 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}

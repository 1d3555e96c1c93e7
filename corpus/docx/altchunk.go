package docx

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"thamluan/corpus/htmldoc"
)

// htmlKinds maps the blocks of an HTML chunk to paragraph kinds.
var htmlKinds = map[htmldoc.Kind]Kind{
	htmldoc.Paragraph: Paragraph,
	htmldoc.Heading:   Heading,
	htmldoc.ListItem:  ListItem,
	htmldoc.TableRow:  TableRow,
	htmldoc.Caption:   Paragraph,
	htmldoc.Title:     Title,
}

// altChunk reads the part a w:altChunk imports (documents exported from web pages keep their
// whole text there as HTML) and emits its paragraphs in place. Parts of other types are noted
// in the warnings.
func (w *walker) altChunk(id string) error {
	r := w.r
	target, ok := r.docRel(id)
	if !ok {
		r.warn("w:altChunk %q names no part", id)
		return nil
	}
	ext := strings.ToLower(path.Ext(target))
	if ext != ".htm" && ext != ".html" && ext != ".xhtml" && ext != ".txt" {
		r.warn("%s: imported %s content is not read", target, ext)
		return nil
	}
	rc, err := r.arch.open(target)
	if err != nil || rc == nil {
		r.warn("%s: imported part is missing", target)
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	if ext == ".txt" {
		for _, line := range strings.Split(string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "\n") {
			w.emit(strings.Join(strings.Fields(line), " "), Paragraph, 0, len(w.tables))
		}
		return nil
	}
	h, err := htmldoc.Read(data)
	if err != nil {
		r.warn("%s: %v", target, err)
		return nil
	}
	for _, b := range h.Blocks {
		w.emit(b.Text, htmlKinds[b.Kind], b.Level, len(w.tables))
	}
	return nil
}

// docRel resolves a relationship id of the main document to a part name.
func (r *reader) docRel(id string) (string, bool) {
	if r.rels == nil {
		r.rels = map[string]string{}
		dir := path.Dir(r.main)
		rels, err := r.arch.relationships(path.Join(dir, "_rels", path.Base(r.main)+".rels"))
		if err != nil {
			r.warn("%v", err)
		}
		for _, rel := range rels {
			t := rel.target
			if !strings.HasPrefix(t, "/") {
				t = path.Join(dir, t)
			}
			r.rels[rel.id] = strings.TrimPrefix(path.Clean(t), "/")
		}
	}
	t, ok := r.rels[id]
	return t, ok
}

func (r *reader) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

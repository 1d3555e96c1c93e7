package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// MaxFileSize is the largest file Read accepts; larger files are refused with a clear error.
const MaxFileSize = 512 << 20

// ErrUnsupported is wrapped by Read for a file whose content is of no format thamluan reads.
var ErrUnsupported = errors.New("unsupported file type")

// ErrEmpty is wrapped by Read for a file with no bytes at all.
var ErrEmpty = errors.New("the file is empty")

// ReadOptions tune how files are read.
type ReadOptions struct {
	// AllowLowQuality keeps text layers that look like garbage (a PDF that needs OCR) instead of
	// refusing them.
	AllowLowQuality bool
	// OCR says whether scanned pages and image files are read by OCR; off by default.
	OCR OCROptions
}

// Read reads the file at path, whatever its extension says, and returns the document with its
// Blocks filled and Sections empty. An error names the file and the reason; a reader that panics
// on malformed input is recovered into an error.
func Read(path string, opt ReadOptions) (*Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("read %s: is a folder", path)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("read %s: file is %d MB, more than the %d MB limit", path, st.Size()>>20, MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ReadBytes(path, data, opt)
}

// ReadBytes is Read for content already in memory; path names the document in errors and output.
func ReadBytes(path string, data []byte, opt ReadOptions) (doc *Document, err error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("read %s: %w", path, ErrEmpty)
	}
	format := Sniff(path, data)
	if format == "" {
		return nil, fmt.Errorf("read %s: %w (%s)", path, ErrUnsupported, describe(path, data))
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("read %s: %s reader failed on malformed input: %v\n%s", path, format, r, firstFrames(debug.Stack()))
		}
	}()
	switch format {
	case FormatPDF:
		doc, err = readPDF(path, data, opt)
	case FormatDOCX:
		doc, err = readDOCX(path, data)
	case FormatHTML:
		doc, err = readHTML(path, data)
	case FormatImage:
		doc, err = readImage(path, data, opt)
	default:
		doc, err = readText(path, data)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	doc.Path, doc.Format, doc.Size = path, format, int64(len(data))
	sum := sha256.Sum256(data)
	doc.Hash = hex.EncodeToString(sum[:])
	if doc.Warnings == nil {
		doc.Warnings = []string{}
	}
	doc.Title = chooseTitle(doc.Blocks, doc.Title, path)
	return doc, nil
}

// Sniff names the format of data from its content, using the file name only to break ties
// (a .md file is text, a .htm file is HTML). It returns "" for content of no known format.
func Sniff(path string, data []byte) string {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	trim := bytes.TrimLeft(head, " \t\r\n\ufeff")
	trim = bytes.TrimPrefix(trim, []byte{0xEF, 0xBB, 0xBF})
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || (len(data) > 0 && bytes.Contains(head, []byte("%PDF-"))):
		return FormatPDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if bytes.Contains(data, []byte("word/")) || bytes.Contains(data, []byte("[Content_Types].xml")) {
			return FormatDOCX
		}
		return ""
	case looksHTML(trim):
		return FormatHTML
	case isImage(head):
		return FormatImage
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".pdf" || ext == ".docx" {
		return "" // a binary format's extension on content without its signature: refuse, don't guess
	}
	if isText(data) {
		return FormatText
	}
	return ""
}

func looksHTML(b []byte) bool {
	l := bytes.ToLower(b)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!doctype html"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return true
		}
	}
	return false
}

// isText reports whether data can be text: UTF-16 with a BOM, or bytes without NULs and with few
// control characters (legacy 8-bit Vietnamese encodings pass).
func isText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	n := len(data)
	if n > 8192 {
		data = data[:8192]
	}
	ctrl := 0
	for _, c := range data {
		if c == 0 {
			return false
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 <= len(data)
}

func describe(path string, data []byte) string {
	if len(data) == 0 {
		return "the file is empty"
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".pdf" || ext == ".docx" {
		return fmt.Sprintf("named %s but the content is not %s: it starts with %q", ext, strings.ToUpper(ext[1:]), string(bytes.ToValidUTF8(data[:min(len(data), 16)], []byte("?"))))
	}
	return fmt.Sprintf("content starts with %q", string(bytes.ToValidUTF8(data[:min(len(data), 8)], []byte("?"))))
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

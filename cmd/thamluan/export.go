package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"

	"thamluan/cmd/thamluan/export"
	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
	"thamluan/pipeline"
)

// exportFormats are the formats of --format, each writing from the open index.
var exportFormats = map[string]func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error{
	"md": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeReport(w, ix, cb, export.WriteMarkdown)
	},
	"docx": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeReport(w, ix, cb, export.WriteDOCX)
	},
	"recurring-md": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeRecurring(w, ix, cb, export.WriteMarkdown)
	},
	"recurring-docx": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeRecurring(w, ix, cb, export.WriteDOCX)
	},
	"csv": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeSections(w, ix, cb, export.WriteSegmentsCSV)
	},
	"matrix-csv": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeSections(w, ix, cb, export.WriteMatrixCSV)
	},
	"qdpx": func(w io.Writer, ix *index.Index, cb *pipeline.Codebook) error {
		return writeSections(w, ix, cb, func(w io.Writer, cb *pipeline.Codebook, secs []*index.SectionRecord) error {
			return export.WriteQDPX(w, cb, secs, export.QDPXOptions{Name: filepath.Base(ix.Dir())})
		})
	},
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "", "")
	dir := fs.String("index", "", "index `DIR`")
	format := fs.String("format", "", "md, docx, recurring-md, recurring-docx, csv, matrix-csv, qdpx or opensearch")
	out := fs.String("out", "", "write to `FILE` (a folder for opensearch; required)")
	var af analysisFlags
	af.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dir == "" || *out == "" {
		return usageErr(msg.CLIExportNeeds)
	}
	write, ok := exportFormats[*format]
	if !ok && *format != "opensearch" {
		return usageErr("--format %q không hợp lệ: dùng md, docx, recurring-md, recurring-docx, csv, matrix-csv, qdpx hoặc opensearch", *format)
	}
	ix, cb, err := af.openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	if *format == "opensearch" {
		res, err := index.ExportOpenSearch(ix, *out, index.OpenSearchOptions{})
		if err != nil {
			return err
		}
		printf(e.stderr, msg.OutOpenSearch, filepath.Base(res.Mapping), len(res.BulkFiles), res.Sections, *out)
		return nil
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, ix, cb) })
}

// writeFileAtomic writes a temporary file beside path and renames it, so a failed export never
// leaves half a file under the name asked for. The file is created 0666 less the umask (0644
// under the usual umask), as any program's output is, not private like a temporary file.
func writeFileAtomic(path string, fn func(io.Writer) error) error {
	f, err := createBeside(path)
	if err != nil {
		return msg.Errorf(msg.CLICannotCreate, err)
	}
	defer os.Remove(f.Name())
	if err := fn(f); err != nil {
		f.Close()
		return msg.Errorf(msg.CLICannotExport, path, err)
	}
	if err := f.Close(); err != nil {
		return msg.Errorf(msg.CLICannotWrite, path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return msg.Errorf(msg.CLICannotWrite, path, err)
	}
	return nil
}

// createBeside creates a new, hidden file in path's folder with mode 0666 (the umask applies).
func createBeside(path string) (*os.File, error) {
	var err error
	for i := 0; i < 100; i++ {
		name := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.%d.%d.tmp", filepath.Base(path), os.Getpid(), rand.Int64()))
		var f *os.File
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, err
}

func writeReport(w io.Writer, ix *index.Index, cb *pipeline.Codebook, fn func(io.Writer, *export.Report) error) error {
	recs, err := ix.Recommendations(nil)
	if err != nil {
		return err
	}
	return fn(w, export.NewReport(cb, pipeline.GroupRecommendations(recs)))
}

func writeSections(w io.Writer, ix *index.Index, cb *pipeline.Codebook, fn func(io.Writer, *pipeline.Codebook, []*index.SectionRecord) error) error {
	var secs []*index.SectionRecord
	if err := ix.Sections(nil, func(s *index.SectionRecord) error { secs = append(secs, s); return nil }); err != nil {
		return err
	}
	return fn(w, cb, secs)
}

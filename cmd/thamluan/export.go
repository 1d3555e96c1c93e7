package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"thamluan/cmd/thamluan/export"
	"thamluan/index"
	"thamluan/pipeline"
)

const exportHelp = `Export an index for use elsewhere. Formats:
  md          the recommendations report by theme, with citations, in Markdown
  docx        the same report as a Word document
  csv         the coded segments: one row per section, a 0/1 column per theme (UTF-8 with BOM, for Excel)
  matrix-csv  the theme × organisation matrix: sections per speaker and theme
  recurring-md    the proposals made again at other workshops or in other years, by theme, with
                  their years and citations, in Markdown
  recurring-docx  the same as a Word document
  qdpx        a REFI-QDA project for ATLAS.ti, NVivo, MAXQDA: themes as codes, sections as sources,
              tagged sentences as coded selections
  opensearch  a folder (--out DIR) with mapping.json, whose analysers match thamluan's (folding with
              đ→d, one tone placement, shingles), and bulk-NNNN.ndjson files for the _bulk API of
              an OpenSearch or Elasticsearch cluster`

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
	fs := newFlags(e, "export", "", exportHelp)
	dir := fs.String("index", "", "index `DIR`")
	format := fs.String("format", "", "md, docx, recurring-md, recurring-docx, csv, matrix-csv, qdpx or opensearch")
	out := fs.String("out", "", "write to `FILE` (a folder for opensearch; required)")
	var af analysisFlags
	af.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dir == "" || *out == "" {
		return fmt.Errorf("%w: --index DIR and --out FILE are required", errUsage)
	}
	write, ok := exportFormats[*format]
	if !ok && *format != "opensearch" {
		return fmt.Errorf("%w: --format %q: want md, docx, recurring-md, recurring-docx, csv, matrix-csv, qdpx or opensearch", errUsage, *format)
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
		printf(e.stderr, "đã ghi %s và %d tệp bulk (%d phần) vào %s\n", filepath.Base(res.Mapping), len(res.BulkFiles), res.Sections, *out)
		return nil
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, ix, cb) })
}

// writeFileAtomic writes a temporary file beside path and renames it, so a failed export never
// leaves half a file under the name asked for.
func writeFileAtomic(path string, fn func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := fn(f); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
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

// Command thamluan turns the proceedings of Vietnamese party-building workshops into a searchable,
// theme-coded archive: it reads PDF, DOCX, HTML and text files, splits them into sections and
// sentences, tags them with the themes of a codebook and indexes them for search.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK      = 0 // all went well
	exitPartial = 1 // some documents failed; the rest were done
	exitFatal   = 2 // usage error or a fatal error
)

// errPartial is returned by a command that did its work but could not read some documents.
var errPartial = errors.New("some documents failed")

// errUsage marks an error in how the command was called.
var errUsage = errors.New("usage")

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env holds the streams a command writes to, so tests can capture them.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
}

var commands = []command{
	{"analyze", "read documents and print their sections, themes and recommendations", runAnalyze},
	{"index", "add or update documents in an index", runIndex},
	{"search", "search an index", runSearch},
	{"themes", "summarise each theme of an index", runThemes},
	{"recs", "list the recommendations of an index, grouped", runRecs},
	{"stats", "count the documents and sections of an index", runStats},
	{"serve", "serve a read-only web interface to an index, in Vietnamese", runServe},
	{"export", "export recommendations, coded segments or a QDA project (md, docx, csv, qdpx)", runExport},
	{"codebook", "print the default codebook, to edit and pass with --codebook", runCodebook},
	{"demo", "index the embedded demo corpus and show what thamluan does", runDemo},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a command and maps its error to an exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitFatal
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		code, forwarded, err := dispatch(ctx, e, c, args[1:]) // here, or by the process writing the index (forward.go)
		if forwarded {
			return code
		}
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, errHelp):
			return exitOK
		case errors.Is(err, errPartial):
			fmt.Fprintf(e.stderr, "thamluan %s: %v\n", c.name, err)
			return exitPartial
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "thamluan %s: %v\n(see thamluan %s --help)\n", c.name, err, c.name)
			return exitFatal
		default:
			fmt.Fprintf(e.stderr, "thamluan %s: %v\n", c.name, err)
			return exitFatal
		}
	}
	fmt.Fprintf(e.stderr, "thamluan: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitFatal
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "thamluan — a searchable, theme-coded archive of workshop documents (hội thảo, tham luận)")
	fmt.Fprintln(w, "\nusage: thamluan COMMAND [flags] [arguments]\n\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'thamluan COMMAND --help' for a command's flags. Flags come before arguments.")
	fmt.Fprintln(w, "Exit status: 0 all went well, 1 some documents failed, 2 usage or fatal error.")
}

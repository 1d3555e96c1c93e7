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
	"regexp"
	"strings"
	"syscall"

	"thamluan/cmd/thamluan/msg"
)

// Exit statuses.
const (
	exitOK      = 0 // all went well
	exitPartial = 1 // some documents failed; the rest were done
	exitFatal   = 2 // usage error or a fatal error
)

// errPartial is returned by a command that did its work but could not read some documents.
var errPartial = errors.New("một số tài liệu không đọc được")

// errUsage marks an error in how the command was called.
var errUsage = errors.New("usage")

// command is a subcommand; its summary and help are in the message catalogue (package msg).
type command struct {
	name string
	run  func(ctx context.Context, env *env, args []string) error
}

// env holds the streams a command writes to, so tests can capture them.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
}

var commands = []command{
	{"analyze", runAnalyze},
	{"index", runIndex},
	{"search", runSearch},
	{"themes", runThemes},
	{"recs", runRecs},
	{"compare", runCompare},
	{"stats", runStats},
	{"serve", runServe},
	{"export", runExport},
	{"codebook", runCodebook},
	{"demo", runDemo},
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
			fmt.Fprintf(e.stderr, "thamluan %s: %s\n", c.name, describeCLI(err))
			return exitPartial
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "thamluan %s: %s\n"+msg.CLISeeHelp+"\n", c.name, describeCLI(err), c.name)
			return exitFatal
		default:
			fmt.Fprintf(e.stderr, "thamluan %s: %s\n", c.name, describeCLI(err))
			return exitFatal
		}
	}
	fmt.Fprintf(e.stderr, "thamluan: "+msg.CLINoCommand+"\n\n", args[0])
	usage(e.stderr)
	return exitFatal
}

// englishUsage words usage errors raised in English (fmt.Errorf("%w: …", errUsage))
// in Vietnamese.
var englishUsage = map[string]string{
	"--index DIR is required":          msg.CLINoIndex,
	"name at least one file or folder": msg.CLINoPaths,
}

// englishWant matches an English usage error about a flag's value: `--ocr "x": want auto, off or force`.
var englishWant = regexp.MustCompile(`^(--[\w-]+) ("[^"]*"): want (.+)$`)

// partialCount matches the English summary of a batch with failures.
var partialCount = regexp.MustCompile(`(\d+) of (\d+)(?: files)? could not be (read|indexed)`)

// describeCLI words a command's error for the terminal, in Vietnamese.
func describeCLI(err error) string {
	var ue *usageError
	if errors.As(err, &ue) {
		return ue.msg
	}
	s := err.Error()
	if rest, ok := strings.CutPrefix(s, errUsage.Error()+": "); ok && errors.Is(err, errUsage) && errors.Unwrap(err) == errUsage {
		if vi, ok := englishUsage[rest]; ok {
			return vi
		}
		if m := englishWant.FindStringSubmatch(rest); m != nil {
			return fmt.Sprintf(msg.CLIBadValue, m[1], m[2], strings.ReplaceAll(m[3], " or ", " hoặc "))
		}
		return rest
	}
	if errors.Is(err, errPartial) {
		var pe *partialError
		if errors.As(err, &pe) {
			return pe.msg
		}
		if m := partialCount.FindStringSubmatch(s); m != nil {
			verb := map[string]string{"read": "đọc", "indexed": "lập chỉ mục"}[m[3]]
			return fmt.Sprintf(msg.CLIFailedSummary, m[1], m[2], verb)
		}
		return msg.CLIPartial
	}
	return msg.Describe(err)
}

// partialError is a run that did part of its work, worded in Vietnamese; it is errPartial.
type partialError struct{ msg string }

func (e *partialError) Error() string        { return e.msg }
func (e *partialError) Is(target error) bool { return target == errPartial }

// partialErr returns errPartial with a Vietnamese message.
func partialErr(format string, args ...any) error {
	return &partialError{fmt.Sprintf(format, args...)}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, msg.Usage)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, msg.Summary[c.name])
	}
	fmt.Fprintln(w, msg.UsageEnd)
}

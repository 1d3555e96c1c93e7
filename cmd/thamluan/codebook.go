package main

import (
	"context"
	"fmt"

	"thamluan/pipeline"
)

func runCodebook(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "codebook", "", "")
	check := fs.String("check", "", "validate the codebook `FILE` and list its themes")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *check != "" {
		af := analysisFlags{codebook: *check}
		cb, err := af.loadCodebook()
		if err != nil {
			return err
		}
		for _, t := range cb.Themes() {
			printf(e.stdout, "%s\t%s\n", t.ID, t.Label)
		}
		return nil
	}
	_, err := fmt.Fprint(e.stdout, string(pipeline.DefaultCodebook().TOML()))
	return err
}

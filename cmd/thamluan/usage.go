package main

import (
	"errors"
	"fmt"

	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
)

// openIndex opens the index in dir for reading; a missing --index is a usage error, a folder
// that is not an index says how to make one.
func openIndex(dir string) (*index.Index, error) {
	if dir == "" {
		return nil, usageErr(msg.CLINoIndex)
	}
	ix, err := index.Open(dir)
	switch {
	case err == nil:
		return ix, nil
	case errors.Is(err, index.ErrNotIndex):
		return nil, msg.Errorf(msg.CLINotIndex, dir, dir)
	}
	return nil, err
}

// usageError is a mistake in how a command was called, worded in Vietnamese; it is errUsage.
type usageError struct{ msg string }

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == errUsage }

// usageErr returns a usage error with a Vietnamese message.
func usageErr(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

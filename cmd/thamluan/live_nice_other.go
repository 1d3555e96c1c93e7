//go:build !linux

package main

// lowerPriority does nothing where threads have no priority of their own.
func lowerPriority() {}

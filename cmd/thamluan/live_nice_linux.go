package main

import (
	"runtime"
	"syscall"
)

// lowerPriority runs the calling goroutine, until it ends, on a thread of its own at the lowest
// scheduling priority: the reading and analysis of a server's job then yield the processor to
// the server's searches. The thread ends with the goroutine (it is never unlocked).
func lowerPriority() {
	runtime.LockOSThread()
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 19)
}

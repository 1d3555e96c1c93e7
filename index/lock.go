package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockFile is the name of the file in an index folder that writers lock exclusively (and write
// their process id into) and readers lock shared, so that one process at a time changes an index.
const LockFile = "thamluan.lock"

// ErrInUse is wrapped by Open, OpenOrCreate and Create when another process holds the index.
var ErrInUse = errors.New("chỉ mục đang được dùng")

// lockWait is how long a writer waits for readers (a search, stats) to let go of an index.
var lockWait = 3 * time.Second

// fileLock is a held lock on an index folder's LockFile.
type fileLock struct {
	f         *os.File
	exclusive bool
}

// lockIndex takes the lock of the index in dir, exclusive for a writer, shared for a reader. A
// writer waits up to lockWait for readers, and anyone for a writer between taking the lock and
// writing its process id (or between clearing it and letting go); a lock held by a writer fails
// at once with ErrInUse naming the writer's process id.
func lockIndex(dir string, exclusive bool) (*fileLock, error) {
	p := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock index %s: %w", dir, err)
	}
	deadline := time.Now().Add(lockWait)
	for {
		ok, err := tryLock(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock index %s: %w", dir, err)
		}
		if ok {
			break
		}
		// A writer's id means it is writing: fail at once. No id means readers hold the lock (a
		// writer waits for them) or a writer is starting or finishing (anyone waits for it).
		pid := lockHolder(f)
		if pid != 0 || time.Now().After(deadline) {
			f.Close()
			return nil, inUse(dir, pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l := &fileLock{f: f, exclusive: exclusive}
	if exclusive {
		if err := l.writePID(); err != nil {
			l.release()
			return nil, fmt.Errorf("lock index %s: %w", dir, err)
		}
	}
	return l, nil
}

func inUse(dir string, pid int) error {
	if pid != 0 {
		return fmt.Errorf("%w bởi tiến trình %d (một lần chạy `thamluan index` đang ghi vào %s; hãy thử lại khi nó xong)", ErrInUse, pid, dir)
	}
	return fmt.Errorf("%w bởi một tiến trình khác đang đọc %s (tìm kiếm, thống kê hoặc máy chủ); hãy thử lại khi nó xong", ErrInUse, dir)
}

// lockHolder returns the process id a writer wrote into the lock file, or 0 when there is none.
func lockHolder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil || pid <= 0 || !alive(pid) {
		return 0
	}
	return pid
}

func (l *fileLock) writePID() error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// release clears a writer's process id and lets go of the lock.
func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if l.exclusive {
		_ = l.f.Truncate(0)
	}
	_ = unlock(l.f)
	_ = l.f.Close()
	l.f = nil
}

package index

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ServerFile is the name of the file, beside LockFile, where the process holding an index's
// writer records how other processes reach it: its process id, loopback address and the secret
// token that proves a caller can read the index folder. It is written with mode 0600.
const ServerFile = "thamluan.server"

// ServerInfo is what ServerFile records.
type ServerInfo struct {
	PID   int    `json:"pid"`
	Addr  string `json:"addr"`  // host:port, reachable from this machine
	Token string `json:"token"` // sent by forwarding commands in the X-Thamluan-Token header
	Kind  string `json:"kind"`  // "serve" (takes index runs) or "index" (an index run)
}

// WriteServer records info beside the lock of the index in dir, atomically.
func WriteServer(dir string, info ServerInfo) error {
	data, err := json.Marshal(info)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, ServerFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("index %s: record the server: %w", dir, err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, ServerFile)); err != nil {
		return fmt.Errorf("index %s: record the server: %w", dir, err)
	}
	return nil
}

// RemoveServer removes the record of this process as the server of the index in dir.
func RemoveServer(dir string) {
	var info ServerInfo
	p := filepath.Join(dir, ServerFile)
	if data, err := os.ReadFile(p); err == nil && json.Unmarshal(data, &info) == nil && info.PID == os.Getpid() {
		_ = os.Remove(p)
	}
}

// ReadServer returns the server recorded for the index in dir when that process is alive and
// is the one holding the index's writer lock; ok is false otherwise (no server, or a record
// left behind by a process that was killed).
func ReadServer(dir string) (ServerInfo, bool) {
	var info ServerInfo
	data, err := os.ReadFile(filepath.Join(dir, ServerFile))
	if err != nil || json.Unmarshal(data, &info) != nil || info.PID <= 0 || info.Addr == "" {
		return info, false
	}
	lock, err := os.ReadFile(filepath.Join(dir, LockFile))
	if err != nil {
		return info, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(lock)))
	if err != nil || pid != info.PID || !alive(pid) {
		return info, false
	}
	return info, true
}

// Writer returns the id of the live process holding the writer lock of the index in dir, as it
// wrote it into LockFile, or 0 when there is none.
func Writer(dir string) int {
	f, err := os.Open(filepath.Join(dir, LockFile))
	if err != nil {
		return 0
	}
	defer f.Close()
	return lockHolder(f)
}

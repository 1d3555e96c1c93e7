package web

import (
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"    // every file indexed
	JobPartial = "partial" // some files failed, the rest indexed
	JobFailed  = "failed"  // the run stopped
)

var jobStateText = map[string]string{JobQueued: "đang chờ", JobRunning: "đang chạy", JobDone: "xong",
	JobPartial: "xong, có tệp lỗi", JobFailed: "thất bại"}

// Job is one indexing run done by the server: handed over by `thamluan index`, started by the
// folder watcher, or by an upload.
type Job struct {
	ID        int          `json:"id"`
	Kind      string       `json:"kind"` // index, watch, upload
	Title     string       `json:"title"`
	State     string       `json:"state"`
	StateText string       `json:"state_text"`
	Created   time.Time    `json:"created"`
	Finished  *time.Time   `json:"finished,omitempty"`
	Files     int          `json:"files"` // files to read (changed or new)
	Done      int          `json:"done"`  // files read so far
	Indexed   int          `json:"indexed"`
	Unchanged int          `json:"unchanged"`
	Pruned    int          `json:"pruned"`
	Failed    []JobFailure `json:"failed"`
	Error     string       `json:"error,omitempty"`
}

// JobFailure names a file a job could not index and why.
type JobFailure struct {
	Path   string `json:"path"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Jobs is the server's list of recent jobs; it is safe for concurrent use.
type Jobs struct {
	mu   sync.Mutex
	jobs []*Job
	next int
}

// maxJobs is how many finished jobs are remembered.
const maxJobs = 200

// NewJobs returns an empty list.
func NewJobs() *Jobs { return &Jobs{next: 1} }

// Add records a new queued job and returns its id.
func (js *Jobs) Add(kind, title string) int {
	js.mu.Lock()
	defer js.mu.Unlock()
	j := &Job{ID: js.next, Kind: kind, Title: title, State: JobQueued, StateText: jobStateText[JobQueued],
		Created: time.Now().UTC(), Failed: []JobFailure{}}
	js.next++
	js.jobs = append(js.jobs, j)
	if len(js.jobs) > maxJobs {
		js.jobs = slices.Delete(js.jobs, 0, len(js.jobs)-maxJobs)
	}
	return j.ID
}

// Update changes the job with this id under the list's lock; the state text follows the state.
func (js *Jobs) Update(id int, fn func(*Job)) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.jobs {
		if j.ID == id {
			fn(j)
			j.StateText = jobStateText[j.State]
			return
		}
	}
}

// List returns copies of the jobs, newest first.
func (js *Jobs) List() []Job {
	js.mu.Lock()
	defer js.mu.Unlock()
	out := make([]Job, 0, len(js.jobs))
	for i := len(js.jobs) - 1; i >= 0; i-- {
		out = append(out, js.jobs[i].copy())
	}
	return out
}

// Get returns a copy of the job with this id.
func (js *Jobs) Get(id int) (Job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.jobs {
		if j.ID == id {
			return j.copy(), true
		}
	}
	return Job{}, false
}

func (j *Job) copy() Job {
	c := *j
	c.Failed = slices.Clone(j.Failed)
	return c
}

// apiJobs answers /api/jobs (every recent job) and /api/jobs/{id}.
func (l *Live) apiJobs(w http.ResponseWriter, r *http.Request) error {
	if id := r.PathValue("id"); id != "" {
		n, err := strconv.Atoi(id)
		if err != nil {
			return badRequest("mã việc %q không hợp lệ", id)
		}
		j, ok := l.opt.Jobs.Get(n)
		if !ok {
			return notFound("không có việc %d", n)
		}
		return writeJSON(w, j)
	}
	return writeJSON(w, map[string]any{"jobs": l.opt.Jobs.List()})
}

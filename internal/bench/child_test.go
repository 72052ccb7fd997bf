package bench_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/newsfts/newsfts/internal/bench"
)

// TestMain lets the test binary play a child process that exits with the
// status named by BENCH_TEST_EXIT.
func TestMain(m *testing.M) {
	switch os.Getenv("BENCH_TEST_EXIT") {
	case "":
		os.Exit(m.Run())
	case "3":
		os.Stderr.WriteString("child failed on purpose\n")
		os.Exit(3)
	default:
		os.Exit(0)
	}
}

func TestRun(t *testing.T) {
	tests := []struct {
		exit    string
		okCodes []int
		wantErr bool
	}{
		{"0", nil, false},
		{"3", nil, true},
		{"3", []int{1}, true},
		{"3", []int{1, 3}, false},
	}
	for _, tt := range tests {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "BENCH_TEST_EXIT="+tt.exit)
		u, err := bench.Run(cmd, tt.okCodes...)
		if (err != nil) != tt.wantErr {
			t.Errorf("exit %s, ok %v: err = %v, want error %v", tt.exit, tt.okCodes, err, tt.wantErr)
		}
		if u.PeakRSS <= 0 || u.Wall <= 0 {
			t.Errorf("exit %s: usage %+v has no peak RSS or wall time", tt.exit, u)
		}
	}
}

func TestDirSize(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "a"), make([]byte, 100), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "b"), make([]byte, 23), 0o644)
	if n, err := bench.DirSize(dir); n != 123 || err != nil {
		t.Errorf("DirSize = %d, %v; want 123", n, err)
	}
	if _, err := bench.DirSize(filepath.Join(dir, "missing")); err == nil {
		t.Error("DirSize of a missing directory: no error")
	}
}

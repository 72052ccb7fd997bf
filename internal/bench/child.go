package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// Usage is what one child process used, from the kernel's rusage.
type Usage struct {
	Wall    time.Duration // from start to exit
	CPU     time.Duration // user + system time
	PeakRSS int64         // largest resident set, in bytes
}

// Add returns u plus v: CPU and wall add up, the peak is the larger.
func (u Usage) Add(v Usage) Usage {
	return Usage{Wall: u.Wall + v.Wall, CPU: u.CPU + v.CPU, PeakRSS: max(u.PeakRSS, v.PeakRSS)}
}

// Run runs cmd to completion and returns its usage. okCodes lists the exit
// statuses besides 0 that count as success (indexer's 1 means "published,
// but some inputs were skipped"). If cmd.Stderr is nil, Run keeps the
// child's stderr and quotes its end in the error.
func Run(cmd *exec.Cmd, okCodes ...int) (Usage, error) {
	var stderr bytes.Buffer
	if cmd.Stderr == nil {
		cmd.Stderr = &stderr
	}
	start := time.Now()
	err := cmd.Run()
	u := Usage{Wall: time.Since(start)}
	if cmd.ProcessState != nil {
		u = UsageOf(cmd.ProcessState, u.Wall)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && contains(okCodes, exit.ExitCode()) {
		err = nil
	}
	if err != nil {
		return u, fmt.Errorf("%s: %w: %s", cmd.Path, err, tail(stderr.Bytes(), 400))
	}
	return u, nil
}

// UsageOf reads the rusage of a process that has exited, such as
// cmd.ProcessState after cmd.Wait; wall is the time it ran.
func UsageOf(ps interface{ SysUsage() any }, wall time.Duration) Usage {
	u := Usage{Wall: wall}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return u
	}
	u.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	u.PeakRSS = ru.Maxrss * 1024 // kilobytes on Linux
	return u
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// tail returns the last n bytes of b, for error messages.
func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(bytes.TrimSpace(b))
}

// DirSize returns the total size of the regular files under dir.
func DirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRefusals checks that newsload refuses, before sending anything,
// flags that would make it unbounded or aim it off this machine.
func TestRefusals(t *testing.T) {
	queries := filepath.Join(t.TempDir(), "q.txt")
	os.WriteFile(queries, []byte("oil\n"), 0o644)
	tests := []struct {
		name string
		args []string
	}{
		{"no queries", []string{"-duration", "1s"}},
		{"too long", []string{"-queries", queries, "-duration", "11m"}},
		{"too many clients", []string{"-queries", queries, "-clients", "5000"}},
		{"not loopback", []string{"-queries", queries, "-addr", "192.0.2.1:80", "-duration", "1s"}},
		{"missing file", []string{"-queries", queries + ".none", "-duration", "1s"}},
		{"bad flag", []string{"-nope"}},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := run(tt.args, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%s: exit %d, stderr %q", tt.name, code, errb.String())
		}
	}
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGateCheck(t *testing.T) {
	g := gate{maxLoss: 0.5, maxEmpty: 0.5}
	tests := []struct {
		name           string
		g              gate
		served, docs   uint64
		cleaned, empty int64
		refused        bool
	}{
		{"first build", g, 0, 10, 10, 0, false},
		{"growth", g, 100, 150, 50, 0, false},
		{"lost half exactly", g, 100, 50, 0, 0, false},
		{"lost more than half", g, 100, 49, 0, 0, true},
		{"lost all", g, 100, 1, 0, 0, true},
		{"stricter limit", gate{maxLoss: 0.1, maxEmpty: 0.5}, 100, 89, 0, 0, true},
		{"forced", gate{maxLoss: 0.5, maxEmpty: 0.5, force: true}, 100, 1, 20, 20, false},
		{"mostly empty", g, 0, 5, 20, 15, true},
		{"half empty", g, 0, 5, 20, 10, false},
		{"few documents, all empty", g, 10, 10, 3, 3, false},
	}
	for _, tt := range tests {
		err := tt.g.check(tt.served, tt.docs, tt.cleaned, tt.empty)
		if got := errors.Is(err, errRefused); got != tt.refused {
			t.Errorf("%s: refused = %v (%v), want %v", tt.name, got, err, tt.refused)
		}
	}
}

func TestSanityGateCommand(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "index")
	var stderr bytes.Buffer
	if code := run([]string{"-q", "-index", index, "../seeds"}, nil, nil, &stderr); code != exitOK {
		t.Fatalf("seeds: exit %d: %s", code, stderr.String())
	}
	current := func() string { b, _ := os.ReadFile(filepath.Join(index, "CURRENT")); return string(b) }
	served := current()

	// Pointing the run at a directory with one article would drop 14 of
	// the 15 seeds: refused, unless forced.
	one := filepath.Join(dir, "one")
	os.MkdirAll(one, 0o755)
	write(t, filepath.Join(one, "a.txt"), story("Quay repairs delayed", "Gdynia", "storms damaged the quay"))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-q", "-index", index, one}, exitRefused, "over -max-loss 0.50"},
		{[]string{"-q", "-index", index, one}, exitRefused, "NOT published (sanity check), still serving gen-"},
		{[]string{"-q", "-index", index, "-max-loss", "0.99", one}, exitOK, "published"},
	}
	for _, tt := range tests {
		stderr.Reset()
		code := run(tt.args, nil, nil, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, want %d with %q: %s", tt.args, code, tt.code, tt.want, stderr.String())
		}
		if tt.code == exitRefused && current() != served {
			t.Errorf("%v: refused, but CURRENT changed", tt.args)
		}
	}

	// A run whose pages come out mostly empty (a broken cleaner, or a
	// scraper that saved error pages).
	junk := filepath.Join(dir, "junk")
	os.MkdirAll(junk, 0o755)
	write(t, filepath.Join(junk, "good.txt"), story("Quay repairs delayed", "Gdynia", "storms damaged the quay"))
	for i := range 12 {
		write(t, filepath.Join(junk, fmt.Sprintf("e%d.txt", i)), "Home | World | Business\nShare this article\nSubscribe\n")
	}
	junkIndex := filepath.Join(dir, "junk-index")
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-q", "-index", junkIndex, junk}, exitRefused},
		{[]string{"-q", "-index", junkIndex, "-force", junk}, exitSkipped},
	} {
		stderr.Reset()
		if code := run(tt.args, nil, nil, &stderr); code != tt.code {
			t.Errorf("%v: exit %d, want %d: %s", tt.args, code, tt.code, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "12 no article text") {
		t.Errorf("forced run's summary: %s", stderr.String())
	}
}

func TestRollbackCommand(t *testing.T) {
	dir := t.TempDir()
	index, src := filepath.Join(dir, "index"), filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	current := func() string {
		b, _ := os.ReadFile(filepath.Join(index, "CURRENT"))
		return strings.TrimSpace(string(b))
	}
	var stderr bytes.Buffer
	var gens []string
	for _, detail := range []string{"storms damaged the quay", "a barge sank at the quay"} {
		write(t, filepath.Join(src, "a.txt"), story("Quay repairs delayed", "Gdynia", detail))
		if code := run([]string{"-q", "-index", index, src}, nil, nil, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		gens = append(gens, current())
	}
	tests := []struct {
		code    int
		current string
	}{
		{exitOK, gens[0]},
		{exitFailed, gens[0]}, // nothing older left
	}
	for i, tt := range tests {
		stderr.Reset()
		if code := run([]string{"-rollback", "-index", index}, nil, nil, &stderr); code != tt.code || current() != tt.current {
			t.Errorf("rollback %d: exit %d, CURRENT %s; want %d, %s: %s", i+1, code, current(), tt.code, tt.current, stderr.String())
		}
	}
	// The next run updates the generation rolled back to.
	stderr.Reset()
	if code := run([]string{"-q", "-index", index, src}, nil, nil, &stderr); code != exitOK || !strings.Contains(stderr.String(), "1 modified") {
		t.Errorf("run after rollback: exit %d: %s", code, stderr.String())
	}
	checkDocs(t, "after rollback", index, map[string]string{"a": "barge"}, nil)
}

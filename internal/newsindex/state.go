package newsindex

// State files.
//
// A generation's named state (the indexer's manifest, the story grouping)
// is kept as files in the generation's directory, under stateDir, one
// file per key. It used to be Bleve internal values, but Bleve keeps every
// internal value of an open index in memory for as long as it is open:
// searchd held the whole story state (over 100 MiB at 300,000 articles)
// and the manifest although it reads neither whole. In files, state is
// read only by whoever asks for it, still moves with the generation's
// directory when it is published (build aside, rename), and is copied by
// Update with the rest of the directory. A generation written before
// kept its state as internal values, and is still read from there.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"syscall"

	"github.com/blevesearch/bleve/v2"
)

// stateDir is the directory of state files in a generation's directory.
const stateDir = "newsfts-state"

// stateKeyRE is what a state key may be: a file name anywhere.
var stateKeyRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// writeState writes what write writes as the state key of the generation
// in dir, synced, so that the rename that publishes the directory
// publishes it.
func writeState(dir, key string, write func(io.Writer) error) error {
	if !stateKeyRE.MatchString(key) {
		return fmt.Errorf("newsindex: state key %q: use lower-case letters, digits, dots and dashes", key)
	}
	sd := filepath.Join(dir, stateDir)
	if err := os.MkdirAll(sd, 0o755); err != nil {
		return fmt.Errorf("state %q: %w", key, err)
	}
	f, err := os.CreateTemp(sd, ".tmp-"+key+"-")
	if err != nil {
		return fmt.Errorf("state %q: %w", key, err)
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(sd, key))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("state %q: %w", key, err)
	}
	return nil
}

// readState returns the state key of the generation in dir, open as idx:
// its file, or for an older generation its internal value; nil for a key
// never set.
func readState(dir string, idx bleve.Index, key string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, stateDir, key))
	switch {
	case err == nil:
		return b, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("state %q: %w", key, err)
	}
	v, err := idx.GetInternal([]byte(statePrefix + key))
	if err != nil {
		return nil, fmt.Errorf("state %q: %w", key, err)
	}
	return v, nil
}

// mapState calls use with the state file key of the generation in dir,
// mapped into memory rather than read onto the heap: searchd decodes the
// story state (over 100 MiB at 300,000 articles) for the little it keeps.
// use must not keep the bytes. It fails when there is no such file.
func mapState(dir, key string, use func([]byte) error) error {
	f, err := os.Open(filepath.Join(dir, stateDir, key))
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() == 0 || st.Size() != int64(int(st.Size())) {
		return fmt.Errorf("state %q: size %d", key, st.Size())
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("state %q: %w", key, err)
	}
	defer syscall.Munmap(b)
	return use(b)
}

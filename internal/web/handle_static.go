package web

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/newsfts/newsfts/ui"
)

// static serves GET /static/...: the embedded stylesheet and other
// assets. Directories are not listed.
func (s *server) static(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	fsys := ui.Static()
	if !fs.ValidPath(name) {
		return errNoPage
	}
	if fi, err := fs.Stat(fsys, name); err != nil || fi.IsDir() {
		return errNoPage
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, fsys, name)
	return nil
}

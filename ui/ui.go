// Package ui holds the HTML templates and static assets of searchd's user
// interface, embedded in the binary so that the server needs no files at
// run time.
//
// Templates returns the templates directory: base.html defines the page
// layout (template "base", which calls the blocks "title" and "main"), and
// each other file defines those blocks for one page. Static returns the
// assets served under /static/, such as style.css. The interface needs no
// JavaScript.
package ui

import (
	"embed"
	"io/fs"
)

//go:embed templates/*.html
var templates embed.FS

//go:embed static
var static embed.FS

// Templates returns the page templates, one file per page plus base.html.
func Templates() fs.FS { return sub(templates, "templates") }

// Static returns the static assets, served under /static/.
func Static() fs.FS { return sub(static, "static") }

func sub(f embed.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		// fs.Sub fails only for an invalid name, and dir is a constant.
		panic("ui: " + err.Error())
	}
	return s
}

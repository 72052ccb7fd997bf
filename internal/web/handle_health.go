package web

import (
	"net/http"

	"github.com/newsfts/newsfts/internal/search"
)

// health is the body of GET /healthz.
type health struct {
	Status string `json:"status"` // "ok"
	search.Stats
}

// healthz serves GET /healthz: the index's document count and generation.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) error {
	return s.writeJSON(w, http.StatusOK, health{Status: "ok", Stats: s.searcher.Stats()})
}

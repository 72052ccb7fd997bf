package web

import (
	"math"
	"net/http"

	"github.com/newsfts/newsfts/internal/search"
)

// health is the body of GET /healthz.
type health struct {
	Status string `json:"status"` // "ok"
	search.Stats
	AgeSeconds *float64 `json:"age_seconds,omitempty"` // since the generation was published
}

// healthz serves GET /healthz: the index's document count, generation and age.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) error {
	h := health{Status: "ok", Stats: s.searcher.Stats()}
	if !h.Published.IsZero() {
		age := math.Round(s.now().Sub(h.Published).Seconds())
		h.AgeSeconds = &age
	}
	return s.writeJSON(w, http.StatusOK, h)
}

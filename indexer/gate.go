package main

import (
	"errors"
	"fmt"
)

// errRefused is wrapped by the error of a run whose new generation failed
// the sanity check.
var errRefused = errors.New("not published (the sanity check failed; -force publishes anyway)")

// minEmptySample is how many documents a run must clean before the share
// of empty ones means anything: one junk page in a quiet run is no alarm.
const minEmptySample = 10

// gate is the sanity check a new generation passes before it is
// published: it must not have lost more than maxLoss of the served
// generation's documents, and no more than maxEmpty of the documents
// cleaned in this run may have come out without article text (a sign
// that the cleaner or the inputs broke).
type gate struct {
	maxLoss  float64 // share of the served documents that may go
	maxEmpty float64 // share of cleaned documents that may be empty
	force    bool    // publish whatever the check says
}

// check returns an error wrapping errRefused saying why the new
// generation, with docs documents, may not replace one with served.
func (g gate) check(served, docs uint64, cleaned, empty int64) error {
	if g.force {
		return nil
	}
	if served > 0 && docs < served {
		lost := float64(served-docs) / float64(served)
		if lost > g.maxLoss {
			return fmt.Errorf("%w: it would hold %d documents where %d are served, a loss of %.0f%%, over -max-loss %.2f",
				errRefused, docs, served, 100*lost, g.maxLoss)
		}
	}
	if cleaned >= minEmptySample {
		share := float64(empty) / float64(cleaned)
		if share > g.maxEmpty {
			return fmt.Errorf("%w: no article text was found in %d of the %d documents read (%.0f%%), over -max-empty %.2f",
				errRefused, empty, cleaned, 100*share, g.maxEmpty)
		}
	}
	return nil
}

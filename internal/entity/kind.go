package entity

import (
	"fmt"
	"strings"
)

// Kind is the type of an entity.
type Kind int

// The kinds of entity that become facets.
const (
	Person Kind = iota // a person
	Org                // an organisation: agency, company, party, armed group, outlet
	Place              // a country, region, city or other location

	// stopKind marks names that are never entities; only alias files use it.
	stopKind Kind = -1
)

// String returns the name of k as written in alias files.
func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Org:
		return "org"
	case Place:
		return "place"
	case stopKind:
		return "stop"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// parseKind reads the kind field of an alias file line.
func parseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "per", "people":
		return Person, nil
	case "org", "organization", "organisation", "orgs":
		return Org, nil
	case "place", "loc", "location", "places":
		return Place, nil
	case "stop", "ignore":
		return stopKind, nil
	}
	return 0, fmt.Errorf("unknown kind %q (want person, org, place or stop)", s)
}

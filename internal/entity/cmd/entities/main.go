// Command entities prints the entities that the extractor finds in text
// files: the first line is the title, blank lines separate paragraphs. It is
// a debugging aid for the entity package.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/newsfts/newsfts/internal/entity"
)

func main() {
	aliases := flag.String("aliases", "", "operator alias `file`")
	flag.Parse()
	var x *entity.Extractor
	var err error
	if *aliases != "" {
		f, ferr := os.Open(*aliases)
		if ferr != nil {
			fmt.Fprintln(os.Stderr, ferr)
			os.Exit(1)
		}
		x, err = entity.New(f)
		f.Close()
	} else {
		x, err = entity.New(nil)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, name := range flag.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		title, body, _ := strings.Cut(string(data), "\n")
		var paras []string
		for _, p := range strings.Split(body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		out, _ := json.MarshalIndent(x.Extract(title, paras), "", "  ")
		fmt.Printf("%s\n%s\n", name, out)
	}
}

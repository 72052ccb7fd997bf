// Command searchd serves faceted search over the index that indexer
// publishes: a JSON API for scripts and a server-rendered HTML UI for
// browsers, both read-only.
//
// It opens the generation that the index directory's CURRENT file names,
// notices when indexer publishes a newer one (a directory watch, a periodic
// rescan, and at once on SIGHUP), swaps it in without dropping a request
// and closes the old one. /metrics serves Prometheus metrics (metrics.go).
// SIGINT or SIGTERM shut it down gracefully: requests in flight finish.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsfts/newsfts/internal/newsindex"
	"github.com/newsfts/newsfts/internal/web"
)

const usage = `usage: searchd [flags]

Searchd serves the index published by indexer on -addr:

  GET /                 the search page (HTML, works without JavaScript)
  GET /doc/{id}         one article
  GET /api/search       the same search as JSON (see README.md)
  GET /api/doc/{id}     one article as JSON
  GET /healthz          status, document count, generation, publish time
  GET /metrics          Prometheus metrics: requests and latency by route,
                        the generation served, its age, swaps, reload errors

It notices new generations by itself: a watch on the index directory sees
each publish at once, a rescan every -reload catches what a watch can
miss, and SIGHUP asks for a reload now. A new generation is opened before
it is swapped in; requests in flight finish on the old one, which is then
closed. It never writes to the index, so it can keep serving while
indexer runs, is killed, or rolls back (indexer -rollback).

SIGTERM or SIGINT shut it down gracefully: it stops accepting, lets the
requests in flight finish (up to -timeout) and exits with status 0.

Flags:
`

// config holds searchd's flags.
type config struct {
	index     string        // index directory
	addr      string        // listen address
	reload    time.Duration // how often to look for a new generation
	timeout   time.Duration // longest a request may run
	logFormat string        // text or json
	keep      int           // responses each generation keeps
}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	var cfg config
	fs := flag.NewFlagSet("searchd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	fs.StringVar(&cfg.index, "index", "data/index", "index directory written by indexer")
	fs.StringVar(&cfg.addr, "addr", "localhost:8080", "address to listen on")
	fs.DurationVar(&cfg.reload, "reload", 30*time.Second, "how often to rescan for a newly published index (a directory watch sees most at once)")
	fs.StringVar(&cfg.logFormat, "log-format", "text", "log records as text or json")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "longest time one request may take")
	fs.IntVar(&cfg.keep, "cache", newsindex.DefaultResultCache, "search responses kept per published index, answered again without searching (0: none)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var log *slog.Logger
	switch cfg.logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(stderr, nil))
	case "json":
		log = slog.New(slog.NewJSONHandler(stderr, nil))
	default:
		fmt.Fprintf(stderr, "searchd: -log-format %q: use text or json\n", cfg.logFormat)
		return 2
	}
	slog.SetDefault(log) // the index's watcher logs through the default logger
	if err := serve(&cfg, log); err != nil {
		log.Error("searchd stopped", "err", err)
		return 1
	}
	log.Info("stopped")
	return 0
}

func serve(cfg *config, log *slog.Logger) error {
	ix, err := newsindex.Open(cfg.index)
	if err != nil {
		return fmt.Errorf("open index %s (run indexer first): %w", cfg.index, err)
	}
	defer ix.Close()
	ix.KeepResults(max(cfg.keep, 0))
	h, err := web.New(ix, web.Options{Logger: log, RequestTimeout: cfg.timeout})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go ix.Watch(ctx, cfg.reload, log)
	go reloadOnHangup(ctx, ix, log)

	srv := &http.Server{
		Addr:              cfg.addr,
		Handler:           instrumented(h, ix),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      cfg.timeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	st := ix.Stats()
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "documents", st.Docs, "generation", st.Generation)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), cfg.timeout)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// reloadOnHangup reloads the index at once on each SIGHUP.
func reloadOnHangup(ctx context.Context, ix *newsindex.Index, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if swapped, err := ix.Reload(); err != nil {
				log.Error("reload", "err", err)
			} else {
				log.Info("reload on SIGHUP", "swapped", swapped, "generation", ix.Stats().Generation)
			}
		}
	}
}

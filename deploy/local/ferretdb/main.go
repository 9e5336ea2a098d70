// Command cem-ferretdb runs FerretDB (a MongoDB-wire server) embedded through its Go API,
// storing data in PostgreSQL (-handler postgresql, the local default since issue 17) or in SQLite files under
// a directory (-handler sqlite, the image's default).
//
// Why embedding instead of `go install github.com/FerretDB/FerretDB/cmd/ferretdb`: the
// published module lacks the generated build/version/version.txt, and FerretDB's own main
// panics on start without it (FerretDB issue 2982). That check only runs when the main module
// is FerretDB itself, so a main module of ours avoids it with no build tags or patches.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data-dir", "data", "directory for the SQLite files (one per database)")
	handler := flag.String("handler", "sqlite", "storage backend: sqlite (files under -data-dir) or postgresql (-postgresql-url)")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL connection string for the postgresql handler")
	debug := flag.Bool("debug", false, "log at debug level")
	flag.Parse()

	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	if err := run(*listen, *dataDir, *handler, *pgURL, logger); err != nil {
		logger.Error("cem-ferretdb failed", "error", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, handler, pgURL string, logger *slog.Logger) error {
	// The SQLite handler wants an existing directory and a "file:" URI ending with "/".
	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	logger.Info("cem-ferretdb starting", "listen", listen, "dataDir", dir)

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: listen},
		Logger:        logger,
		Handler:       handler,
		PostgreSQLURL: pgURL,
		// synchronous(normal) in WAL mode: a commit no longer waits for an fsync, and a power cut can lose
		// only the last commits, never corrupt the file. What lives here is read models, which the
		// services rebuild from their event logs, so the fsync per write was pure cost.
		SQLiteURL: "file:" + dir + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		return fmt.Errorf("ferretdb.New: %w", err)
	}

	// Stop cleanly (flushing SQLite) on SIGTERM from `ferretdb.sh stop` or Ctrl-C.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	return f.Run(ctx)
}

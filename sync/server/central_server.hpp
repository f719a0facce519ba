// The HTTP face of waserda-central: the versioned JSON API /v1/... (documented in sync/README.md) over
// a CentralStore. Stateless: everything lives in the store, so several servers may share one
// PostgreSQL database. Runs in-process too (tests start it on a thread on a free port).
#pragma once

#include "pos/core/result.hpp"
#include "sync/server/central_store.hpp"

#include <memory>
#include <string>

namespace waserda::sync {

struct ServerOptions {
    int threads = 8;
    int read_timeout_seconds = 30;
};

class CentralServer {
public:
    explicit CentralServer(CentralStore& store, ServerOptions options = {});
    ~CentralServer();
    CentralServer(const CentralServer&) = delete;
    CentralServer& operator=(const CentralServer&) = delete;

    // Binds the socket; port 0 picks a free port. Returns the bound port.
    core::Result<int> bind(const std::string& host, int port);
    // Serves until stop(). Call after bind().
    void run();
    // bind() and run() on a thread of its own.
    core::Result<int> start(const std::string& host, int port);
    // Stops accepting, finishes requests under way, joins the thread start() made. Idempotent.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace waserda::sync

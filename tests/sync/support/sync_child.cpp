// A shop's sync process for the crash tests: opens the shop database with its own connection and
// drains it to the central until nothing is pending. The test SIGKILLs it at awkward moments.
//   sync_child DB URL TOKEN
#include "pos/store/sqlite_store.hpp"
#include "sync/sync_client.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    using namespace waserda;
    if (argc != 4) {
        std::fprintf(stderr, "usage: sync_child DB URL TOKEN\n");
        return 2;
    }
    auto store = store::SqliteStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    sync::SyncOptions o;
    o.server_url = argv[2];
    o.token = argv[3];
    o.batch_size = 20;  // many small batches: more moments to be killed in
    o.pull_master = false;
    sync::SyncClient client(*store.value(), nullptr, o);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        auto round = client.run_once();
        if (round && client.status().pending == 0) return 0;
    }
    return 1;
}

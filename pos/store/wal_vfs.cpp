// The WAL-batching VFS (see wal_vfs.hpp): a shim whose files are the platform VFS's files, with a
// write buffer in front of WAL files only.
#include "pos/store/wal_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

namespace waserda::store {
namespace {

constexpr const char* kName = "waserda-wal-batch";
constexpr size_t kFlushAt = 1 << 20;   // a bigger transaction (an import) is written a megabyte at a time
constexpr int kFrameHeader = 24;       // WAL frame header; the WAL file's own header is 32 bytes

sqlite3_vfs* root() { return static_cast<sqlite3_vfs*>(sqlite3_vfs_find(nullptr)); }

// Our file object; the platform's file lives right after it in the same allocation.
struct WalFile {
    sqlite3_file base;
    std::string* pending;           // writes not yet handed to the kernel, contiguous from `offset`
    sqlite3_int64 offset;
    bool flush_after_next;          // the last write was a commit frame's header
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

WalFile* wal(sqlite3_file* f) { return reinterpret_cast<WalFile*>(f); }

// The unix VFS writes at most 128 KiB - 1 per call (it masks larger sizes), so a big buffer goes
// in pieces just under that.
constexpr size_t kMaxWrite = 124 * 1024;

int flush(WalFile* f) {
    const std::string& buf = *f->pending;
    int rc = SQLITE_OK;
    for (size_t done = 0; done < buf.size() && rc == SQLITE_OK;) {
        size_t n = std::min(kMaxWrite, buf.size() - done);
        rc = f->real()->pMethods->xWrite(f->real(), buf.data() + done, static_cast<int>(n),
                                         f->offset + static_cast<sqlite3_int64>(done));
        done += n;
    }
    f->offset += static_cast<sqlite3_int64>(buf.size());
    f->pending->clear();
    return rc;
}

uint32_t big_endian_u32(const unsigned char* p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// [SECTION] The WAL file's methods

int wal_close(sqlite3_file* f) {
    WalFile* w = wal(f);
    int rc = flush(w);
    int rc2 = w->real()->pMethods->xClose(w->real());
    delete w->pending;
    w->pending = nullptr;
    return rc != SQLITE_OK ? rc : rc2;
}

int wal_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xRead(wal(f)->real(), out, amount, offset);
}

int wal_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    WalFile* w = wal(f);
    if (!w->pending->empty() && offset != w->offset + static_cast<sqlite3_int64>(w->pending->size()))
        if (int rc = flush(w); rc != SQLITE_OK) return rc;
    if (w->pending->empty()) w->offset = offset;
    w->pending->append(static_cast<const char*>(data), static_cast<size_t>(amount));
    if (w->flush_after_next) {   // this was the commit frame's page: the transaction is whole
        w->flush_after_next = false;
        return flush(w);
    }
    if (amount == kFrameHeader && offset >= 32 && big_endian_u32(static_cast<const unsigned char*>(data) + 4) != 0)
        w->flush_after_next = true;
    if (w->pending->size() >= kFlushAt) return flush(w);
    return SQLITE_OK;
}

int wal_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xTruncate(wal(f)->real(), size);
}

int wal_sync(sqlite3_file* f, int flags) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xSync(wal(f)->real(), flags);
}

int wal_file_size(sqlite3_file* f, sqlite3_int64* size) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xFileSize(wal(f)->real(), size);
}

int wal_lock(sqlite3_file* f, int level) { return wal(f)->real()->pMethods->xLock(wal(f)->real(), level); }
int wal_unlock(sqlite3_file* f, int level) { return wal(f)->real()->pMethods->xUnlock(wal(f)->real(), level); }
int wal_check_reserved(sqlite3_file* f, int* out) {
    return wal(f)->real()->pMethods->xCheckReservedLock(wal(f)->real(), out);
}
int wal_file_control(sqlite3_file* f, int op, void* arg) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xFileControl(wal(f)->real(), op, arg);
}
int wal_sector_size(sqlite3_file* f) { return wal(f)->real()->pMethods->xSectorSize(wal(f)->real()); }
int wal_device(sqlite3_file* f) { return wal(f)->real()->pMethods->xDeviceCharacteristics(wal(f)->real()); }
// A WAL file is never memory-mapped nor given shared memory by SQLite; these only pass through.
int wal_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return wal(f)->real()->pMethods->xShmMap(wal(f)->real(), page, size, extend, out);
}
int wal_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return wal(f)->real()->pMethods->xShmLock(wal(f)->real(), offset, n, flags);
}
void wal_shm_barrier(sqlite3_file* f) { wal(f)->real()->pMethods->xShmBarrier(wal(f)->real()); }
int wal_shm_unmap(sqlite3_file* f, int del) { return wal(f)->real()->pMethods->xShmUnmap(wal(f)->real(), del); }
int wal_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    if (int rc = flush(wal(f)); rc != SQLITE_OK) return rc;
    return wal(f)->real()->pMethods->xFetch(wal(f)->real(), offset, amount, out);
}
int wal_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return wal(f)->real()->pMethods->xUnfetch(wal(f)->real(), offset, p);
}

const sqlite3_io_methods kWalMethods = {
    3,
    wal_close, wal_read, wal_write, wal_truncate, wal_sync, wal_file_size, wal_lock, wal_unlock, wal_check_reserved,
    wal_file_control, wal_sector_size, wal_device, wal_shm_map, wal_shm_lock, wal_shm_barrier, wal_shm_unmap,
    wal_fetch, wal_unfetch,
};

// [SECTION] The VFS: WAL files get the buffer, everything else is the platform's file as it is

int vfs_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    if (!(flags & SQLITE_OPEN_WAL)) return root()->xOpen(root(), name, file, flags, out_flags);
    WalFile* w = wal(file);
    w->base.pMethods = nullptr;
    int rc = root()->xOpen(root(), name, w->real(), flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    if (w->real()->pMethods->iVersion < 3) {   // every platform VFS since 3.7.17 is version 3
        w->real()->pMethods->xClose(w->real());
        return SQLITE_CANTOPEN;
    }
    w->pending = new (std::nothrow) std::string();
    if (!w->pending) {
        w->real()->pMethods->xClose(w->real());
        return SQLITE_NOMEM;
    }
    w->offset = 0;
    w->flush_after_next = false;
    w->base.pMethods = &kWalMethods;
    return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs*, const char* name, int sync_dir) { return root()->xDelete(root(), name, sync_dir); }
int vfs_access(sqlite3_vfs*, const char* name, int flags, int* out) { return root()->xAccess(root(), name, flags, out); }
int vfs_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return root()->xFullPathname(root(), name, n, out);
}
void* vfs_dl_open(sqlite3_vfs*, const char* name) { return root()->xDlOpen(root(), name); }
void vfs_dl_error(sqlite3_vfs*, int n, char* out) { root()->xDlError(root(), n, out); }
void (*vfs_dl_sym(sqlite3_vfs*, void* h, const char* sym))(void) { return root()->xDlSym(root(), h, sym); }
void vfs_dl_close(sqlite3_vfs*, void* h) { root()->xDlClose(root(), h); }
int vfs_randomness(sqlite3_vfs*, int n, char* out) { return root()->xRandomness(root(), n, out); }
int vfs_sleep(sqlite3_vfs*, int micros) { return root()->xSleep(root(), micros); }
int vfs_current_time(sqlite3_vfs*, double* out) { return root()->xCurrentTime(root(), out); }
int vfs_last_error(sqlite3_vfs*, int n, char* out) { return root()->xGetLastError(root(), n, out); }
int vfs_current_time64(sqlite3_vfs*, sqlite3_int64* out) { return root()->xCurrentTimeInt64(root(), out); }

}  // namespace

const char* wal_batching_vfs() {
    static std::once_flag once;
    static sqlite3_vfs vfs;
    std::call_once(once, [] {
        sqlite3_vfs* r = root();
        vfs = sqlite3_vfs{};
        vfs.iVersion = 2;
        vfs.szOsFile = static_cast<int>(sizeof(WalFile)) + r->szOsFile;
        vfs.mxPathname = r->mxPathname;
        vfs.zName = kName;
        vfs.xOpen = vfs_open;
        vfs.xDelete = vfs_delete;
        vfs.xAccess = vfs_access;
        vfs.xFullPathname = vfs_full_pathname;
        vfs.xDlOpen = vfs_dl_open;
        vfs.xDlError = vfs_dl_error;
        vfs.xDlSym = vfs_dl_sym;
        vfs.xDlClose = vfs_dl_close;
        vfs.xRandomness = vfs_randomness;
        vfs.xSleep = vfs_sleep;
        vfs.xCurrentTime = vfs_current_time;
        vfs.xGetLastError = vfs_last_error;
        vfs.xCurrentTimeInt64 = vfs_current_time64;
        sqlite3_vfs_register(&vfs, 0);
    });
    return kName;
}

}  // namespace waserda::store

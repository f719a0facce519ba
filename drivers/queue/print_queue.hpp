// PrintQueue: receipts go to the printer on a worker thread, so a sale never waits for paper, a
// cable or a busy printer. enqueue() returns at once; a job that fails is kept with its sentence
// (Failed) until the cashier retries it; a printed receipt can be reprinted. Observers feed the
// UI status bar: printer state and the last error sentence.
#pragma once

#include "drivers/transport/transport.hpp"
#include "pos/core/result.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace waserda::drivers {

enum class JobState { Queued, Printing, Printed, Failed };
const char* job_state_name(JobState s);

struct PrintJob {
    uint64_t id = 0;
    std::string label;            // what the cashier recognises: the sale number, "Tes printer"
    std::vector<uint8_t> bytes;   // ready ESC/POS
    JobState state = JobState::Queued;
    std::string error;            // the sentence of the last failure
    int attempts = 0;
    std::optional<uint64_t> reprint_of;
};

enum class PrinterState { Unknown, Ready, Printing, Problem };

// What the status bar shows.
struct PrintQueueStatus {
    PrinterState state = PrinterState::Unknown;
    std::string message;          // the last error sentence (or a warning such as paper near end)
    std::string printer;          // transport describe()
    std::size_t queued = 0;       // waiting or printing
    std::size_t failed = 0;       // waiting for the cashier to retry
};

struct PrintQueueOptions {
    // Ask DLE EOT before each job so "paper out" fails the job with the right sentence instead of
    // vanishing into the printer's buffer. A printer that does not answer is still printed to.
    bool check_status_before_print = true;
    std::size_t keep_printed = 50;  // printed jobs kept for reprint
};

class PrintQueue {
public:
    explicit PrintQueue(std::shared_ptr<PrinterTransport> transport, PrintQueueOptions options = {});
    ~PrintQueue();  // finishes the job being printed, then stops; waiting jobs are dropped
    PrintQueue(const PrintQueue&) = delete;
    PrintQueue& operator=(const PrintQueue&) = delete;

    // Never blocks on the printer. Returns the job id.
    uint64_t enqueue(std::string label, std::vector<uint8_t> bytes);
    // A failed job goes back into the queue (same id).
    core::Status retry(uint64_t id);
    void retry_failed();
    // Drops a failed or waiting job that must not come out late (a drawer pulse long after its sale).
    core::Status discard(uint64_t id);
    // Prints a known job again as a new job (a lost or torn receipt). Returns the new id.
    core::Result<uint64_t> reprint(uint64_t id);
    // Switch printers (settings changed); waiting jobs go to the new one.
    void set_transport(std::shared_ptr<PrinterTransport> transport);

    std::optional<PrintJob> job(uint64_t id) const;
    std::vector<PrintJob> jobs() const;  // oldest first
    PrintQueueStatus status() const;

    // Called on the worker thread after every change of a job or of the printer state; keep it
    // short and hand over to the UI thread. Returns a token for remove_observer.
    using Observer = std::function<void(const PrintQueueStatus&, const PrintJob&)>;
    int add_observer(Observer observer);
    void remove_observer(int token);

    // Waits until the job is Printed or Failed; false on timeout.
    bool wait_done(uint64_t id, std::chrono::milliseconds timeout) const;
    // Waits until nothing is queued or printing; false on timeout.
    bool wait_idle(std::chrono::milliseconds timeout) const;

private:
    void run();
    void finish(uint64_t id, const core::Status& result, const std::string& warning);
    PrintQueueStatus status_locked() const;
    void notify(const PrintJob& job);
    void trim_locked();

    PrintQueueOptions options_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_ptr<PrinterTransport> transport_;
    std::map<uint64_t, PrintJob> jobs_;
    std::deque<uint64_t> pending_;
    uint64_t next_id_ = 1;
    PrinterState state_ = PrinterState::Unknown;
    std::string message_;
    std::map<int, Observer> observers_;
    int next_token_ = 1;
    bool stopping_ = false;
    std::atomic<bool> status_silent_{false};  // the printer prints but does not answer DLE EOT
    std::thread worker_;
};

}  // namespace waserda::drivers

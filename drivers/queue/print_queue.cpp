#include "drivers/queue/print_queue.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>

namespace waserda::drivers {

const char* job_state_name(JobState s) {
    switch (s) {
    case JobState::Queued: return "queued";
    case JobState::Printing: return "printing";
    case JobState::Printed: return "printed";
    case JobState::Failed: return "failed";
    }
    return "?";
}

PrintQueue::PrintQueue(std::shared_ptr<PrinterTransport> transport, PrintQueueOptions options)
    : options_(options), transport_(std::move(transport)) {
    worker_ = std::thread([this] { run(); });
}

PrintQueue::~PrintQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

uint64_t PrintQueue::enqueue(std::string label, std::vector<uint8_t> bytes) {
    PrintJob copy;
    {
        std::lock_guard lock(mutex_);
        PrintJob job;
        job.id = next_id_++;
        job.label = std::move(label);
        job.bytes = std::move(bytes);
        pending_.push_back(job.id);
        copy = job;
        jobs_.emplace(job.id, std::move(job));
    }
    changed_.notify_all();
    return copy.id;
}

core::Status PrintQueue::retry(uint64_t id) {
    {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(id);
        if (it == jobs_.end())
            return core::make_error(core::ErrorCode::NotFound, core::tr("Cetakan tidak ditemukan."));
        if (it->second.state != JobState::Failed)
            return core::make_error(core::ErrorCode::Conflict, core::tr("Cetakan ini tidak gagal, tidak perlu diulang."));
        it->second.state = JobState::Queued;
        pending_.push_back(id);
    }
    changed_.notify_all();
    return core::ok_status();
}

void PrintQueue::retry_failed() {
    {
        std::lock_guard lock(mutex_);
        for (auto& [id, job] : jobs_)
            if (job.state == JobState::Failed) {
                job.state = JobState::Queued;
                pending_.push_back(id);
            }
    }
    changed_.notify_all();
}

core::Status PrintQueue::discard(uint64_t id) {
    {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(id);
        if (it == jobs_.end())
            return core::make_error(core::ErrorCode::NotFound, core::tr("Cetakan tidak ditemukan."));
        if (it->second.state != JobState::Failed && it->second.state != JobState::Queued)
            return core::make_error(core::ErrorCode::Conflict, core::tr("Cetakan ini sudah dicetak atau sedang dicetak."));
        jobs_.erase(it);   // the worker skips an id it no longer finds in pending_
        pending_.erase(std::remove(pending_.begin(), pending_.end(), id), pending_.end());
    }
    changed_.notify_all();
    return core::ok_status();
}

core::Result<uint64_t> PrintQueue::reprint(uint64_t id) {
    std::string label;
    std::vector<uint8_t> bytes;
    {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(id);
        if (it == jobs_.end())
            return core::make_error(core::ErrorCode::NotFound, core::tr("Cetakan tidak ditemukan."));
        label = it->second.label;
        bytes = it->second.bytes;
    }
    const uint64_t new_id = enqueue(std::move(label), std::move(bytes));
    std::lock_guard lock(mutex_);
    jobs_[new_id].reprint_of = id;
    return new_id;
}

void PrintQueue::set_transport(std::shared_ptr<PrinterTransport> transport) {
    std::lock_guard lock(mutex_);
    transport_ = std::move(transport);
    status_silent_ = false;
    state_ = PrinterState::Unknown;
    message_.clear();
}

std::optional<PrintJob> PrintQueue::job(uint64_t id) const {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    return it->second;
}

std::vector<PrintJob> PrintQueue::jobs() const {
    std::lock_guard lock(mutex_);
    std::vector<PrintJob> out;
    out.reserve(jobs_.size());
    for (const auto& [id, job] : jobs_) out.push_back(job);
    return out;
}

PrintQueueStatus PrintQueue::status() const {
    std::lock_guard lock(mutex_);
    return status_locked();
}

PrintQueueStatus PrintQueue::status_locked() const {
    PrintQueueStatus s;
    s.state = state_;
    s.message = message_;
    s.printer = transport_ ? transport_->describe() : std::string();
    for (const auto& [id, job] : jobs_) {
        if (job.state == JobState::Queued || job.state == JobState::Printing) ++s.queued;
        if (job.state == JobState::Failed) ++s.failed;
    }
    return s;
}

int PrintQueue::add_observer(Observer observer) {
    std::lock_guard lock(mutex_);
    observers_[next_token_] = std::move(observer);
    return next_token_++;
}

void PrintQueue::remove_observer(int token) {
    std::lock_guard lock(mutex_);
    observers_.erase(token);
}

bool PrintQueue::wait_done(uint64_t id, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        auto it = jobs_.find(id);
        return it == jobs_.end() || it->second.state == JobState::Printed || it->second.state == JobState::Failed;
    });
}

bool PrintQueue::wait_idle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        return std::none_of(jobs_.begin(), jobs_.end(), [](const auto& kv) {
            return kv.second.state == JobState::Queued || kv.second.state == JobState::Printing;
        });
    });
}

void PrintQueue::notify(const PrintJob& job) {
    std::vector<Observer> observers;
    PrintQueueStatus s;
    {
        std::lock_guard lock(mutex_);
        s = status_locked();
        for (const auto& [token, o] : observers_) observers.push_back(o);
    }
    for (const auto& o : observers) o(s, job);
}

void PrintQueue::trim_locked() {
    std::size_t printed = 0;
    for (const auto& [id, job] : jobs_) printed += job.state == JobState::Printed;
    for (auto it = jobs_.begin(); it != jobs_.end() && printed > options_.keep_printed;) {
        if (it->second.state == JobState::Printed) {
            it = jobs_.erase(it);
            --printed;
        } else {
            ++it;
        }
    }
}

void PrintQueue::run() {
    while (true) {
        uint64_t id = 0;
        std::vector<uint8_t> bytes;
        std::shared_ptr<PrinterTransport> transport;
        PrintJob snapshot;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
            if (stopping_) return;
            id = pending_.front();
            pending_.pop_front();
            auto it = jobs_.find(id);
            if (it == jobs_.end() || it->second.state != JobState::Queued) continue;
            it->second.state = JobState::Printing;
            ++it->second.attempts;
            state_ = PrinterState::Printing;
            bytes = it->second.bytes;
            transport = transport_;
            snapshot = it->second;
        }
        notify(snapshot);

        core::Status result = core::ok_status();
        std::string warning;
        if (!transport) {
            result = printer_errors::not_connected();
        } else {
            bool unanswered = false;
            if (options_.check_status_before_print && transport->supports_status() && !status_silent_) {
                auto st = transport->query_status();
                // No answer is not a reason to hold a receipt back: many cheap printers never
                // answer DLE EOT. Only a clear "no paper / cover open" stops the job.
                if (st) {
                    if (auto problem = status_problem(*st)) result = *problem;
                    else if (st->paper_near_end) warning = core::tr("Kertas printer hampir habis. Siapkan gulungan baru.");
                } else {
                    unanswered = true;
                }
            }
            if (result) result = transport->write(bytes);
            // A printer that prints but never answers would cost every receipt a status timeout:
            // stop asking it until something fails (then it may be another printer).
            if (result && unanswered) status_silent_ = true;
            if (!result) status_silent_ = false;
        }
        finish(id, result, warning);
    }
}

void PrintQueue::finish(uint64_t id, const core::Status& result, const std::string& warning) {
    PrintJob snapshot;
    {
        std::lock_guard lock(mutex_);
        auto it = jobs_.find(id);
        if (it == jobs_.end()) return;
        if (result) {
            it->second.state = JobState::Printed;
            it->second.error.clear();
            state_ = PrinterState::Ready;
            message_ = warning;
        } else {
            it->second.state = JobState::Failed;
            it->second.error = result.error().message;
            state_ = PrinterState::Problem;
            message_ = result.error().message;
        }
        snapshot = it->second;
        trim_locked();
    }
    changed_.notify_all();
    notify(snapshot);
}

}  // namespace waserda::drivers

// PrintQueue with a fake transport: the caller never waits for the printer, failures are kept and
// retried, reprints work, observers see the state.
#include "drivers/queue/print_queue.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

using namespace waserda;
using namespace waserda::drivers;

namespace {

class FakeTransport : public PrinterTransport {
public:
    // Scripted: each write pops the next result (ok when the script is empty).
    std::vector<core::Status> script;
    std::optional<PrinterStatus> status;  // nothing: the printer does not answer
    std::vector<std::vector<uint8_t>> printed;
    bool block = false;  // writes wait until released, like a printer busy with a long logo
    int queries = 0;

    core::Status write(std::span<const uint8_t> bytes) override {
        std::unique_lock lock(m);
        writing = true;
        cv.notify_all();
        cv.wait(lock, [&] { return !block; });
        writing = false;
        if (!script.empty()) {
            core::Status s = script.front();
            script.erase(script.begin());
            if (!s) return s;
        }
        printed.emplace_back(bytes.begin(), bytes.end());
        return core::ok_status();
    }
    core::Result<PrinterStatus> query_status() override {
        std::lock_guard lock(m);
        ++queries;
        if (!status) return printer_errors::timeout();
        return *status;
    }
    std::string describe() const override { return "fake"; }

    void release() {
        std::lock_guard lock(m);
        block = false;
        cv.notify_all();
    }
    bool wait_writing(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, timeout, [&] { return writing; });
    }
    std::size_t printed_count() {
        std::lock_guard lock(m);
        return printed.size();
    }

    std::mutex m;
    std::condition_variable cv;
    bool writing = false;
};

const auto kWait = std::chrono::seconds(5);

TEST(PrintQueue, PrintsAJobAndReportsReady) {
    auto fake = std::make_shared<FakeTransport>();
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0001", {1, 2, 3});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Printed);
    EXPECT_EQ(fake->printed, (std::vector<std::vector<uint8_t>>{{1, 2, 3}}));
    EXPECT_EQ(q.status().state, PrinterState::Ready);
    EXPECT_EQ(q.status().printer, "fake");
}

TEST(PrintQueue, EnqueueReturnsWhileThePrinterIsStillBusy) {
    auto fake = std::make_shared<FakeTransport>();
    fake->block = true;
    PrintQueue q(fake);
    const auto first = q.enqueue("T01-0001", {1});
    ASSERT_TRUE(fake->wait_writing(kWait));

    // The printer is stuck in a write; the next sale's receipt is still accepted at once.
    const auto second = q.enqueue("T01-0002", {2});
    EXPECT_NE(first, second);
    EXPECT_EQ(q.job(second)->state, JobState::Queued);
    EXPECT_EQ(q.status().queued, 2u);

    fake->release();
    ASSERT_TRUE(q.wait_idle(kWait));
    EXPECT_EQ(fake->printed, (std::vector<std::vector<uint8_t>>{{1}, {2}}));
}

TEST(PrintQueue, FailedJobIsKeptWithItsSentenceAndARetryPrintsItOnce) {
    auto fake = std::make_shared<FakeTransport>();
    fake->script = {printer_errors::not_connected()};
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0003", {9, 9});
    ASSERT_TRUE(q.wait_done(id, kWait));

    auto job = q.job(id);
    EXPECT_EQ(job->state, JobState::Failed);
    EXPECT_EQ(job->error, "Printer tidak terhubung. Periksa kabel USB printer.");
    EXPECT_EQ(q.status().state, PrinterState::Problem);
    EXPECT_EQ(q.status().message, "Printer tidak terhubung. Periksa kabel USB printer.");
    EXPECT_EQ(q.status().failed, 1u);
    EXPECT_EQ(fake->printed_count(), 0u);

    ASSERT_TRUE(q.retry(id).ok());
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Printed);
    EXPECT_EQ(q.job(id)->attempts, 2);
    EXPECT_EQ(fake->printed, (std::vector<std::vector<uint8_t>>{{9, 9}}));
    EXPECT_EQ(q.status().message, "");
    EXPECT_EQ(q.status().failed, 0u);
}

TEST(PrintQueue, RetryRefusesJobsThatDidNotFail) {
    auto fake = std::make_shared<FakeTransport>();
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0004", {1});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.retry(id).error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(q.retry(999).error().code, core::ErrorCode::NotFound);
}

TEST(PrintQueue, ReprintCopiesAPrintedReceiptAsANewJob) {
    auto fake = std::make_shared<FakeTransport>();
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0005", {5});
    ASSERT_TRUE(q.wait_done(id, kWait));

    auto again = q.reprint(id);
    ASSERT_TRUE(again.ok());
    ASSERT_TRUE(q.wait_done(*again, kWait));
    EXPECT_EQ(q.job(*again)->label, "T01-0005");
    EXPECT_EQ(q.job(*again)->reprint_of, id);
    EXPECT_EQ(fake->printed, (std::vector<std::vector<uint8_t>>{{5}, {5}}));
}

TEST(PrintQueue, PaperOutStatusFailsTheJobBeforeSendingIt) {
    auto fake = std::make_shared<FakeTransport>();
    PrinterStatus s;
    s.paper_out = true;
    fake->status = s;
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0006", {1});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->error, "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.");
    EXPECT_EQ(fake->printed_count(), 0u);
}

TEST(PrintQueue, APrinterThatDoesNotAnswerStatusIsStillPrintedTo) {
    auto fake = std::make_shared<FakeTransport>();  // query_status times out
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0007", {7});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Printed);
}

TEST(PrintQueue, APrinterThatPrintsButNeverAnswersIsNotAskedAgainUntilAFailure) {
    auto fake = std::make_shared<FakeTransport>();  // no status answers
    PrintQueue q(fake);
    for (int i = 0; i < 3; ++i) q.enqueue("T01-" + std::to_string(i), {1});
    ASSERT_TRUE(q.wait_idle(kWait));
    {
        std::lock_guard lock(fake->m);
        EXPECT_EQ(fake->queries, 1);
        EXPECT_EQ(fake->printed.size(), 3u);
        fake->script = {printer_errors::not_connected()};
    }
    const auto failed = q.enqueue("T01-3", {1});
    ASSERT_TRUE(q.wait_done(failed, kWait));
    const auto next = q.enqueue("T01-4", {1});
    ASSERT_TRUE(q.wait_done(next, kWait));
    std::lock_guard lock(fake->m);
    EXPECT_EQ(fake->queries, 2);  // asked again after the failure
}

TEST(PrintQueue, PaperNearEndPrintsWithAWarning) {
    auto fake = std::make_shared<FakeTransport>();
    PrinterStatus s;
    s.paper_near_end = true;
    fake->status = s;
    PrintQueue q(fake);
    const auto id = q.enqueue("T01-0008", {8});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Printed);
    EXPECT_EQ(q.status().state, PrinterState::Ready);
    EXPECT_EQ(q.status().message, "Kertas printer hampir habis. Siapkan gulungan baru.");
}

TEST(PrintQueue, ObserversSeeEveryStateChange) {
    auto fake = std::make_shared<FakeTransport>();
    fake->script = {printer_errors::busy()};
    PrintQueue q(fake);
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::pair<JobState, std::string>> seen;
    q.add_observer([&](const PrintQueueStatus& s, const PrintJob& j) {
        std::lock_guard lock(m);
        seen.emplace_back(j.state, s.message);
        cv.notify_all();
    });
    const auto id = q.enqueue("T01-0009", {1});
    std::unique_lock lock(m);
    ASSERT_TRUE(cv.wait_for(lock, kWait, [&] { return seen.size() >= 2; }));
    EXPECT_EQ(seen[0].first, JobState::Printing);
    EXPECT_EQ(seen[1].first, JobState::Failed);
    EXPECT_EQ(seen[1].second, "Printer sedang dipakai program lain (resource busy).");
    (void)id;
}

TEST(PrintQueue, KeepsOnlyTheConfiguredNumberOfPrintedJobsButEveryFailedOne) {
    auto fake = std::make_shared<FakeTransport>();
    fake->script = {printer_errors::busy()};
    PrintQueueOptions o;
    o.keep_printed = 2;
    PrintQueue q(fake, o);
    for (int i = 0; i < 5; ++i) q.enqueue("T01-" + std::to_string(i), {static_cast<uint8_t>(i)});
    ASSERT_TRUE(q.wait_idle(kWait));
    auto jobs = q.jobs();
    ASSERT_EQ(jobs.size(), 3u);
    EXPECT_EQ(jobs[0].state, JobState::Failed);
    EXPECT_EQ(jobs[0].label, "T01-0");
}

TEST(PrintQueue, ADiscardedFailedJobIsNeverPrintedAndTheRestAreRetriedInOrder) {
    auto fake = std::make_shared<FakeTransport>();
    PrinterStatus no_paper;
    no_paper.paper_out = true;
    fake->status = no_paper;
    PrintQueue q(fake);
    const auto receipt = q.enqueue("T01-0001", {1});
    const auto drawer = q.enqueue("laci-1", {2});
    const auto labels = q.enqueue("label-rak-1", {3});
    ASSERT_TRUE(q.wait_done(labels, kWait));
    EXPECT_EQ(q.status().failed, 3u);
    EXPECT_EQ(fake->printed_count(), 0u);

    ASSERT_TRUE(q.discard(drawer));
    EXPECT_FALSE(q.job(drawer));
    EXPECT_EQ(q.status().failed, 2u);
    EXPECT_FALSE(q.discard(drawer)) << "gone";
    {
        std::lock_guard lock(fake->m);
        fake->status = PrinterStatus{};
    }
    q.retry_failed();
    ASSERT_TRUE(q.wait_idle(kWait));
    EXPECT_EQ(q.job(receipt)->state, JobState::Printed);
    EXPECT_EQ(q.job(labels)->state, JobState::Printed);
    ASSERT_EQ(fake->printed_count(), 2u);
    EXPECT_EQ(fake->printed[0], std::vector<uint8_t>{1});
    EXPECT_EQ(fake->printed[1], std::vector<uint8_t>{3});
    EXPECT_FALSE(q.discard(receipt)) << "printed jobs stay for reprint";
}

TEST(PrintQueue, WithoutATransportJobsFailAndWaitForOne) {
    PrintQueue q(nullptr);
    const auto id = q.enqueue("T01-0010", {1});
    ASSERT_TRUE(q.wait_done(id, kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Failed);

    auto fake = std::make_shared<FakeTransport>();
    q.set_transport(fake);
    q.retry_failed();
    ASSERT_TRUE(q.wait_done(id, kWait));
    // wait_done also returns on Failed; make sure it was the retry that finished.
    ASSERT_TRUE(q.wait_idle(kWait));
    EXPECT_EQ(q.job(id)->state, JobState::Printed);
}

}  // namespace

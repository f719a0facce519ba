// A small libcurl wrapper for the sync client: one easy handle, reused so the connection stays open
// between batches. Used from one thread at a time. Failures are values with an Indonesian sentence.
#pragma once

#include "pos/core/result.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace waserda::sync {

struct HttpOptions {
    std::string ca_file;                                  // a private CA; empty: the system's
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds transfer_timeout{30000};    // a whole request, upload to answer
    std::function<bool()> cancelled;                      // polled during a transfer; true aborts it
};

struct HttpResponse {
    long status = 0;
    std::string body;
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // POSTs `gzip_body` (already gzip-compressed JSON) with Content-Encoding: gzip.
    core::Result<HttpResponse> post_gzip_json(const std::string& url, const std::string& token, const std::string& gzip_body);
    core::Result<HttpResponse> get(const std::string& url, const std::string& token);

private:
    core::Result<HttpResponse> perform(const std::string& url, const std::string& token, const std::string* gzip_body);

    HttpOptions options_;
    void* curl_ = nullptr;   // CURL*, kept out of the header
};

}  // namespace waserda::sync

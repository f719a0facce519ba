#include "sync/http_client.hpp"

#include "pos/core/i18n.hpp"

#include <curl/curl.h>

#include <mutex>

namespace waserda::sync {

namespace {

size_t collect(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* options = static_cast<HttpOptions*>(user);
    return options->cancelled && options->cancelled() ? 1 : 0;
}

core::Error network_error(CURLcode rc, const char* detail) {
    using core::ErrorCode;
    std::string why = detail && *detail ? detail : curl_easy_strerror(rc);
    switch (rc) {
        case CURLE_OPERATION_TIMEDOUT:
            return core::make_error(ErrorCode::Network, core::tr("Server pusat tidak menjawab tepat waktu."));
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return core::make_error(ErrorCode::Network, core::tr("Alamat server pusat tidak ditemukan; periksa jaringan."));
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
            return core::make_error(ErrorCode::Network, core::tr("Sertifikat server pusat tidak dapat diverifikasi: {}.", why));
        case CURLE_ABORTED_BY_CALLBACK:
            return core::make_error(ErrorCode::Network, core::tr("Pengiriman dihentikan."));
        default:
            return core::make_error(ErrorCode::Network, core::tr("Server pusat tidak dapat dihubungi: {}.", why));
    }
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

core::Result<HttpResponse> HttpClient::post_gzip_json(const std::string& url, const std::string& token,
                                                      const std::string& gzip_body) {
    return perform(url, token, &gzip_body);
}

core::Result<HttpResponse> HttpClient::get(const std::string& url, const std::string& token) {
    return perform(url, token, nullptr);
}

core::Result<HttpResponse> HttpClient::perform(const std::string& url, const std::string& token, const std::string* gzip_body) {
    CURL* c = static_cast<CURL*>(curl_);
    if (!c) return core::make_error(core::ErrorCode::Network, core::tr("Pustaka jaringan tidak dapat dimulai."));
    curl_easy_reset(c);
    HttpResponse response;
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    std::string auth = "Authorization: Bearer " + token;
    headers = curl_slist_append(headers, auth.c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    if (gzip_body) {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Content-Encoding: gzip");
        // No "Expect: 100-continue": one round trip per batch instead of two.
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, gzip_body->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(gzip_body->size()));
    }
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");   // whatever curl can decode (gzip)
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);          // we run on a background thread
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.transfer_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &options_);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) return network_error(rc, errbuf);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

}  // namespace waserda::sync

// The S3 client; see s3.h.
#include "server/s3.h"

#include <curl/curl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

namespace
{
size_t AppendBody(char* data, size_t size, size_t count, void* out)
{
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

struct HeaderSink
{
    const curl_socket_t* sock; // the connection's socket (SOCKOPTFUNCTION records it when curl opens one)
    std::string* etag;
};

int RecordSocket(void* out, curl_socket_t sock, curlsocktype)
{
    *static_cast<curl_socket_t*>(out) = sock;
    return CURL_SOCKOPT_OK;
}

size_t ReadHeader(char* data, size_t size, size_t count, void* sink_ptr)
{
    HeaderSink* sink = static_cast<HeaderSink*>(sink_ptr);
    std::string line(data, size * count);
    if (line == "\r\n")
    {
        // Measured on RGW 16.2 (beast): on a reused connection the body of every answer waited ~40 ms for our
        // delayed ACK of the headers (the server sends the rest only when the first part is acknowledged; strace
        // shows the gap). Acknowledge the headers at once: setting TCP_QUICKACK sends a pending ACK now.
        if (*sink->sock != CURL_SOCKET_BAD)
        {
            const int one = 1;
            setsockopt(*sink->sock, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        }
        return size * count;
    }
    void* out = sink->etag;
    const size_t colon = line.find(':');
    if (colon != std::string::npos)
    {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (name == "etag")
        {
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            value.erase(value.find_last_not_of(" \t\r\n") + 1);
            *static_cast<std::string*>(out) = value;
        }
    }
    return size * count;
}

struct Upload
{
    const std::string* bytes;
    size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* in)
{
    Upload* up = static_cast<Upload*>(in);
    const size_t n = std::min(size * count, up->bytes->size() - up->offset);
    std::copy(up->bytes->data() + up->offset, up->bytes->data() + up->offset + n, buffer);
    up->offset += n;
    return n;
}

// Keys and query values: RFC 3986 unreserved characters stay, everything else is %XX; '/' stays in keys.
std::string Encode(const std::string& s, bool keep_slash)
{
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s)
    {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keep_slash && c == '/'))
            out += static_cast<char>(c);
        else
        {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string XmlUnescape(std::string s)
{
    const std::pair<const char*, const char*> kEntities[] = {{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                                                             {"&apos;", "'"}, {"&#34;", "\""}, {"&amp;", "&"}};
    for (const auto& [from, to] : kEntities)
        for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::string(to).size())
            s.replace(p, std::string(from).size(), to);
    return s;
}

// The text of the first <name>...</name> in xml[from, to); "" when absent.
std::string Element(const std::string& xml, const std::string& name, size_t from = 0, size_t to = std::string::npos)
{
    const size_t open = xml.find("<" + name + ">", from);
    if (open == std::string::npos || open >= to)
        return "";
    const size_t start = open + name.size() + 2;
    const size_t close = xml.find("</" + name + ">", start);
    if (close == std::string::npos || close > to)
        return "";
    return XmlUnescape(xml.substr(start, close - start));
}

// One request. `query` is already sorted and encoded (libcurl signs the query as given).
server::s3::Response Send(const server::s3::Options& o, const std::string& method, const std::string& bucket,
                          const std::string& key, const std::string& query,
                          const std::vector<std::string>& headers, const std::string* body)
{
    static std::once_flag init;
    std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    // One handle per thread: libcurl keeps the connection to the endpoint open between requests.
    thread_local struct Handle
    {
        CURL* curl = curl_easy_init();
        curl_socket_t sock = CURL_SOCKET_BAD;
        ~Handle() { curl_easy_cleanup(curl); }
    } handle;
    server::s3::Response r;
    CURL* curl = handle.curl;
    if (!curl)
    {
        r.error = "libcurl could not start";
        return r;
    }
    curl_easy_reset(curl);
    std::string endpoint = o.endpoint;
    while (!endpoint.empty() && endpoint.back() == '/')
        endpoint.pop_back();
    std::string url = endpoint + "/" + Encode(bucket, false);
    if (!key.empty())
        url += "/" + Encode(key, true);
    else if (method == "PUT")
        url += "/";
    if (!query.empty())
        url += "?" + query;
    const std::string sigv4 = "aws:amz:" + o.region + ":s3";
    const std::string userpwd = o.access_key + ":" + o.secret_key;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4.c_str());
    curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(o.timeout_s));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    // A store that stops answering mid-request: give up after 5 s without a byte (the client gets 503 and retries).
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 5L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, ReadHeader);
    HeaderSink sink{&handle.sock, &r.etag};
    curl_easy_setopt(curl, CURLOPT_SOCKOPTFUNCTION, RecordSocket);
    curl_easy_setopt(curl, CURLOPT_SOCKOPTDATA, &handle.sock);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
    struct curl_slist* list = nullptr;
    // curl 7.88 signs but does not hash the payload; RGW wants the header (the body's integrity is TCP's and the
    // ETag's: the MD5 S3 returns is compared by the store when it matters).
    list = curl_slist_append(list, "x-amz-content-sha256: UNSIGNED-PAYLOAD");
    for (const std::string& h : headers)
        list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    Upload upload{body, 0};
    if (method == "PUT")
    {
        static const std::string kEmpty;
        if (!body)
            upload.bytes = &kEmpty;
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.bytes->size()));
    }
    else if (method == "HEAD")
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    else if (method != "GET")
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(list);
    if (rc != CURLE_OK)
    {
        r.error = curl_easy_strerror(rc);
        r.body.clear();
        return r;
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    r.status = static_cast<int>(status);
    if (r.status >= 300 && r.status != 304)
        r.error = Element(r.body, "Code");
    return r;
}

std::string Bare(std::string etag)
{
    if (etag.rfind("W/", 0) == 0)
        etag = etag.substr(2);
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        etag = etag.substr(1, etag.size() - 2);
    return etag;
}

std::string Trim(std::string s)
{
    s.erase(0, s.find_first_not_of(" \t\r"));
    s.erase(s.find_last_not_of(" \t\r") + 1);
    return s;
}
} // namespace

std::string server::s3::LoadCredentials(Options* o)
{
    auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return std::string(v ? v : "");
    };
    if (!env("AWS_REGION").empty())
        o->region = env("AWS_REGION");
    else if (!env("AWS_DEFAULT_REGION").empty())
        o->region = env("AWS_DEFAULT_REGION");
    if (!o->access_key.empty() && !o->secret_key.empty())
        return "";
    if (!env("AWS_ACCESS_KEY_ID").empty() && !env("AWS_SECRET_ACCESS_KEY").empty())
    {
        o->access_key = env("AWS_ACCESS_KEY_ID");
        o->secret_key = env("AWS_SECRET_ACCESS_KEY");
        return "";
    }
    std::string file = env("AWS_SHARED_CREDENTIALS_FILE");
    if (file.empty() && !env("HOME").empty())
        file = env("HOME") + "/.aws/credentials";
    const std::string profile = env("AWS_PROFILE").empty() ? "default" : env("AWS_PROFILE");
    std::ifstream in(file);
    std::string section;
    for (std::string line; in && std::getline(in, line);)
    {
        line = Trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';')
            continue;
        if (line.front() == '[' && line.back() == ']')
        {
            section = Trim(line.substr(1, line.size() - 2));
            continue;
        }
        const size_t eq = line.find('=');
        if (section != profile || eq == std::string::npos)
            continue;
        const std::string name = Trim(line.substr(0, eq));
        const std::string value = Trim(line.substr(eq + 1));
        if (name == "aws_access_key_id")
            o->access_key = value;
        else if (name == "aws_secret_access_key")
            o->secret_key = value;
    }
    if (!o->access_key.empty() && !o->secret_key.empty())
        return "";
    return "no S3 keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or put them in " +
           (file.empty() ? std::string("~/.aws/credentials") : file) + " under [" + profile + "]";
}

std::string server::s3::EndpointFromEnvironment()
{
    for (const char* name : {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"})
        if (const char* v = std::getenv(name); v && *v)
            return v;
    return "";
}

std::string server::s3::Describe(const Options& o, const Response& r)
{
    if (r.status == 0)
        return "cannot reach the S3 endpoint " + o.endpoint + ": " + r.error;
    return "S3 answered " + std::to_string(r.status) + (r.error.empty() ? "" : " " + r.error);
}

server::s3::Response server::s3::Get(const Options& o, const std::string& bucket, const std::string& key,
                                     const std::string& if_none_match)
{
    std::vector<std::string> headers;
    if (!if_none_match.empty())
        headers.push_back("If-None-Match: " + if_none_match);
    return Send(o, "GET", bucket, key, "", headers, nullptr);
}

server::s3::Response server::s3::Head(const Options& o, const std::string& bucket, const std::string& key)
{
    return Send(o, "HEAD", bucket, key, "", {}, nullptr);
}

server::s3::Response server::s3::Put(const Options& o, const std::string& bucket, const std::string& key,
                                     const std::string& bytes, const Condition& condition)
{
    std::vector<std::string> headers = {"Content-Type: application/json"};
    if (condition.create_only)
        headers.push_back("If-None-Match: *");
    else if (!condition.if_match.empty())
        headers.push_back("If-Match: " + Bare(condition.if_match)); // RGW 16.2 does not unquote
    return Send(o, "PUT", bucket, key, "", headers, &bytes);
}

server::s3::Response server::s3::Delete(const Options& o, const std::string& bucket, const std::string& key)
{
    return Send(o, "DELETE", bucket, key, "", {}, nullptr);
}

server::s3::Response server::s3::CreateBucket(const Options& o, const std::string& bucket)
{
    return Send(o, "PUT", bucket, "", "", {}, nullptr);
}

std::string server::s3::List(const Options& o, const std::string& bucket, const std::string& prefix,
                             const std::string& start_after, std::vector<Object>* objects,
                             const std::string& delimiter, std::vector<std::string>* prefixes)
{
    std::string token;
    for (int page = 0; page < 100000; ++page)
    {
        // Sorted by name, as SigV4's canonical query wants.
        std::map<std::string, std::string> q = {{"list-type", "2"}, {"prefix", prefix}};
        if (!token.empty())
            q["continuation-token"] = token;
        if (!start_after.empty())
            q["start-after"] = start_after;
        if (!delimiter.empty())
            q["delimiter"] = delimiter;
        std::string query;
        for (const auto& [k, v] : q)
            query += (query.empty() ? "" : "&") + k + "=" + Encode(v, false);
        const Response r = Send(o, "GET", bucket, "", query, {}, nullptr);
        if (r.status != 200)
            return Describe(o, r);
        const std::string& xml = r.body;
        for (size_t pos = 0; (pos = xml.find("<Contents>", pos)) != std::string::npos;)
        {
            const size_t end = xml.find("</Contents>", pos);
            Object obj;
            obj.key = Element(xml, "Key", pos, end);
            obj.etag = Element(xml, "ETag", pos, end);
            obj.size = std::atoll(Element(xml, "Size", pos, end).c_str());
            obj.last_modified = Element(xml, "LastModified", pos, end);
            objects->push_back(obj);
            pos = end == std::string::npos ? xml.size() : end;
        }
        if (prefixes)
            for (size_t pos = 0; (pos = xml.find("<CommonPrefixes>", pos)) != std::string::npos;)
            {
                const size_t end = xml.find("</CommonPrefixes>", pos);
                prefixes->push_back(Element(xml, "Prefix", pos, end));
                pos = end == std::string::npos ? xml.size() : end;
            }
        if (Element(xml, "IsTruncated") != "true")
            return "";
        token = Element(xml, "NextContinuationToken");
        if (token.empty())
            return "S3 listing of " + prefix + " is truncated without a continuation token";
    }
    return "S3 listing of " + prefix + " does not end";
}

bool server::s3::ParseLocation(const std::string& location, std::string* bucket, std::string* prefix)
{
    if (location.rfind("s3://", 0) != 0)
        return false;
    std::string rest = location.substr(5);
    const size_t slash = rest.find('/');
    *bucket = rest.substr(0, slash);
    std::string p = slash == std::string::npos ? "" : rest.substr(slash + 1);
    while (!p.empty() && p.back() == '/')
        p.pop_back();
    while (!p.empty() && p.front() == '/')
        p.erase(0, 1);
    *prefix = p;
    return !bucket->empty();
}

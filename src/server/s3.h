// A small S3 client for the bucket store (store_s3.cpp): path-style requests signed by libcurl's own SigV4
// (CURLOPT_AWS_SIGV4), single-request PUTs with the conditional headers, GET, DELETE and ListObjectsV2.
// Works with AWS S3, MinIO and Ceph RGW; the RGW 16.2 quirks are handled here (If-Match is sent without quotes)
// and in store_s3.cpp (a 500 on a conditional PUT is a lost race). No crypto of our own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace server::s3
{
struct Options
{
    std::string endpoint;   // "http://127.0.0.1:8000" (path style: <endpoint>/<bucket>/<key>)
    std::string access_key; // from AWS_ACCESS_KEY_ID or a credentials file, never from the command line
    std::string secret_key;
    std::string region = "us-east-1";
    int timeout_s = 20; // whole request; connecting has 5 s
};

// Fills the keys (when empty) from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, else from the credentials file
// AWS_SHARED_CREDENTIALS_FILE (default ~/.aws/credentials), profile AWS_PROFILE (default "default"). The region
// from AWS_REGION / AWS_DEFAULT_REGION when set. Returns "" or why there are no keys.
std::string LoadCredentials(Options* options);

// The endpoint from the environment when none is given: AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL (the names
// the AWS tools use); "" when neither is set.
std::string EndpointFromEnvironment();

struct Response
{
    int status = 0;     // 0: no HTTP answer (see error)
    std::string error;  // transport error ("connection refused", a timeout), or S3's <Code> for an error status
    std::string body;
    std::string etag;   // the ETag header as sent (quoted)
};

// Why a failed response failed, for messages: "S3 answered 403 AccessDenied" or "cannot reach ...: ...".
std::string Describe(const Options& options, const Response& r);

// What a PUT must find: nothing (create: If-None-Match: *), or the object with this S3 ETag (If-Match; the quotes
// are taken off, since RGW 16.2 compares the header with the bare tag), or no condition at all.
struct Condition
{
    bool create_only = false;
    std::string if_match; // S3 ETag, quoted or bare
};

Response Get(const Options& o, const std::string& bucket, const std::string& key, const std::string& if_none_match = "");
Response Head(const Options& o, const std::string& bucket, const std::string& key);
Response Put(const Options& o, const std::string& bucket, const std::string& key, const std::string& bytes,
             const Condition& condition = {});
Response Delete(const Options& o, const std::string& bucket, const std::string& key);
Response CreateBucket(const Options& o, const std::string& bucket);

struct Object
{
    std::string key;
    std::string etag; // quoted, as S3 lists it
    int64_t size = 0;
    std::string last_modified; // ISO 8601
};

// Every object under `prefix` whose key sorts after `start_after` (ListObjectsV2, all pages); with a delimiter,
// *prefixes gets the common prefixes ("sub-folders") and objects below them are not listed. "" or an error.
std::string List(const Options& o, const std::string& bucket, const std::string& prefix, const std::string& start_after,
                 std::vector<Object>* objects, const std::string& delimiter = "",
                 std::vector<std::string>* prefixes = nullptr);

// "s3://bucket/prefix/..." -> bucket and prefix (no leading or trailing slash). False when not an s3:// location.
bool ParseLocation(const std::string& location, std::string* bucket, std::string* prefix);
} // namespace server::s3

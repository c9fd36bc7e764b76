// Plain object access at a folder or bucket location; see location.h.
#include "server/location.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

std::string server::OpenLocation(const std::string& text, const StoreOptions& options, Location* out)
{
    out->text = text;
    out->bucket = IsBucketLocation(text);
    if (!out->bucket)
    {
        out->dir = text;
        return "";
    }
    if (!s3::ParseLocation(text, &out->bucket_name, &out->prefix))
        return "not an S3 location: " + text + " (s3://bucket/prefix)";
    out->s3.endpoint = options.s3_endpoint.empty() ? s3::EndpointFromEnvironment() : options.s3_endpoint;
    if (out->s3.endpoint.empty())
        return text + " needs the S3 service's address: --s3-endpoint URL (or AWS_ENDPOINT_URL)";
    out->s3.access_key = options.s3_access_key;
    out->s3.secret_key = options.s3_secret_key;
    return s3::LoadCredentials(&out->s3);
}

namespace
{
std::string KeyOf(const server::Location& at, const std::string& rel)
{
    return at.prefix.empty() ? rel : at.prefix + "/" + rel;
}

std::string Explain(const server::Location& at, const server::s3::Response& r)
{
    if (r.status == 404 && r.error == "NoSuchBucket")
        return "the bucket '" + at.bucket_name + "' does not exist at " + at.s3.endpoint;
    if (r.status == 403)
        return "the S3 service refused the keys (" + r.error + "): check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY";
    return server::s3::Describe(at.s3, r);
}
} // namespace

std::string server::ListKeys(const Location& at, std::vector<std::string>* keys)
{
    if (!at.bucket)
    {
        std::error_code ec;
        if (!fs::is_directory(at.dir, ec))
            return "folder not found: " + at.dir;
        for (auto it = fs::recursive_directory_iterator(at.dir, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
        {
            const std::string name = it->path().filename().string();
            if (it->is_symlink(ec) || !it->is_regular_file(ec) || name.find(".tmp-") != std::string::npos)
                continue;
            keys->push_back(fs::relative(it->path(), at.dir, ec).generic_string());
        }
        if (ec)
            return "cannot list " + at.dir + ": " + ec.message();
        std::sort(keys->begin(), keys->end());
        return "";
    }
    std::vector<s3::Object> objects;
    const std::string prefix = at.prefix.empty() ? "" : at.prefix + "/";
    if (std::string err = s3::List(at.s3, at.bucket_name, prefix, "", &objects); !err.empty())
    {
        s3::Response probe = s3::Head(at.s3, at.bucket_name, "");
        if (probe.status == 404)
            return "the bucket '" + at.bucket_name + "' does not exist at " + at.s3.endpoint;
        return err;
    }
    for (const s3::Object& o : objects)
        keys->push_back(o.key.substr(prefix.size()));
    return "";
}

std::string server::ReadKey(const Location& at, const std::string& key, std::string* bytes)
{
    if (!at.bucket)
        return ReadWholeFile(at.dir + "/" + key, bytes) ? "" : "cannot read " + at.dir + "/" + key;
    s3::Response r = s3::Get(at.s3, at.bucket_name, KeyOf(at, key));
    if (r.status != 200)
        return "cannot read " + key + ": " + Explain(at, r);
    *bytes = std::move(r.body);
    return "";
}

std::string server::WriteKey(const Location& at, const std::string& key, const std::string& bytes)
{
    if (!at.bucket)
    {
        const fs::path p = fs::path(at.dir) / key;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        const fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".tmp-migrate");
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            if (!out.flush())
                return "cannot write " + p.string();
        }
        fs::rename(tmp, p, ec);
        return ec ? "cannot write " + p.string() + ": " + ec.message() : "";
    }
    s3::Response r = s3::Put(at.s3, at.bucket_name, KeyOf(at, key), bytes);
    return r.status == 200 ? "" : "cannot write " + key + ": " + Explain(at, r);
}

std::string server::MakeLocation(const Location& at, bool* created)
{
    *created = false;
    std::error_code ec;
    if (!at.bucket)
    {
        *created = !fs::exists(at.dir, ec);
        fs::create_directories(at.dir, ec);
        return ec ? "cannot create " + at.dir + ": " + ec.message() : "";
    }
    s3::Response head = s3::Head(at.s3, at.bucket_name, "");
    if (head.status == 200)
        return "";
    if (head.status != 404)
        return "cannot reach the bucket '" + at.bucket_name + "': " + Explain(at, head);
    s3::Response r = s3::CreateBucket(at.s3, at.bucket_name);
    if (r.status == 409 && r.error == "BucketAlreadyOwnedByYou") // created at the same moment by another copy
        return "";
    if (r.status != 200)
        return "cannot create the bucket '" + at.bucket_name + "': " + Explain(at, r);
    *created = true;
    return "";
}

// Plain object access at a location, a folder or s3://bucket/prefix, for tools that copy or read whole deployments
// (`thidua migrate`, `thidua check`, `thidua synth`). Keys are relative to the location ("cluster.json",
// ".thidua/epoch"). No conditions, no audit: the server's store (store.h) is the way to change a running deployment.
#pragma once

#include "server/s3.h"
#include "server/store.h"

#include <string>
#include <vector>

namespace server
{
struct Location
{
    std::string text;   // as given
    bool bucket = false;
    std::string dir;    // a folder
    s3::Options s3;     // a bucket: endpoint and keys
    std::string bucket_name, prefix;
};

// Parses the location and, for a bucket, loads the keys. "" or an error.
std::string OpenLocation(const std::string& text, const StoreOptions& options, Location* out);
// Every key under the location (all pages), sorted; a folder's symlinks and temp files are left out. "" or an error
// (a missing bucket or folder is an error; an empty prefix is not).
std::string ListKeys(const Location& at, std::vector<std::string>* keys);
std::string ReadKey(const Location& at, const std::string& key, std::string* bytes);
std::string WriteKey(const Location& at, const std::string& key, const std::string& bytes);
// Creates the folder or the bucket when missing; *created tells whether it did. "" or an error.
std::string MakeLocation(const Location& at, bool* created);
} // namespace server

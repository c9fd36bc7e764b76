// Content codings for `thidua serve` (issue #13): which coding a request's Accept-Encoding allows, and gzip /
// brotli compression of bodies made on the fly (data files, the manifest, the snapshot). The web build's shell
// files are compressed at build time (`.br` and `.gz` next to each file); the server only picks one.
#pragma once

#include <string>
#include <vector>

namespace server
{
// The first coding of `offered` ("br", "gzip"; best first) that `accept_encoding` allows, or "" for identity.
// Follows RFC 9110 §12.5.3: q=0 refuses a coding, "*" stands for every coding not named; no header = identity.
std::string PickEncoding(const std::string& accept_encoding, const std::vector<std::string>& offered);

// `bytes` compressed with `coding` ("gzip" or "br"); false when the compressor failed.
bool Compress(const std::string& coding, const std::string& bytes, std::string* out);

// Whether a body of this Content-Type is worth compressing (text, JSON, JavaScript, wasm, SVG).
bool Compressible(const std::string& content_type);
} // namespace server

# Writes sw.js from web/sw.js.in with SHELL_VERSION = a hash of the shell files of this build, so a new build
# gets a new service worker and a new cache. Usage: cmake -DWEB=<build/web> -DIN=<sw.js.in> -P stamp_sw.cmake
set(all "")
foreach(name index.html thidua.js thidua.wasm sync-worker.js manifest.webmanifest)
    file(SHA256 "${WEB}/${name}" h)
    string(APPEND all "${h}")
endforeach()
string(SHA256 version "${all}")
string(SUBSTRING "${version}" 0 16 SHELL_VERSION)
configure_file("${IN}" "${WEB}/sw.js" @ONLY)
